// Logical backup and restore (`baukasten backup` / `restore`): every table worth keeping as NDJSON
// in a canonical order, independent of the engine (PGlite or PostgreSQL) it came from.
//
// File format (formatVersion 1), one JSON value per line:
//   1. header   {"format":"baukasten-backup","formatVersion":1,"createdAt":…,"migrations":[…],"tables":[{"name","columns","primaryKey"}…]}
//   2. rows     {"table":"…","row":{…}}  – tables in foreign-key order, rows by primary key (text keys in
//               byte order, COLLATE "C"); a jsonb column holding JSON null (not SQL NULL) is listed in
//               an extra "jsonNull":["column",…]; json columns are kept as their exact text
//   3. sequences {"sequence":"…","lastValue":"…","isCalled":…}  – sorted by name
//   4. trailer  {"end":"baukasten-backup","lines":n,"rows":{table: count…},"sequences":n,"sha256":…}
//               (sha256 over the data lines 2 and 3, each with its "\n")
// A row is PostgreSQL's own to_jsonb() text and goes back through jsonb_populate_record(): no value
// passes through a JavaScript number or Date, so bigint, numeric, timestamptz (microseconds), date,
// arrays, uuid and bytea come back exactly. Two backups of the same data differ only in createdAt.

import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Database, Queryable } from './database.ts';
import { appliedMigrations, applyMigrations, loadMigrations, lockSchema, SEEDED_TABLES, type Migration } from './migrate.ts';

export const BACKUP_FORMAT = 'baukasten-backup';
export const BACKUP_FORMAT_VERSION = 1;

/**
 * Tables a backup leaves out – everything else in the schema is included, so tables added by later
 * migrations are backed up without a change here. Only ephemeral data belongs on this list.
 * A trailing "*" matches every table with that prefix.
 */
export const EXCLUDED_TABLES: readonly string[] = [
  // The migration level is in the header; a restore migrates the target itself and records it there.
  'schema_migrations',
  // Signed-in browsers: a restored installation starts with everyone signed out (sessions expire within hours anyway).
  'sessions',
  // Rate-limit bookkeeping (failed logins and submissions per address, any counters added later): windows of minutes to an hour.
  'rate_limit_*',
];

export function isExcludedTable(name: string): boolean {
  return EXCLUDED_TABLES.some((entry) => (entry.endsWith('*') ? name.startsWith(entry.slice(0, -1)) : name === entry));
}

/** A backup or restore that cannot go on; the message is German and names the line where there is one. */
export class BackupError extends Error {
  override name = 'BackupError';
}

interface ColumnInfo {
  name: string;
  /** format_type(), e.g. "timestamp with time zone": the cast for keyset parameters. */
  type: string;
  /** json is kept as its exact text; jsonb needs the JSON null / SQL NULL distinction. */
  kind: 'json' | 'jsonb' | 'other';
  collatable: boolean;
  /** GENERATED ALWAYS AS (…) STORED: recomputed on insert, so neither written nor read. */
  generated: boolean;
  /** GENERATED … AS IDENTITY or a serial: its sequence must continue after the restored rows. */
  sequence: string | null;
}

interface TableInfo {
  name: string;
  /** In column order, generated ones included (see ColumnInfo.generated). */
  columns: ColumnInfo[];
  primaryKey: string[];
  /** Other backed-up tables this one references by foreign key. */
  references: string[];
  selfReferencing: boolean;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The backed-up tables of the current schema in foreign-key order (referenced tables first, then by name). */
async function describeTables(q: Queryable): Promise<TableInfo[]> {
  const columns = await q.query<{ table: string; column: string; type: string; kind: ColumnInfo['kind']; collatable: boolean; generated: boolean; sequence: string | null }>(
    `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
            CASE a.atttypid WHEN 'json'::regtype THEN 'json' WHEN 'jsonb'::regtype THEN 'jsonb' ELSE 'other' END AS kind,
            a.attcollation <> 0 AS collatable, a.attgenerated <> '' AS generated,
            pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS sequence
     FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
     ORDER BY c.relname, a.attnum`,
  );
  const keys = await q.query<{ table: string; column: string }>(
    `SELECT c.relname AS table, a.attname AS column
     FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     CROSS JOIN LATERAL unnest(k.conkey) WITH ORDINALITY AS u(attnum, position)
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = u.attnum
     WHERE k.contype = 'p' AND n.nspname = current_schema()
     ORDER BY c.relname, u.position`,
  );
  const foreignKeys = await q.query<{ table: string; references: string }>(
    `SELECT DISTINCT c.relname AS table, r.relname AS references
     FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid
     JOIN pg_class r ON r.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.contype = 'f' AND n.nspname = current_schema()`,
  );
  const tables = new Map<string, TableInfo>();
  for (const row of columns) {
    if (isExcludedTable(row.table)) continue;
    let table = tables.get(row.table);
    if (!table) tables.set(row.table, (table = { name: row.table, columns: [], primaryKey: [], references: [], selfReferencing: false }));
    table.columns.push({ name: row.column, type: row.type, kind: row.kind, collatable: row.collatable, generated: row.generated, sequence: row.sequence });
  }
  for (const key of keys) tables.get(key.table)?.primaryKey.push(key.column);
  for (const fk of foreignKeys) {
    const table = tables.get(fk.table);
    if (!table) continue;
    if (fk.references === fk.table) table.selfReferencing = true;
    // A reference to a table outside the backup (none today) is left to the constraint at restore time.
    else if (tables.has(fk.references)) table.references.push(fk.references);
  }
  return topologicalOrder([...tables.values()]);
}

/** Kahn's algorithm; among tables that are ready, the name decides, so the order is canonical. */
function topologicalOrder(tables: TableInfo[]): TableInfo[] {
  const pending = new Map(tables.map((table) => [table.name, new Set(table.references)]));
  const byTable = new Map(tables.map((table) => [table.name, table]));
  const ordered: TableInfo[] = [];
  while (pending.size > 0) {
    const ready = [...pending].filter(([, refs]) => refs.size === 0).map(([name]) => name).sort(byName);
    if (ready.length === 0) {
      throw new BackupError(`Die Tabellen ${[...pending.keys()].sort(byName).map((n) => `„${n}“`).join(', ')} verweisen ringförmig aufeinander; dafür kennt die Sicherung keine Reihenfolge.`);
    }
    const next = ready[0]!;
    ordered.push(byTable.get(next)!);
    pending.delete(next);
    for (const refs of pending.values()) refs.delete(next);
  }
  return ordered;
}

/** Sequences of the schema that belong to no excluded table, by name. */
async function describeSequences(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ name: string; owner: string | null }>(
    `SELECT s.relname AS name,
            (SELECT t.relname FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid
             WHERE d.classid = 'pg_class'::regclass AND d.objid = s.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
             LIMIT 1) AS owner
     FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace
     WHERE s.relkind = 'S' AND n.nspname = current_schema()`,
  );
  return rows.filter((row) => !(row.owner && isExcludedTable(row.owner))).map((row) => row.name).sort(byName);
}

/** The row as PostgreSQL renders it: to_jsonb() minus generated columns, json columns as their text. */
function rowExpression(table: TableInfo): string {
  let expression = 'to_jsonb(t)';
  const generated = table.columns.filter((c) => c.generated).map((c) => literal(c.name));
  if (generated.length) expression += ` - ARRAY[${generated.join(', ')}]::text[]`;
  const json = table.columns.filter((c) => !c.generated && c.kind === 'json');
  // jsonb_build_object takes at most 100 arguments: 50 columns per call.
  for (let i = 0; i < json.length; i += 50) {
    expression += ` || jsonb_build_object(${json.slice(i, i + 50).map((c) => `${literal(c.name)}, t.${ident(c.name)}::text`).join(', ')})`;
  }
  return expression;
}

function jsonNullExpression(table: TableInfo): string {
  const jsonb = table.columns.filter((c) => !c.generated && c.kind === 'jsonb');
  if (jsonb.length === 0) return 'NULL::text';
  const cases = jsonb.map((c) => `CASE WHEN jsonb_typeof(t.${ident(c.name)}) = 'null' THEN ${literal(c.name)} END`);
  return `nullif(array_to_json(array_remove(ARRAY[${cases.join(', ')}]::text[], NULL))::text, '[]')`;
}

/**
 * Reads a table in pages: by primary key (keyset, text keys in byte order); a table without one,
 * by the row's text with OFFSET (fine for small tables; every table today has a primary key).
 */
async function* readTable(tx: Queryable, table: TableInfo, pageRows: number): AsyncGenerator<string[]> {
  const head = `{"table":${JSON.stringify(table.name)},"row":`;
  const row = rowExpression(table);
  const select = `SELECT (${row})::text AS row, ${jsonNullExpression(table)} AS json_null`;
  const toLine = (r: { row: string; json_null: string | null }) => `${head}${r.row}${r.json_null ? `,"jsonNull":${r.json_null}` : ''}}\n`;
  if (table.primaryKey.length === 0) {
    for (let offset = 0; ; offset += pageRows) {
      const rows = await tx.query<{ row: string; json_null: string | null }>(
        `${select} FROM ${ident(table.name)} t ORDER BY (${row})::text COLLATE "C" LIMIT ${pageRows} OFFSET ${offset}`,
      );
      if (rows.length) yield rows.map(toLine);
      if (rows.length < pageRows) return;
    }
  }
  const keyColumns = table.primaryKey.map((name) => table.columns.find((c) => c.name === name)!);
  const ordered = keyColumns.map((c) => `t.${ident(c.name)}${c.collatable ? ' COLLATE "C"' : ''}`).join(', ');
  const params = keyColumns.map((c, i) => `$${i + 1}::${c.type}${c.collatable ? ' COLLATE "C"' : ''}`).join(', ');
  const keySelect = keyColumns.map((c, i) => `, t.${ident(c.name)}::text AS k${i}`).join('');
  let after: string[] | null = null;
  for (;;) {
    const where: string = after ? `WHERE (${ordered}) > (${params})` : '';
    const rows: Array<Record<string, string | null>> = await tx.query(
      `${select}${keySelect} FROM ${ident(table.name)} t ${where} ORDER BY ${ordered} LIMIT ${pageRows}`,
      after ?? [],
    );
    if (rows.length) yield rows.map((r) => toLine(r as { row: string; json_null: string | null }));
    if (rows.length < pageRows) return;
    const last = rows[rows.length - 1]!;
    after = keyColumns.map((_, i) => last[`k${i}`] as string);
  }
}

export interface BackupSummary {
  migrations: string[];
  tables: Array<{ name: string; rows: number }>;
  sequences: number;
  /** Data lines (rows and sequences), without header and trailer. */
  lines: number;
  sha256: string;
}

/** Writes with back-pressure; a failing stream (a closed pipe, a full disk) fails the backup. */
function streamWriter(out: Writable) {
  let failure: Error | null = null;
  const onError = (error: Error) => {
    failure = error;
  };
  out.on('error', onError);
  return {
    async write(chunk: string) {
      if (failure) throw failure;
      if (!out.write(chunk)) await once(out, 'drain');
      if (failure) throw failure;
    },
    release: () => out.off('error', onError),
  };
}

/**
 * Writes a backup of the whole database to `out`, from one consistent snapshot (REPEATABLE READ),
 * page by page: never more than one page of one table in memory.
 */
export async function writeBackup(db: Database, out: Writable, options: { now?: Date; pageRows?: number } = {}): Promise<BackupSummary> {
  const pageRows = options.pageRows ?? 500;
  const writer = streamWriter(out);
  try {
    return await db.transaction(async (tx) => {
      // Values rendered the same way whatever the server's settings: UTC, hex bytea, shortest exact floats.
      await tx.exec(
        "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; SET LOCAL TimeZone = 'UTC'; SET LOCAL bytea_output = 'hex'; SET LOCAL extra_float_digits = 1; SET LOCAL IntervalStyle = 'postgres'",
      );
      const migrations = (await appliedMigrations(tx)).map((m) => m.name);
      if (migrations.length === 0) throw new BackupError('Die Datenbank hat noch kein Schema – es gibt nichts zu sichern.');
      const tables = await describeTables(tx);
      const header = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        createdAt: (options.now ?? new Date()).toISOString(),
        migrations,
        tables: tables.map((t) => ({ name: t.name, columns: t.columns.filter((c) => !c.generated).map((c) => c.name), primaryKey: t.primaryKey })),
      };
      await writer.write(`${JSON.stringify(header)}\n`);
      const hash = createHash('sha256');
      const counts: Array<{ name: string; rows: number }> = [];
      let lines = 0;
      for (const table of tables) {
        let rows = 0;
        for await (const page of readTable(tx, table, pageRows)) {
          const chunk = page.join('');
          hash.update(chunk);
          rows += page.length;
          await writer.write(chunk);
        }
        counts.push({ name: table.name, rows });
        lines += rows;
      }
      // Read after the rows: a sequence is never behind the values taken from it (sequences are outside the snapshot).
      const sequences = await describeSequences(tx);
      for (const name of sequences) {
        const [state] = await tx.query<{ last_value: string; is_called: boolean }>(`SELECT last_value::text AS last_value, is_called FROM ${ident(name)}`);
        const line = `${JSON.stringify({ sequence: name, lastValue: state!.last_value, isCalled: state!.is_called })}\n`;
        hash.update(line);
        await writer.write(line);
        lines++;
      }
      const sha256 = hash.digest('hex');
      const trailer = { end: BACKUP_FORMAT, lines, rows: Object.fromEntries(counts.map((c) => [c.name, c.rows])), sequences: sequences.length, sha256 };
      await writer.write(`${JSON.stringify(trailer)}\n`);
      return { migrations, tables: counts, sequences: sequences.length, lines, sha256 };
    });
  } finally {
    writer.release();
  }
}

// ---------------------------------------------------------------------------------------------
// Restore

export interface RestoreSummary {
  /** The backup's header. */
  createdAt: string;
  backupMigrations: string[];
  /** Migrations applied after the data (restoring an older backup), in order. */
  upgradedBy: string[];
  tables: Array<{ name: string; rows: number }>;
  sequences: number;
  lines: number;
}

interface Header {
  createdAt: string;
  migrations: string[];
  tables: Array<{ name: string; columns: string[] }>;
}

type Line = { number: number; text: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');
const quoted = (names: readonly string[]) => names.map((n) => `„${n}“`).join(', ');

function parseLine(line: Line): Record<string, unknown> {
  if (line.text.trim() === '') throw new BackupError(`Zeile ${line.number}: leere Zeile – die Sicherung ist beschädigt.`);
  let value: unknown;
  try {
    value = JSON.parse(line.text);
  } catch {
    throw new BackupError(`Zeile ${line.number}: kein gültiges JSON – die Sicherung ist beschädigt oder abgeschnitten.`);
  }
  if (!isObject(value)) throw new BackupError(`Zeile ${line.number}: ein JSON-Objekt erwartet – die Sicherung ist beschädigt.`);
  return value;
}

function parseHeader(line: Line): Header {
  const value = parseLine(line);
  if (value.format !== BACKUP_FORMAT) throw new BackupError(`Zeile 1: das ist keine Baukasten-Sicherung (Kopfzeile mit "format": "${BACKUP_FORMAT}" fehlt).`);
  if (typeof value.formatVersion !== 'number' || !Number.isInteger(value.formatVersion) || value.formatVersion < 1) {
    throw new BackupError('Zeile 1: die Formatversion der Sicherung fehlt oder ist ungültig.');
  }
  if (value.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `Zeile 1: die Sicherung hat das Format Version ${value.formatVersion}, diese Version von Baukasten kennt nur Version ${BACKUP_FORMAT_VERSION}. Bitte Baukasten aktualisieren.`,
    );
  }
  const tables = value.tables;
  if (
    typeof value.createdAt !== 'string' ||
    !isStringArray(value.migrations) ||
    value.migrations.length === 0 ||
    !Array.isArray(tables) ||
    !tables.every((t) => isObject(t) && typeof t.name === 'string' && isStringArray(t.columns))
  ) {
    throw new BackupError('Zeile 1: die Kopfzeile ist unvollständig (createdAt, migrations oder tables fehlen).');
  }
  return { createdAt: value.createdAt, migrations: value.migrations, tables: (tables as Array<{ name: string; columns: string[] }>).map((t) => ({ name: t.name, columns: t.columns })) };
}

/** The migrations the backup was made at, as this code knows them; refuses a newer or foreign schema. */
function backupLevel(header: Header, known: Migration[]): Migration[] {
  const knownNames = new Set(known.map((m) => m.name));
  const unknown = header.migrations.filter((name) => !knownNames.has(name));
  if (unknown.length) {
    throw new BackupError(
      `Die Sicherung stammt aus einer neueren Version von Baukasten: ${unknown.length === 1 ? 'die Migration' : 'die Migrationen'} ${quoted(unknown)} ${unknown.length === 1 ? 'ist' : 'sind'} dieser Version unbekannt. Bitte Baukasten aktualisieren und die Sicherung dann zurückspielen.`,
    );
  }
  if (header.migrations.some((name, i) => known[i]?.name !== name)) {
    throw new BackupError(`Zeile 1: die Migrationen der Sicherung (${quoted(header.migrations)}) passen nicht zur Reihenfolge dieser Version von Baukasten.`);
  }
  return known.slice(0, header.migrations.length);
}

/** A target is empty when no backed-up table has rows, apart from the taxonomy migrate() seeds itself. */
async function assertEmptyTarget(tx: Queryable): Promise<void> {
  const filled: string[] = [];
  for (const table of await describeTables(tx)) {
    if (SEEDED_TABLES.includes(table.name)) continue;
    const [row] = await tx.query<{ filled: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${ident(table.name)}) AS filled`);
    if (row?.filled) filled.push(table.name);
  }
  if (filled.length) {
    throw new BackupError(
      `Die Zieldatenbank ist nicht leer (${filled.length === 1 ? 'Tabelle' : 'Tabellen'} ${quoted(filled)}). Eine Sicherung wird nur in eine leere Datenbank zurückgespielt – bitte eine neue Datenbank anlegen (PostgreSQL) oder ein leeres Verzeichnis in BAUKASTEN_DATA_DIR angeben (PGlite).`,
    );
  }
}

/** How one backed-up table is written: the INSERT for a batch of lines, and what a line must hold. */
interface TargetTable {
  name: string;
  columns: Set<string>;
  jsonbColumns: Set<string>;
  selfReferencing: boolean;
  /** INSERT … SELECT from `e(line, n)`: the source is filled in per use. */
  insert(source: string): string;
  sequenceColumns: Array<{ column: string; sequence: string }>;
}

function targetTable(table: TableInfo): TargetTable {
  const columns = table.columns.filter((c) => !c.generated);
  const values = columns.map((c) => {
    const name = ident(c.name);
    // populate_record turns JSON null into SQL NULL; "jsonNull" says where the backup held a JSON null.
    if (c.kind === 'jsonb') return `CASE WHEN (e.line -> 'jsonNull') ? ${literal(c.name)} THEN 'null'::jsonb ELSE r.${name} END`;
    if (c.kind === 'json') return `(e.line -> 'row' ->> ${literal(c.name)})::json`;
    return `r.${name}`;
  });
  return {
    name: table.name,
    columns: new Set(columns.map((c) => c.name)),
    jsonbColumns: new Set(columns.filter((c) => c.kind === 'jsonb').map((c) => c.name)),
    selfReferencing: table.selfReferencing,
    // OVERRIDING SYSTEM VALUE: identity columns (audit_log.id) keep their backed-up values.
    insert: (source) =>
      `INSERT INTO ${ident(table.name)} (${columns.map((c) => ident(c.name)).join(', ')}) OVERRIDING SYSTEM VALUE
       SELECT ${values.join(', ')}
       FROM ${source} CROSS JOIN LATERAL jsonb_populate_record(NULL::${ident(table.name)}, e.line -> 'row') AS r
       ORDER BY e.n`,
    sequenceColumns: table.columns.filter((c) => c.sequence && !c.generated).map((c) => ({ column: c.name, sequence: c.sequence! })),
  };
}

const BATCH = 'jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(line, n)';
const STAGE_TABLE = 'baukasten_restore_stage';

/** Reads lines (numbered from 1) one at a time; readline copes with lines of any length. */
async function* readLines(input: Readable): AsyncGenerator<Line> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let number = 0;
  for await (const text of lines) yield { number: ++number, text };
}

/**
 * Restores a backup into an empty database, all in ONE transaction: migrates the target to the
 * backup's level, inserts every row, sets the sequences, checks the trailer (line counts, SHA-256)
 * and applies the migrations that are newer than the backup. Any error – a broken line, an unknown
 * table or column, a missing or wrong trailer, a violated constraint – rolls everything back.
 */
export async function restoreBackup(
  db: Database,
  input: Readable,
  options: { migrations?: Migration[]; batchRows?: number; batchBytes?: number } = {},
): Promise<RestoreSummary> {
  const batchRows = options.batchRows ?? 500;
  const batchBytes = options.batchBytes ?? 4 * 1024 * 1024;
  const known = options.migrations ?? loadMigrations();
  const lines = readLines(input);
  try {
    const first = await lines.next();
    if (first.done) throw new BackupError('Die Sicherung ist leer: die Kopfzeile fehlt.');
    const header = parseHeader(first.value);
    const level = backupLevel(header, known);

    return await db.transaction(async (tx) => {
      await lockSchema(tx);
      await tx.exec("SET LOCAL TimeZone = 'UTC'");
      const applied = (await appliedMigrations(tx)).map((m) => m.name);
      const knownNames = new Set(known.map((m) => m.name));
      if (applied.some((name) => !knownNames.has(name))) {
        throw new BackupError(`Die Zieldatenbank hat ein neueres Schema als diese Version von Baukasten (${quoted(applied.filter((n) => !knownNames.has(n)))}).`);
      }
      if (applied.length > header.migrations.length) {
        throw new BackupError(
          `Die Zieldatenbank ist schon auf einem neueren Stand (${applied.at(-1)}) als die Sicherung (${header.migrations.at(-1)}). Eine ältere Sicherung wird in eine Datenbank ohne Schema zurückgespielt und dann aktualisiert – bitte eine neue, leere Datenbank angeben.`,
        );
      }
      if (applied.some((name, i) => header.migrations[i] !== name)) {
        throw new BackupError(`Die Migrationen der Zieldatenbank (${quoted(applied)}) passen nicht zu denen der Sicherung.`);
      }
      if (applied.length > 0) await assertEmptyTarget(tx);

      await applyMigrations(tx, level, { seed: false });
      const schema = new Map((await describeTables(tx)).map((t) => [t.name, t]));
      const targets = header.tables.map((entry) => {
        const table = schema.get(entry.name);
        if (!table) throw new BackupError(`Zeile 1: unbekannte Tabelle „${entry.name}“ – im Schema mit Stand ${header.migrations.at(-1)} gibt es sie nicht.`);
        const target = targetTable(table);
        const unknown = entry.columns.filter((c) => !target.columns.has(c));
        if (unknown.length) throw new BackupError(`Zeile 1: unbekannte ${unknown.length === 1 ? 'Spalte' : 'Spalten'} ${quoted(unknown)} in Tabelle „${entry.name}“.`);
        const missing = [...target.columns].filter((c) => !entry.columns.includes(c));
        if (missing.length) throw new BackupError(`Zeile 1: in Tabelle „${entry.name}“ ${missing.length === 1 ? 'fehlt die Spalte' : 'fehlen die Spalten'} ${quoted(missing)}.`);
        return target;
      });
      const tableIndex = new Map(targets.map((t, i) => [t.name, i]));
      // The taxonomy seed (if the target was migrated before) gives way to the backup's names; children first.
      for (const target of [...targets].reverse()) if (SEEDED_TABLES.includes(target.name)) await tx.query(`DELETE FROM ${ident(target.name)}`);
      if (targets.some((t) => t.selfReferencing)) await tx.exec(`CREATE TEMP TABLE ${STAGE_TABLE} (n integer NOT NULL, line jsonb NOT NULL) ON COMMIT DROP`);

      const hash = createHash('sha256');
      const counts = new Map<string, number>(targets.map((t) => [t.name, 0]));
      let current = -1;
      let batch: Line[] = [];
      let batchSize = 0;
      let staged: { first: number; last: number } | null = null;
      let dataLines = 0;
      let sequences = 0;
      let trailerSeen = false;
      let lastLine = 1;

      const flush = async () => {
        if (batch.length === 0) return;
        const target = targets[current]!;
        const rows = batch;
        batch = [];
        batchSize = 0;
        const json = `[${rows.map((l) => l.text).join(',')}]`;
        if (target.selfReferencing) {
          // Rows that reference rows of the same table go in with one statement at the table's end.
          await tx.query(`INSERT INTO ${STAGE_TABLE} (n, line) SELECT $2::integer + e.n - 1, e.line FROM ${BATCH}`, [json, rows[0]!.number]);
          staged = { first: staged?.first ?? rows[0]!.number, last: rows.at(-1)!.number };
          return;
        }
        await tx.query('SAVEPOINT baukasten_restore');
        try {
          await tx.query(target.insert(BATCH), [json]);
          await tx.query('RELEASE SAVEPOINT baukasten_restore');
        } catch (error) {
          // Find the line: row by row until the first that fails.
          await tx.query('ROLLBACK TO SAVEPOINT baukasten_restore');
          for (const row of rows) {
            try {
              await tx.query(target.insert(BATCH), [`[${row.text}]`]);
            } catch (rowError) {
              throw new BackupError(`Zeile ${row.number} (Tabelle „${target.name}“): ${(rowError as Error).message}`);
            }
          }
          throw new BackupError(`Zeilen ${rows[0]!.number}–${rows.at(-1)!.number} (Tabelle „${target.name}“): ${(error as Error).message}`);
        }
      };
      const finishTable = async () => {
        await flush();
        const target = targets[current];
        if (!target || !staged) return;
        const range = staged;
        staged = null;
        try {
          await tx.query(target.insert(`${STAGE_TABLE} AS e`));
          await tx.query(`TRUNCATE ${STAGE_TABLE}`);
        } catch (error) {
          throw new BackupError(`Zeilen ${range.first}–${range.last} (Tabelle „${target.name}“): ${(error as Error).message}`);
        }
      };

      for await (const line of lines) {
        lastLine = line.number;
        if (trailerSeen) throw new BackupError(`Zeile ${line.number}: nach der Schlusszeile folgen weitere Daten – die Sicherung ist beschädigt.`);
        const value = parseLine(line);
        if ('table' in value) {
          const index = typeof value.table === 'string' ? tableIndex.get(value.table) : undefined;
          if (index === undefined) throw new BackupError(`Zeile ${line.number}: unbekannte Tabelle „${String(value.table)}“ (nicht in der Kopfzeile der Sicherung).`);
          if (sequences > 0 || index < current) throw new BackupError(`Zeile ${line.number}: Tabelle „${value.table}“ steht außerhalb der Reihenfolge der Kopfzeile.`);
          const target = targets[index]!;
          const row = value.row;
          if (!isObject(row)) throw new BackupError(`Zeile ${line.number}: die Zeile der Tabelle „${target.name}“ hat kein Objekt "row".`);
          const keys = Object.keys(row);
          const unknown = keys.filter((k) => !target.columns.has(k));
          if (unknown.length) throw new BackupError(`Zeile ${line.number}: unbekannte ${unknown.length === 1 ? 'Spalte' : 'Spalten'} ${quoted(unknown)} in Tabelle „${target.name}“.`);
          if (keys.length !== target.columns.size) {
            throw new BackupError(`Zeile ${line.number}: in Tabelle „${target.name}“ fehlen Spalten (${quoted([...target.columns].filter((c) => !(c in row)))}).`);
          }
          if ('jsonNull' in value && !(isStringArray(value.jsonNull) && value.jsonNull.every((c) => target.jsonbColumns.has(c)))) {
            throw new BackupError(`Zeile ${line.number}: "jsonNull" nennt keine jsonb-Spalten der Tabelle „${target.name}“.`);
          }
          if (index !== current) {
            if (current >= 0) await finishTable();
            current = index;
          }
          hash.update(`${line.text}\n`);
          dataLines++;
          counts.set(target.name, counts.get(target.name)! + 1);
          batch.push(line);
          batchSize += line.text.length;
          if (batch.length >= batchRows || batchSize >= batchBytes) await flush();
        } else if ('sequence' in value) {
          if (current >= 0) await finishTable();
          current = targets.length;
          const { sequence, lastValue, isCalled } = value;
          if (typeof sequence !== 'string' || typeof lastValue !== 'string' || !/^-?\d+$/.test(lastValue) || typeof isCalled !== 'boolean') {
            throw new BackupError(`Zeile ${line.number}: die Angaben zur Sequenz sind unvollständig.`);
          }
          const [found] = await tx.query<{ found: boolean }>(
            `SELECT EXISTS (SELECT 1 FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace WHERE s.relkind = 'S' AND n.nspname = current_schema() AND s.relname = $1) AS found`,
            [sequence],
          );
          if (!found?.found) throw new BackupError(`Zeile ${line.number}: unbekannte Sequenz „${sequence}“.`);
          await setSequence(tx, ident(sequence), lastValue, isCalled);
          hash.update(`${line.text}\n`);
          dataLines++;
          sequences++;
        } else if ('end' in value) {
          if (current >= 0 && current < targets.length) await finishTable();
          verifyTrailer(line, value, { dataLines, sequences, counts, sha256: hash.digest('hex') });
          trailerSeen = true;
        } else {
          throw new BackupError(`Zeile ${line.number}: unbekannte Art von Zeile – erwartet "table", "sequence" oder "end".`);
        }
      }
      if (!trailerSeen) throw new BackupError(`Die Sicherung ist unvollständig: nach Zeile ${lastLine} fehlt die Schlusszeile (Datei abgeschnitten?).`);

      // Identity and serial columns continue after the restored maximum, whatever the sequence said.
      for (const target of targets) {
        if (counts.get(target.name) === 0) continue;
        for (const { column, sequence } of target.sequenceColumns) {
          const [state] = await tx.query<{ max: string | null; last_value: string; is_called: boolean }>(
            `SELECT (SELECT max(${ident(column)})::text FROM ${ident(target.name)}) AS max, last_value::text AS last_value, is_called FROM ${sequence}`,
          );
          if (state?.max == null) continue;
          const next = BigInt(state.last_value) + (state.is_called ? 1n : 0n);
          if (BigInt(state.max) >= next) await setSequence(tx, sequence, state.max, true);
        }
      }
      const upgradedBy = await applyMigrations(tx, known);
      return {
        createdAt: header.createdAt,
        backupMigrations: header.migrations,
        upgradedBy,
        tables: targets.map((t) => ({ name: t.name, rows: counts.get(t.name)! })),
        sequences,
        lines: dataLines,
      };
    });
  } finally {
    await lines.return(undefined);
  }
}

/**
 * Puts a sequence where the backup had it. setval() would survive a rollback; ALTER SEQUENCE … RESTART
 * (a new relation file) does not, so a failed restore leaves every sequence as it was.
 */
async function setSequence(tx: Queryable, sequence: string, lastValue: string, isCalled: boolean): Promise<void> {
  await tx.query(`ALTER SEQUENCE ${sequence} RESTART WITH ${BigInt(lastValue)}`);
  // After RESTART the next nextval() returns lastValue itself and marks it as called.
  if (isCalled) await tx.query('SELECT nextval($1::regclass)', [sequence]);
}

function verifyTrailer(
  line: Line,
  trailer: Record<string, unknown>,
  read: { dataLines: number; sequences: number; counts: Map<string, number>; sha256: string },
): void {
  const where = `Zeile ${line.number} (Schlusszeile)`;
  if (trailer.end !== BACKUP_FORMAT || typeof trailer.lines !== 'number' || !isObject(trailer.rows) || typeof trailer.sequences !== 'number' || typeof trailer.sha256 !== 'string') {
    throw new BackupError(`${where}: unvollständig – die Sicherung ist beschädigt.`);
  }
  if (trailer.lines !== read.dataLines) {
    throw new BackupError(`${where}: die Sicherung hat ${trailer.lines} Datenzeilen, gelesen wurden ${read.dataLines} – die Sicherung ist unvollständig oder beschädigt.`);
  }
  for (const [table, rows] of read.counts) {
    if (trailer.rows[table] !== rows) {
      throw new BackupError(`${where}: für Tabelle „${table}“ sind ${String(trailer.rows[table] ?? 0)} Zeilen angegeben, gelesen wurden ${rows}.`);
    }
  }
  const extra = Object.keys(trailer.rows).filter((table) => !read.counts.has(table));
  if (extra.length) throw new BackupError(`${where}: nennt ${quoted(extra)}, die nicht in der Kopfzeile stehen.`);
  if (trailer.sequences !== read.sequences) {
    throw new BackupError(`${where}: die Sicherung hat ${String(trailer.sequences)} Sequenzen, gelesen wurden ${read.sequences}.`);
  }
  if (trailer.sha256 !== read.sha256) {
    throw new BackupError(`${where}: die Prüfsumme (SHA-256) der Daten stimmt nicht – die Sicherung wurde verändert oder ist beschädigt.`);
  }
}
