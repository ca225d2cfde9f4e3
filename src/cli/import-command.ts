import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeDatabase, type AppConfig } from '../app/config.ts';
import { openAppContext } from '../app/context.ts';
import { createParsePool, defaultPoolSize } from '../app/bulk-import/parse-pool.ts';
import { openJournal } from '../app/bulk-import/journal.ts';
import { walkSources, type SourceEntry } from '../app/bulk-import/walk-sources.ts';
import { importStream, type ImportResult, type SourceDocument } from '../app/import-documents.ts';
import { DEFAULT_MAX_BYTES } from '../import/decode.ts';
import { rejectionReasons } from '../import/messages.ts';
import { createProgress, type Progress } from './progress.ts';

export interface ImportCommandOptions {
  dryRun?: boolean;
  json?: boolean;
  publish?: boolean;
  report?: string;
  /** Path of the journal, or false (--no-journal). */
  journal?: string | false;
  workers?: string;
}

/** A line of the report: an import result, or a file that was not even read. */
export type ReportLine = ImportResult | { file: string; outcome: 'skipped'; reason: string };

export const DEFAULT_JOURNAL = 'var/import-journal.ndjson';

/**
 * `baukasten import <files or folders…>`: streams the files through importStream (one transaction
 * per document), prints one report line per file, a progress line on a terminal and a summary.
 * SIGINT/SIGTERM stop after the current document; running the same command again continues.
 */
export async function runImportCommand(paths: string[], options: ImportCommandOptions, config: AppConfig): Promise<number> {
  const started = performance.now();
  const counts: Record<ReportLine['outcome'], number> = { imported: 0, duplicate: 0, parsed: 0, rejected: 0, skipped: 0 };
  const report = options.report ? openSync(options.report, 'w') : null;
  const progress: Progress | null = process.stderr.isTTY && !options.json ? createProgress(process.stderr, await countFiles(paths), started) : null;
  let handled = 0;
  let flagged = 0;
  const emit = (line: ReportLine) => {
    counts[line.outcome]++;
    if (line.outcome === 'imported' && line.possibleDuplicates.length) flagged++;
    if (report !== null) writeSync(report, `${JSON.stringify(line)}\n`);
    const print = () => (options.json ? process.stdout.write(`${JSON.stringify(line)}\n`) : printHuman(line));
    if (progress) progress.interrupt(print);
    else print();
    if (line.outcome !== 'skipped') progress?.update(++handled);
  };

  let stopSignal: NodeJS.Signals | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopSignal) process.exit(signal === 'SIGINT' ? 130 : 143); // a second signal: stop at once
    stopSignal = signal;
    progress?.interrupt(() => process.stderr.write(`Abbruch angefordert – das aktuelle Dokument wird noch abgeschlossen …\n`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const workers = options.workers !== undefined ? Number(options.workers) : defaultPoolSize();
  if (!Number.isInteger(workers) || workers < 0) throw new Error(`--workers erwartet eine ganze Zahl ≥ 0, nicht „${options.workers}“.`);
  const context = await openAppContext(config.database);
  const pool = createParsePool(workers);
  const journal = options.journal === false || options.dryRun ? null : openJournal(resolve(options.journal ?? DEFAULT_JOURNAL));
  try {
    const documents = readDocuments(paths, emit);
    const results = importStream(context.contributions, documents, {
      dryRun: options.dryRun,
      state: options.publish ? 'published' : 'draft',
      actor: 'cli',
      parse: pool.parse,
      readAhead: pool.size * 2 + 1,
      journal: journal ?? undefined,
    });
    for await (const result of results) {
      emit(result);
      if (stopSignal) break;
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    progress?.done();
    journal?.close();
    if (report !== null) closeSync(report);
    await pool.close();
    await context.close();
  }

  const seconds = (performance.now() - started) / 1000;
  const processed = counts.imported + counts.duplicate + counts.parsed + counts.rejected;
  const parts = [
    options.dryRun ? `${counts.parsed} ausgelesen` : `${counts.imported} importiert`,
    `${counts.duplicate} bereits vorhanden`,
    `${counts.rejected} abgelehnt`,
    `${counts.skipped} übersprungen`,
  ];
  if (flagged) parts.push(`${flagged} mit möglicher Dublette`);
  process.stderr.write(
    `${parts.join(', ')} – ${processed} Dateien in ${seconds.toFixed(1)} s (${(processed / Math.max(seconds, 0.001)).toFixed(0)} Dok./s, ${describeDatabase(config.database)}).\n`,
  );
  if (stopSignal) {
    process.stderr.write(
      'Import unterbrochen. Zum Fortsetzen denselben Befehl noch einmal ausführen: bereits importierte Dateien werden an ihrem Inhalt erkannt und nicht erneut gelesen, abgelehnte stehen im Journal.\n',
    );
    return stopSignal === 'SIGINT' ? 130 : 143;
  }
  // Usable = imported, already there or (dry run) parsed; as before, failure only when nothing was.
  const usable = counts.imported + counts.duplicate + counts.parsed;
  return usable === 0 ? 1 : 0;
}

/** Files in order, read one at a time as the import pulls them; skipped and unreadable ones go straight to the report. */
async function* readDocuments(paths: string[], emit: (line: ReportLine) => void): AsyncGenerator<SourceDocument> {
  for await (const entry of walkSources(paths)) {
    const document = load(entry, emit);
    if (document) yield document;
  }
}

function load(entry: SourceEntry, emit: (line: ReportLine) => void): SourceDocument | null {
  if (entry.kind === 'skipped') {
    emit({ file: entry.name, outcome: 'skipped', reason: entry.reason });
    return null;
  }
  if (entry.kind === 'missing') {
    emit({ file: entry.name, outcome: 'rejected', reason: entry.reason });
    return null;
  }
  // Oversized files are refused before reading them into memory.
  if (entry.size > DEFAULT_MAX_BYTES) {
    emit({ file: entry.name, outcome: 'rejected', reason: rejectionReasons.tooLarge(entry.name, entry.size, DEFAULT_MAX_BYTES) });
    return null;
  }
  try {
    return { name: entry.name, bytes: readFileSync(entry.path) };
  } catch {
    emit({ file: entry.name, outcome: 'rejected', reason: `„${entry.path}“ kann nicht gelesen werden.` });
    return null;
  }
}

async function countFiles(paths: string[]): Promise<number> {
  let n = 0;
  for await (const entry of walkSources(paths)) if (entry.kind !== 'skipped') n++;
  return n;
}

const outcomeLabels: Record<Exclude<ReportLine['outcome'], 'rejected' | 'skipped'>, string> = {
  imported: 'importiert',
  duplicate: 'bereits vorhanden',
  parsed: 'ausgelesen (Probelauf)',
};

function printHuman(line: ReportLine): void {
  if (line.outcome === 'rejected') {
    console.error(`✗ ${line.file}: ${line.reason}`);
    return;
  }
  if (line.outcome === 'skipped') {
    console.error(`– ${line.reason}`);
    return;
  }
  const title = line.outcome === 'parsed' ? line.draft.title : `${line.contribution.title} (/beitraege/${line.contribution.slug})`;
  console.log(`✓ ${line.file}: ${outcomeLabels[line.outcome]} – ${title}`);
  if (line.outcome !== 'duplicate')
    for (const match of line.possibleDuplicates) console.log(`  Mögliche Dublette von „${match.title}“ (/redaktion/beitraege/${match.id}): ${match.reason}`);
  for (const warning of line.warnings) console.log(`  Hinweis: ${warning.message}`);
}
