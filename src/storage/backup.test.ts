import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../app/api-tokens/create-api-token.ts';
import { createUser } from '../app/auth/create-user.ts';
import { login } from '../app/auth/login.ts';
import { addComment } from '../app/editorial/add-comment.ts';
import { renameTaxonomy } from '../app/editorial/rename-taxonomy.ts';
import { saveContribution } from '../app/editorial/save-contribution.ts';
import { transitionContribution } from '../app/editorial/transition-contribution.ts';
import { updateSynonyms } from '../app/editorial/update-synonyms.ts';
import { seedDemoContent } from '../app/seed-demo.ts';
import type { SubmissionDeps } from '../app/submissions/deps.ts';
import { draftTokenHash } from '../app/submissions/draft-token.ts';
import { startDraft } from '../app/submissions/start-draft.ts';
import { submitDraft } from '../app/submissions/submit-draft.ts';
import { ContributionContentSchema } from '../domain/contribution.ts';
import { createTestDatabase, testEngines, type TestDatabase } from '../../test/support/databases.ts';
import { createEditorialDeps } from '../../test/support/editorial.ts';
import { createApiTokensRepository } from './api-tokens-repository.ts';
import { createAuditLog } from './audit-log.ts';
import { BackupError, restoreBackup, writeBackup } from './backup.ts';
import { createContributionRepository } from './contributions-repository.ts';
import type { Database } from './database.ts';
import { createDraftsRepository } from './drafts-repository.ts';
import { appliedMigrations, loadMigrations } from './migrate.ts';
import { createOutboxRepository } from './outbox-repository.ts';
import { createRateLimits } from './rate-limits.ts';
import { createSessionsRepository } from './sessions-repository.ts';
import { createUsersRepository } from './users-repository.ts';

type Engine = 'pglite' | 'postgres';
const PASSWORD = 'ein-sehr-langes-passwort';
const editor = { id: null, label: 'Erika Redakteurin <editor@example.org>' };

async function backupOf(db: Database, options: { pageRows?: number } = {}): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeBackup(db, out, options);
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

/** Everything after the header: what must be byte-identical between two backups of the same data. */
const dataOf = (backup: string) => backup.slice(backup.indexOf('\n') + 1);
const headerOf = (backup: string) => JSON.parse(backup.slice(0, backup.indexOf('\n'))) as { createdAt: string; migrations: string[]; tables: Array<{ name: string }> };
const linesOf = (backup: string) => backup.trimEnd().split('\n');
/** In small chunks, so lines (and UTF-8 characters) are split across reads. */
const streamOf = (text: string) => {
  const bytes = Buffer.from(text);
  return Readable.from(Array.from({ length: Math.ceil(bytes.length / 997) }, (_, i) => bytes.subarray(i * 997, (i + 1) * 997)));
};
const restore = (db: Database, text: string, options?: Parameters<typeof restoreBackup>[2]) => restoreBackup(db, streamOf(text), options);
const canonicalExport = async (db: Database) => JSON.stringify(await createContributionRepository(db).all());

function submissionDeps(db: Database): SubmissionDeps {
  return {
    db,
    drafts: createDraftsRepository(db),
    contributions: createContributionRepository(db),
    rateLimits: createRateLimits(db),
    auditLog: createAuditLog(db),
    outbox: createOutboxRepository(db),
    editorsAddress: 'redaktion@example.org',
    siteUrl: 'https://baukasten.example',
  };
}

/** A public submission through the real use cases; returns its reference number. */
async function submit(db: Database, title: string, clientAddress: string): Promise<string> {
  const deps = submissionDeps(db);
  const started = await startDraft(deps, { clientAddress, honeypot: '', firstStep: 'ueber-sie' });
  if (!started.ok) throw new Error(started.code);
  await db.query(`UPDATE submission_drafts SET created_at = now() - interval '1 minute' WHERE token_hash = $1`, [draftTokenHash(started.token)]);
  const outcome = await submitDraft(deps, {
    token: started.token,
    content: ContributionContentSchema.parse({ title, teaser: 'Über „Anführungszeichen“, Umlaute äöüß und Emoji 🌱.' }),
    submitter: { name: 'Petra Einreicherin', email: 'petra@gemeinde.example' },
    honeypot: '',
    clientAddress,
  });
  if (!outcome.ok) throw new Error(outcome.code);
  return outcome.reference;
}

/** What an installation collects in use: every table with rows, written through the use cases. */
async function fill(db: Database): Promise<{ references: string[] }> {
  const deps = createEditorialDeps(db);
  const users = createUsersRepository(db);
  const admin = await createUser({ users, auditLog: deps.auditLog }, { email: 'admin@example.org', name: 'Ada Admin', role: 'admin', password: PASSWORD }, { id: null, label: 'cli' });
  if (!admin.ok) throw new Error('admin');
  await createUser({ users, auditLog: deps.auditLog }, { email: 'editor@example.org', name: 'Erika Redakteurin', role: 'editor', password: PASSWORD }, { id: admin.user.id, label: 'Ada Admin' });
  const loginDeps = { users, sessions: createSessionsRepository(db), rateLimits: createRateLimits(db), auditLog: deps.auditLog };
  expect((await login(loginDeps, { email: 'editor@example.org', password: PASSWORD, clientAddress: '192.0.2.1' })).ok).toBe(true);
  expect((await login(loginDeps, { email: 'editor@example.org', password: 'falsch-falsch-falsch', clientAddress: '192.0.2.1' })).ok).toBe(false);
  const token = await createApiToken({ db, apiTokens: createApiTokensRepository(db), auditLog: deps.auditLog }, { name: 'Landesportal', scopes: ['import'], validDays: 30 }, { id: admin.user.id, label: 'Ada Admin' });
  expect(token.ok).toBe(true);
  await createRateLimits(db).hit('api', 'token', 60_000);

  await seedDemoContent(deps.contributions);
  const references = [await submit(db, 'Dorfladen Ulrichstein', '192.0.2.10'), await submit(db, 'Bürgerbus Schotten', '192.0.2.11')];
  const [first, second] = (await deps.contributions.all()).filter((c) => c.state === 'submitted');
  // Several editorial states, each with several revisions.
  const reviewed = await transitionContribution(deps, { id: first!.id, expectedVersion: 1, to: 'in_review' }, editor);
  if (!reviewed.ok) throw new Error(reviewed.code);
  const edited = await saveContribution(deps, { id: first!.id, expectedVersion: 2, content: ContributionContentSchema.parse({ title: 'Dorfladen Ulrichstein', teaser: 'Neu: mit Café.' }) }, editor);
  if (!edited.ok) throw new Error(edited.code);
  expect((await transitionContribution(deps, { id: first!.id, expectedVersion: 3, to: 'published' }, editor)).ok).toBe(true);
  expect((await transitionContribution(deps, { id: second!.id, expectedVersion: 1, to: 'rejected', reason: 'Kein Bezug zur Strategie.' }, editor)).ok).toBe(true);
  const [demo] = (await deps.contributions.all()).filter((c) => c.state === 'published' && c.provenance?.format !== 'form');
  expect((await transitionContribution(deps, { id: demo!.id, expectedVersion: 1, to: 'archived' }, editor)).ok).toBe(true);

  expect((await addComment(deps, { contributionId: first!.id, body: 'Bitte Öffnungszeiten ergänzen.', toSubmitter: false }, editor)).ok).toBe(true);
  expect((await addComment(deps, { contributionId: first!.id, body: 'Können Sie ein Foto nachreichen?', toSubmitter: true }, editor)).ok).toBe(true);
  expect(await renameTaxonomy(deps, { kind: 'leitsaetze', names: [{ id: '4', name: 'Teilhabe am Arbeitsleben – umbenannt' }] }, editor)).toEqual({ ok: true, renamed: 1 });
  expect(await updateSynonyms(deps, { text: 'kita, kindertagesstätte\nöpnv, nahverkehr\n' }, editor)).toEqual({ ok: true, changed: true });
  const [mail] = (await deps.outbox.list({ limit: 1, offset: 0 })).items;
  await deps.outbox.markSent(mail!.id);
  // Values a JavaScript Date or number would not keep, and a JSON null next to SQL NULLs.
  await deps.auditLog.record({ actorId: null, actor: 'system', action: 'test.values', entityType: 'test', entityId: null, before: null });
  await db.query(`UPDATE audit_log SET after = '{"n": 1.50, "big": 12345678901234567890}' WHERE action = 'test.values'`);
  await db.query(`UPDATE contributions SET reviewed_at = '2026-01-02 03:04:05.123456+00' WHERE id = $1`, [first!.id]);
  return { references };
}

const sources = new Map<Engine, { test: TestDatabase; backup: string; references: string[] }>();
const targets: TestDatabase[] = [];
/** A fresh target database, disposed after the file. */
async function target(engine: Engine, options: Parameters<typeof createTestDatabase>[1] = {}): Promise<Database> {
  const created = await createTestDatabase(engine, options);
  targets.push(created);
  return created.db;
}

beforeAll(async () => {
  for (const engine of testEngines) {
    const test = await createTestDatabase(engine);
    const { references } = await fill(test.db);
    sources.set(engine, { test, backup: await backupOf(test.db), references });
  }
}, 120_000);
afterAll(async () => {
  for (const t of [...targets, ...[...sources.values()].map((s) => s.test)]) await t.dispose();
});

describe.each(testEngines)('backup and restore on %s', (engine) => {
  const source = () => sources.get(engine)!;

  it('writes a header, one line per row in canonical order, the sequences and a trailer', () => {
    const lines = linesOf(source().backup).map((line) => JSON.parse(line) as Record<string, unknown>);
    const header = lines[0] as { format: string; formatVersion: number; migrations: string[]; tables: Array<{ name: string; columns: string[] }> };
    expect(header).toMatchObject({ format: 'baukasten-backup', formatVersion: 1, migrations: loadMigrations().map((m) => m.name) });
    const tables = header.tables.map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining(['contributions', 'contribution_revisions', 'audit_log', 'users', 'contribution_comments', 'outbox', 'settings', 'submission_drafts', 'leitsaetze', 'regions', 'api_tokens']),
    );
    for (const ephemeral of ['sessions', 'rate_limit_events', 'rate_limit_counters', 'schema_migrations']) expect(tables).not.toContain(ephemeral);
    // Referenced tables first: restoring needs no disabled constraints.
    for (const [child, parent] of [['contributions', 'leitbild_areas'], ['contribution_revisions', 'contributions'], ['audit_log', 'users'], ['leitsaetze', 'leitbild_areas'], ['api_tokens', 'users']]) {
      expect(tables.indexOf(child!)).toBeGreaterThan(tables.indexOf(parent!));
    }
    expect(header.tables.find((t) => t.name === 'contributions')!.columns).not.toContain('title_key');
    const rows = lines.filter((l) => 'table' in l) as Array<{ table: string; row: Record<string, unknown> }>;
    expect(rows.map((r) => tables.indexOf(r.table))).toEqual([...rows.map((r) => tables.indexOf(r.table))].sort((a, b) => a - b));
    const auditIds = rows.filter((r) => r.table === 'audit_log').map((r) => r.row.id as number);
    expect(auditIds).toEqual([...auditIds].sort((a, b) => a - b));
    expect(rows.filter((r) => r.table === 'contributions').map((r) => r.row.state).sort()).toEqual(['archived', 'published', 'published', 'rejected']);
    expect(rows.filter((r) => r.table === 'contribution_revisions').length).toBeGreaterThanOrEqual(8);
    expect(lines.filter((l) => 'sequence' in l).map((l) => l.sequence)).toEqual(['audit_log_id_seq', 'contribution_reference_seq']);
    const trailer = lines.at(-1) as { end: string; lines: number; rows: Record<string, number>; sha256: string };
    expect(trailer).toMatchObject({ end: 'baukasten-backup', lines: lines.length - 2, sequences: 2 });
    expect(trailer.rows.contributions).toBe(4);
    expect(trailer.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Exact values: microseconds, numeric scale, a bigint beyond 2^53, a JSON null apart from SQL NULL.
    expect(source().backup).toContain('"reviewed_at": "2026-01-02T03:04:05.123456+00:00"');
    expect(source().backup).toMatch(/"after": \{"n": 1.50, "big": 12345678901234567890\}.*"jsonNull":\["before"\]/);
  });

  it('round trip: backup → fresh database → restore → backup is byte-identical, and so is the canonical export', async () => {
    const db = await target(engine);
    const summary = await restore(db, source().backup);
    expect(summary.upgradedBy).toEqual([]);
    expect(summary.tables.find((t) => t.name === 'contributions')?.rows).toBe(4);
    const again = await backupOf(db);
    expect(dataOf(again)).toBe(dataOf(source().backup));
    expect({ ...headerOf(again), createdAt: null }).toEqual({ ...headerOf(source().backup), createdAt: null });
    expect(await canonicalExport(db)).toBe(await canonicalExport(source().test.db));
    // Generated columns are computed again, not copied.
    const [keys] = await db.query<{ missing: number }>('SELECT count(*)::integer AS missing FROM contributions WHERE title_key IS NULL');
    expect(keys!.missing).toBe(0);
    const [audit] = await db.query<{ sql_null: boolean; json_null: boolean }>(
      `SELECT before IS NULL AS sql_null, before = 'null'::jsonb AS json_null FROM audit_log WHERE action = 'test.values'`,
    );
    expect(audit).toEqual({ sql_null: false, json_null: true });
  });

  it('a restored account can sign in, and the next submission and audit entry continue the numbering', async () => {
    const db = await target(engine);
    await restore(db, source().backup);
    const users = createUsersRepository(db);
    const loginDeps = { users, sessions: createSessionsRepository(db), rateLimits: createRateLimits(db), auditLog: createAuditLog(db) };
    const signedIn = await login(loginDeps, { email: 'admin@example.org', password: PASSWORD, clientAddress: '198.51.100.1' });
    expect(signedIn).toMatchObject({ ok: true, user: { email: 'admin@example.org', role: 'admin' } });
    const reference = await submit(db, 'Nach der Wiederherstellung', '198.51.100.2');
    const numberOf = (ref: string) => Number(ref.split('-').at(-1));
    expect(source().references.map(numberOf)).toEqual([1, 2]);
    expect(numberOf(reference)).toBe(3);
    // The identity column went on after the restored entries (the login and the submission wrote new ones).
    const restoredMax = Math.max(...linesOf(source().backup).filter((l) => l.startsWith('{"table":"audit_log"')).map((l) => (JSON.parse(l) as { row: { id: number } }).row.id));
    const added = await db.query<{ id: number }>(`SELECT id::integer AS id FROM audit_log WHERE action IN ('user.login', 'submission.submit') ORDER BY id`);
    expect(added.filter((a) => a.id > restoredMax).length).toBe(2);
  });

  it('restores in small pages and batches just the same (keyset paging, staged self-referencing regions)', async () => {
    const small = await backupOf(source().test.db, { pageRows: 3 });
    expect(dataOf(small)).toBe(dataOf(source().backup));
    const db = await target(engine, { migrations: false });
    await restore(db, small, { batchRows: 4 });
    expect(dataOf(await backupOf(db))).toBe(dataOf(source().backup));
  });

  it('restores into a database without any schema and migrates it', async () => {
    const db = await target(engine, { migrations: false });
    await restore(db, source().backup);
    expect((await appliedMigrations(db)).map((m) => m.name)).toEqual(loadMigrations().map((m) => m.name));
    expect(dataOf(await backupOf(db))).toBe(dataOf(source().backup));
  });

  it('refuses a database that is not empty and changes nothing', async () => {
    const before = await backupOf(source().test.db);
    const error = await restore(source().test.db, source().backup).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(/^Die Zieldatenbank ist nicht leer \(Tabellen „contributions“, .*„users“.*\)\. Eine Sicherung wird nur in eine leere Datenbank zurückgespielt/);
    expect(dataOf(await backupOf(source().test.db))).toBe(dataOf(before));
  });

  describe('a broken backup changes nothing and says which line', () => {
    let db: Database;
    let pristine: string;
    beforeAll(async () => {
      db = await target(engine);
      pristine = await backupOf(db);
    });

    const lines = () => linesOf(source().backup);
    const lineOf = (predicate: (line: string) => boolean) => lines().findIndex(predicate) + 1;
    const withLine = (number: number, replace: (line: string) => string | null) =>
      `${lines()
        .map((line, i) => (i + 1 === number ? replace(line) : line))
        .filter((line) => line !== null)
        .join('\n')}\n`;

    const cases: Array<[string, () => { text: string; message: string | RegExp }]> = [
      ['truncated in the middle of a line', () => {
        const n = lineOf((l) => l.startsWith('{"table":"contributions"'));
        return { text: `${lines().slice(0, n - 1).join('\n')}\n${lines()[n - 1]!.slice(0, 50)}`, message: `Zeile ${n}: kein gültiges JSON – die Sicherung ist beschädigt oder abgeschnitten.` };
      }],
      ['truncated at a line end', () => {
        const n = lineOf((l) => l.startsWith('{"table":"audit_log"'));
        return { text: `${lines().slice(0, n).join('\n')}\n`, message: `Die Sicherung ist unvollständig: nach Zeile ${n} fehlt die Schlusszeile (Datei abgeschnitten?).` };
      }],
      ['a line that is not JSON', () => {
        const n = lineOf((l) => l.startsWith('{"table":"users"'));
        return { text: withLine(n, () => '{"table":"users","row":{'), message: `Zeile ${n}: kein gültiges JSON – die Sicherung ist beschädigt oder abgeschnitten.` };
      }],
      ['an unknown table', () => {
        const n = lineOf((l) => l.startsWith('{"table":"outbox"'));
        return { text: withLine(n, (l) => l.replace('"table":"outbox"', '"table":"postfach"')), message: `Zeile ${n}: unbekannte Tabelle „postfach“ (nicht in der Kopfzeile der Sicherung).` };
      }],
      ['an unknown column', () => {
        const n = lineOf((l) => l.startsWith('{"table":"contribution_comments"'));
        return { text: withLine(n, (l) => l.replace('"body":', '"text":')), message: `Zeile ${n}: unbekannte Spalte „text“ in Tabelle „contribution_comments“.` };
      }],
      ['a changed value (checksum)', () => {
        const n = lineOf((l) => l.includes('Teilhabe am Arbeitsleben – umbenannt'));
        const trailer = lines().length;
        return {
          text: withLine(n, (l) => l.replace('umbenannt', 'verändert')),
          message: `Zeile ${trailer} (Schlusszeile): die Prüfsumme (SHA-256) der Daten stimmt nicht – die Sicherung wurde verändert oder ist beschädigt.`,
        };
      }],
      ['a missing line (line count)', () => {
        const n = lineOf((l) => l.startsWith('{"table":"audit_log"'));
        const trailer = lines().length - 1;
        const total = lines().length - 2;
        return { text: withLine(n, () => null), message: `Zeile ${trailer} (Schlusszeile): die Sicherung hat ${total} Datenzeilen, gelesen wurden ${total - 1} – die Sicherung ist unvollständig oder beschädigt.` };
      }],
      ['a row the database refuses (duplicate key)', () => {
        const n = lineOf((l) => l.startsWith('{"table":"users"'));
        return { text: withLine(n, (l) => `${l}\n${l}`), message: new RegExp(`^Zeile ${n + 1} \\(Tabelle „users“\\): .*duplicate key`) };
      }],
      ['data after the trailer', () => ({ text: `${source().backup}{"table":"users","row":{}}\n`, message: `Zeile ${lines().length + 1}: nach der Schlusszeile folgen weitere Daten – die Sicherung ist beschädigt.` })],
      ['an empty file', () => ({ text: '', message: 'Die Sicherung ist leer: die Kopfzeile fehlt.' })],
      ['not a backup', () => ({ text: '{"hello":"world"}\n', message: 'Zeile 1: das ist keine Baukasten-Sicherung (Kopfzeile mit "format": "baukasten-backup" fehlt).' })],
    ];

    it.each(cases)('%s', async (_name, make) => {
      const { text, message } = make();
      const error = await restore(db, text).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackupError);
      if (typeof message === 'string') expect((error as Error).message).toBe(message);
      else expect((error as Error).message).toMatch(message);
      expect(await backupOf(db).then(dataOf)).toBe(dataOf(pristine));
    });

    it('leaves a database without schema without schema', async () => {
      const empty = await target(engine, { migrations: false });
      const truncated = `${lines().slice(0, -1).join('\n')}\n`;
      await expect(restore(empty, truncated)).rejects.toThrow(/^Die Sicherung ist unvollständig: nach Zeile \d+ fehlt die Schlusszeile/);
      expect(await appliedMigrations(empty)).toEqual([]);
      expect(await empty.query("SELECT relname FROM pg_class WHERE relname IN ('contributions', 'schema_migrations')")).toEqual([]);
    });
  });

  describe('schema versions', () => {
    const all = loadMigrations();
    const upTo5 = all.filter((m) => m.version <= 5);
    const latest = all.at(-1)!.name;

    it('refuses a backup from a newer schema or format than this code knows', async () => {
      const db = await target(engine, { migrations: false });
      const header = headerOf(source().backup);
      const rest = dataOf(source().backup);
      const future = `${JSON.stringify({ ...header, migrations: [...header.migrations, '0099_future_tables'] })}\n${rest}`;
      await expect(restore(db, future)).rejects.toThrow(
        'Die Sicherung stammt aus einer neueren Version von Baukasten: die Migration „0099_future_tables“ ist dieser Version unbekannt. Bitte Baukasten aktualisieren und die Sicherung dann zurückspielen.',
      );
      await expect(restore(db, source().backup, { migrations: upTo5 })).rejects.toThrow(
        `Die Sicherung stammt aus einer neueren Version von Baukasten: die Migrationen ${all.filter((m) => m.version > 5).map((m) => `„${m.name}“`).join(', ')} sind dieser Version unbekannt.`,
      );
      const newerFormat = `${JSON.stringify({ ...header, formatVersion: 2 })}\n${rest}`;
      await expect(restore(db, newerFormat)).rejects.toThrow('Zeile 1: die Sicherung hat das Format Version 2, diese Version von Baukasten kennt nur Version 1. Bitte Baukasten aktualisieren.');
      expect(await appliedMigrations(db)).toEqual([]);
    });

    it('restores a backup made at an older migration and brings it to the latest', async () => {
      const old = await target(engine, { migrations: upTo5 });
      const repo = createContributionRepository(old);
      await repo.create(ContributionContentSchema.parse({ title: 'Älterer Stand', sponsor: { name: 'Gemeinde Ähnlich' } }), { state: 'published', actor: 'Redaktion' });
      await createAuditLog(old).record({ actorId: null, actor: 'cli', action: 'test.old', entityType: 'test', entityId: null });
      const backup = await backupOf(old);
      expect(headerOf(backup).migrations).toEqual(upTo5.map((m) => m.name));

      // A target already at the newer level cannot take the older backup: refused, nothing changed.
      const newer = await target(engine);
      await expect(restore(newer, backup)).rejects.toThrow(
        `Die Zieldatenbank ist schon auf einem neueren Stand (${latest}) als die Sicherung (0005_slug_prefix_index).`,
      );

      const db = await target(engine, { migrations: false });
      const summary = await restore(db, backup);
      expect(summary.upgradedBy).toEqual(all.filter((m) => m.version > 5).map((m) => m.name));
      expect((await appliedMigrations(db)).map((m) => m.name)).toEqual(all.map((m) => m.name));
      expect(await canonicalExport(db)).toBe(await canonicalExport(old));
      expect(await db.query('SELECT title_key, sponsor_key FROM contributions')).toEqual([{ title_key: 'aeltererstand', sponsor_key: 'gemeindeaehnlich' }]);
      // The upgraded database backs up like any other at the latest level.
      expect(headerOf(await backupOf(db)).migrations).toEqual(all.map((m) => m.name));
    });
  });
});

describe.runIf(testEngines.length > 1)('a backup is engine-independent', () => {
  it.each([
    ['pglite', 'postgres'],
    ['postgres', 'pglite'],
  ] as Array<[Engine, Engine]>)('%s → %s: restored and backed up again, byte for byte', async (from, to) => {
    const source = sources.get(from)!;
    const db = await target(to);
    await restore(db, source.backup);
    expect(dataOf(await backupOf(db))).toBe(dataOf(source.backup));
    expect(await canonicalExport(db)).toBe(await canonicalExport(source.test.db));
  });
});

describe('every column type, in a table a later migration adds', () => {
  // A migration this code does not ship: the backup must find its tables in the catalog by itself.
  const probe = {
    version: 9001,
    name: '9001_type_probe',
    sql: `
      CREATE TABLE type_probe (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        serial_no serial NOT NULL,
        parent_id bigint REFERENCES type_probe (id),
        label text,
        label_upper text GENERATED ALWAYS AS (upper(label)) STORED,
        at timestamptz, local_at timestamp, day date, clock time, span interval,
        amount numeric(20, 4), ratio double precision, small real, big bigint, flag boolean,
        tags text[], grid integer[][], uid uuid, raw bytea, doc json, data jsonb
      );
      -- No primary key: read in the order of the rows' text.
      CREATE TABLE type_probe_log (note text, at timestamptz);`,
  };
  const migrations = [...loadMigrations(), probe];
  const rowsOf = (db: Database) =>
    db.transaction(async (tx) => {
      await tx.exec("SET LOCAL TimeZone = 'UTC'");
      return [
        ...(await tx.query<{ row: string }>('SELECT t::text AS row FROM type_probe t ORDER BY id')),
        ...(await tx.query<{ row: string }>('SELECT t::text AS row FROM type_probe_log t ORDER BY t::text COLLATE "C"')),
      ].map((r) => r.row);
    });
  const sourcesByEngine = new Map<Engine, { db: Database; backup: string }>();

  beforeAll(async () => {
    for (const engine of testEngines) {
      const db = await target(engine, { migrations });
      // The first row points to the third: restoring it needs the self-reference at the table's end.
      await db.exec(`
        INSERT INTO type_probe (label) VALUES ('a'), ('b'), ('c');
        UPDATE type_probe SET parent_id = 3 WHERE id = 1;
        UPDATE type_probe SET at = '2026-01-02 03:04:05.123456+02', local_at = '2024-02-29 23:59:59.999999', day = '2024-02-29',
          clock = '03:04:05.000001', span = '1 year 2 mons 3 days 04:05:06.789', amount = 12345678901234.5678, ratio = 0.1, small = 1.5,
          big = 9223372036854775807, flag = true, tags = ARRAY['a,b', '', NULL, 'ä "q"'], grid = '{{1,2},{3,4}}',
          uid = '6f1c1b1e-8d0a-4c1e-9a53-0a5b8d7c2e11', raw = '\\x00ff10', doc = '{"b": 1,  "a": [1, 2.50], "b": 2}',
          data = '{"z": null, "a": "ü\\n", "n": 1.50}' WHERE id = 1;
        UPDATE type_probe SET label = '', ratio = 'NaN', small = '-Infinity', flag = false, tags = '{}', raw = '', doc = 'null', data = 'null' WHERE id = 2;
        UPDATE type_probe SET ratio = 'Infinity', at = 'infinity', day = '-infinity', data = '[]' WHERE id = 3;
        INSERT INTO type_probe_log VALUES ('doppelt', '2026-01-01 00:00:00.5+00'), ('doppelt', '2026-01-01 00:00:00.5+00'), (NULL, NULL),
          ('', NULL), ('Ä', now()), ('a', now()), ('B', now());`);
      sourcesByEngine.set(engine, { db, backup: await backupOf(db, { pageRows: 2 }) });
    }
  }, 60_000);

  it('is backed up with its rows and comes back exactly, on every pair of engines', async () => {
    for (const [from, source] of sourcesByEngine) {
      const lines = linesOf(source.backup);
      expect(headerOf(source.backup).tables.map((t) => t.name)).toEqual(expect.arrayContaining(['type_probe', 'type_probe_log']));
      expect(lines.filter((l) => l.startsWith('{"table":"type_probe"'))).toHaveLength(3);
      expect(lines.filter((l) => l.startsWith('{"table":"type_probe_log"'))).toHaveLength(7);
      expect(lines).toContain('{"sequence":"type_probe_id_seq","lastValue":"3","isCalled":true}');
      // json keeps its exact text; a jsonb holding JSON null is told apart from SQL NULL.
      expect(source.backup).toContain(`"doc": "{\\"b\\": 1,  \\"a\\": [1, 2.50], \\"b\\": 2}"`);
      expect(lines.find((l) => l.includes('"label": ""'))).toMatch(/,"jsonNull":\["data"\]\}$/);
      for (const to of testEngines) {
        const db = await target(to, { migrations: false });
        await restoreBackup(db, streamOf(source.backup), { migrations, batchRows: 2 });
        expect(await rowsOf(db), `${from} → ${to}`).toEqual(await rowsOf(source.db));
        expect(dataOf(await backupOf(db)), `${from} → ${to}`).toBe(dataOf(source.backup));
        // Identity and serial continue after the restored rows.
        const [next] = await db.query<{ id: string; serial_no: number }>(`INSERT INTO type_probe (label) VALUES ('neu') RETURNING id::text, serial_no`);
        expect(next).toEqual({ id: '4', serial_no: 4 });
      }
    }
  });
});
