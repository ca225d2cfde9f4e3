import { createWriteStream, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AppConfig } from '../app/config.ts';
import { openAppContext } from '../app/context.ts';
import type { ExportFormat } from '../app/exports/formats.ts';
import { contributionExport } from '../app/exports/write-export.ts';

export interface ExportCommandOptions {
  format: ExportFormat;
  output?: string;
  /** Every contribution in every state with personal data: for operators, never for publication. */
  intern?: boolean;
}

/**
 * `baukasten export`: by default exactly what the downloads under /daten hold (published contributions,
 * public shape); with --intern every contribution in the full canonical shape. Written as it is read,
 * page by page; a file is removed again when the export fails halfway.
 */
export async function runExportCommand(options: ExportCommandOptions, config: AppConfig): Promise<number> {
  const context = await openAppContext(config.database);
  try {
    const csv = { siteUrl: config.siteUrl, names: await context.taxonomy.names() };
    const chunks = options.intern
      ? contributionExport({ scope: 'internal', source: context.contributions, format: options.format, csv })
      : contributionExport({ scope: 'public', source: context.contributions, format: options.format, csv });
    if (!options.output) {
      // stdout stays open (end: false): it belongs to the process, not to this command.
      await pipeline(Readable.from(chunks), process.stdout, { end: false });
      return 0;
    }
    try {
      await pipeline(Readable.from(chunks), createWriteStream(options.output));
    } catch (error) {
      rmSync(options.output, { force: true });
      throw error;
    }
    return 0;
  } finally {
    await context.close();
  }
}
