import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import type { Contribution } from '../../domain/contribution.ts';
import { presentContribution } from '../../domain/public-contribution.ts';
import type { TaxonomyNames } from '../../domain/taxonomy.ts';
import { csvColumns, type CsvContext, type ExportRecord } from './csv-columns.ts';
import type { ExportFormat } from './formats.ts';

/*
 * The open data exports, shared by the web downloads (/daten/…) and `baukasten export`: contributions are
 * read page by page in a stable order and written out as text chunks, one page at a time, so neither
 * side ever holds the whole catalog.
 */

/** Contributions per database read. */
export const defaultExportPageSize = 500;

/** What the public exports read; the contributions repository implements it. */
export interface PublishedContributionsSource {
  publishedAfter(after: { publishedAt: string; id: string } | null, limit: number): Promise<{ items: Contribution[]; cursor: { publishedAt: string; id: string } | null }>;
}

/** What the operators' full export reads (every state). */
export interface AllContributionsSource {
  allAfter(afterId: string | null, limit: number): Promise<{ items: Contribution[]; cursor: string | null }>;
}

/** Published contributions in publication order, in the public shape (contact data only with consent). */
export async function* publishedRecords(source: PublishedContributionsSource, pageSize = defaultExportPageSize): AsyncGenerator<ExportRecord[]> {
  let cursor: { publishedAt: string; id: string } | null = null;
  for (;;) {
    const page = await source.publishedAfter(cursor, pageSize);
    if (page.items.length > 0) yield page.items.map(presentContribution);
    if (page.items.length < pageSize) return;
    cursor = page.cursor;
  }
}

/** Every contribution in every state, by id, in the full canonical shape (personal data included). */
export async function* allRecords(source: AllContributionsSource, pageSize = defaultExportPageSize): AsyncGenerator<Contribution[]> {
  let cursor: string | null = null;
  for (;;) {
    const page = await source.allAfter(cursor, pageSize);
    if (page.items.length > 0) yield page.items;
    if (page.items.length < pageSize) return;
    cursor = page.cursor;
  }
}

/**
 * CSV dialect: semicolon-separated, CRLF line ends, UTF-8 with byte order mark. German Excel opens exactly
 * this dialect correctly on a double-click (a comma-separated file lands in one column there, and without
 * the BOM umlauts come out as "Ã¼"); LibreOffice detects it as well. Fields with line breaks, semicolons or
 * quotes are quoted (line breaks inside a cell stay "\n").
 *
 * Formula injection: a cell beginning with =, +, -, @, tab or CR (also their full-width forms) gets an
 * apostrophe in front (csv-stringify's escape_formulas, as OWASP recommends), so a spreadsheet shows the
 * text instead of running it as a formula; the apostrophe is visible in the cell. JSON exports are unchanged.
 */
const csvOptions = {
  delimiter: ';',
  record_delimiter: '\r\n',
  // Must be said explicitly: with a record_delimiter of its own, csv-stringify would leave a bare "\n" unquoted.
  quote_record_delimiter: true,
  escape_formulas: true,
} as const;

const byteOrderMark = '\uFEFF';

export const csvHeader: readonly string[] = csvColumns.map((column) => column.header);

function csvRows(rows: string[][]): string {
  return stringify(rows, csvOptions);
}

/** One record's cells; line breaks normalised to "\n". */
export function csvCells(record: ExportRecord, context: CsvContext): string[] {
  return csvColumns.map((column) => (column.value(record, context) ?? '').replace(/\r\n?/g, '\n'));
}

/**
 * The export as text chunks, one per page of records (plus the opening and closing parts). JSON is one
 * array with one record per line, NDJSON one record per line, CSV a header row and one row per record.
 */
export async function* exportChunks(format: ExportFormat, pages: AsyncIterable<readonly ExportRecord[]>, csv: CsvContext): AsyncGenerator<string> {
  if (format === 'csv') {
    yield byteOrderMark + csvRows([[...csvHeader]]);
    for await (const page of pages) yield csvRows(page.map((record) => csvCells(record, csv)));
    return;
  }
  if (format === 'ndjson') {
    for await (const page of pages) yield page.map((record) => `${JSON.stringify(record)}\n`).join('');
    return;
  }
  let first = true;
  yield '[';
  for await (const page of pages) {
    let text = '';
    for (const record of page) {
      text += `${first ? '\n' : ',\n'}${JSON.stringify(record)}`;
      first = false;
    }
    yield text;
  }
  yield first ? ']\n' : '\n]\n';
}

/**
 * Who an export is for: the public (published contributions in the public shape, like the downloads
 * under /daten) or operators (every contribution in every state, full canonical shape with personal data).
 */
export type ExportAudience = { scope: 'public'; source: PublishedContributionsSource } | { scope: 'internal'; source: AllContributionsSource };

/** The whole export as text chunks: what the downloads under /daten and `baukasten export` write. */
export function contributionExport(options: ExportAudience & { format: ExportFormat; csv: CsvContext; pageSize?: number }): AsyncGenerator<string> {
  const pages = options.scope === 'public' ? publishedRecords(options.source, options.pageSize) : allRecords(options.source, options.pageSize);
  return exportChunks(options.format, pages, options.csv);
}

/** Bump when the output of a format changes for the same data, so caches holding the old bytes are not reused. */
const exportLayoutVersion = 1;

/**
 * A fingerprint of everything a public download's bytes depend on, without reading the contributions:
 * the published set's change mark, the taxonomy names (CSV), the base URL (CSV), the day (a contribution's
 * status is derived from its period and today) and the layout. Equal fingerprints mean equal bytes (a
 * strong ETag), as long as the set does not change while a download is running.
 */
export function exportFingerprint(input: { format: ExportFormat; changeMark: string; names: TaxonomyNames; siteUrl: string; today: string }): string {
  const names = Object.entries(input.names)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, map]) => [kind, [...(map as Map<string | number, string>).entries()].sort(([a], [b]) => String(a).localeCompare(String(b)))]);
  const material = JSON.stringify([exportLayoutVersion, input.format, input.changeMark, input.today, input.siteUrl, csvHeader, names]);
  return createHash('sha256').update(material).digest('base64url').slice(0, 32);
}
