import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../src/storage/migrate.ts';
import { createTestDatabase, testEngines, type TestDatabase } from '../support/databases.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin/baukasten.js');
const work = mkdtempSync(join(tmpdir(), 'baukasten-backup-cli-'));
const disposables: TestDatabase[] = [];
afterAll(async () => {
  for (const d of disposables) await d.dispose();
  rmSync(work, { recursive: true, force: true });
});

/** The CLI on its own embedded database in `work/<dataDir>`, or on PostgreSQL with a databaseUrl. */
function cli(target: { dataDir: string } | { databaseUrl: string }, args: string[], input = '') {
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.DATABASE_URL;
  if ('dataDir' in target) env.BAUKASTEN_DATA_DIR = join(work, target.dataDir);
  else env.DATABASE_URL = target.databaseUrl;
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, env, encoding: 'utf8', timeout: 90_000, input });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const latest = loadMigrations().at(-1)!.name;
const dataOf = (backup: string) => backup.slice(backup.indexOf('\n') + 1);
const source = { dataDir: 'quelle' };
const file = join(work, 'sicherung.ndjson');

// Each test spawns the CLI a few times (tsx start-up plus PGlite): more than the default 30 s on a loaded machine.
describe('baukasten backup / restore', { timeout: 120_000 }, () => {
  it('an operator backs up an installation to a file and to stdout', () => {
    const demo = (name: string) => join(root, 'data/demo', name);
    expect(cli(source, ['import', '--no-journal', '--publish', demo('projektsteckbrief-bfa.txt'), demo('frageformular-vag.txt')]).status).toBe(0);
    expect(cli(source, ['user', 'add', '--email', 'admin@example.org', '--name', 'Ada Admin', '--role', 'admin'], 'ein-sehr-langes-passwort\n').status).toBe(0);

    const toFile = cli(source, ['backup', '--output', file]);
    expect(toFile.stderr).toBe('');
    expect(toFile.status).toBe(0);
    expect(toFile.stdout).toMatch(new RegExp(`^Sicherung geschrieben: .*sicherung\\.ndjson – \\d+ Zeilen aus \\d+ Tabellen, 2 Sequenzen, Schema-Stand ${latest} \\(PGlite`));
    expect(existsSync(`${file}.part`)).toBe(false);
    const toStdout = cli(source, ['backup']);
    expect(toStdout.status).toBe(0);
    expect(dataOf(toStdout.stdout)).toBe(dataOf(readFileSync(file, 'utf8')));
    expect(JSON.parse(toStdout.stdout.split('\n')[0]!)).toMatchObject({ format: 'baukasten-backup', formatVersion: 1 });
  });

  it('restores into a fresh data directory: the same backup and the same export come out again', () => {
    const target = { dataDir: 'ziel' };
    const run = cli(target, ['restore', file]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Sicherung vom \d{4}-\d\d-\d\dT[\d:.]+Z zurückgespielt: \d+ Zeilen in \d+ Tabellen, 2 Sequenzen \(PGlite/);
    expect(run.stdout).toContain(`Schema-Stand ${latest}.`);
    expect(dataOf(cli(target, ['backup']).stdout)).toBe(dataOf(readFileSync(file, 'utf8')));
    expect(cli(target, ['export', '--intern']).stdout).toBe(cli(source, ['export', '--intern']).stdout);
  });

  it('refuses a database that is not empty, with exit code 1, and changes nothing', () => {
    const before = cli(source, ['backup']).stdout;
    const run = cli(source, ['restore', file]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Fehler: Die Zieldatenbank ist nicht leer (Tabellen „contributions“');
    expect(run.stderr).toContain('Nichts wurde zurückgespielt; die Datenbank ist unverändert.');
    expect(dataOf(cli(source, ['backup']).stdout)).toBe(dataOf(before));
  });

  it('reads stdin with "-", refuses a truncated backup naming the line, then takes the whole one', () => {
    const target = { dataDir: 'ziel-stdin' };
    const lines = readFileSync(file, 'utf8').split('\n');
    const truncated = `${lines.slice(0, 5).join('\n')}\n${lines[5]!.slice(0, 40)}`;
    const broken = cli(target, ['restore', '-'], truncated);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('Fehler: Zeile 6: kein gültiges JSON – die Sicherung ist beschädigt oder abgeschnitten.');
    // Nothing was written: still no schema, so there is nothing to back up.
    const nothing = cli(target, ['backup']);
    expect(nothing.status).toBe(1);
    expect(nothing.stderr).toContain('Fehler: Die Datenbank hat noch kein Schema – es gibt nichts zu sichern.');

    const whole = cli(target, ['restore', '-'], readFileSync(file, 'utf8'));
    expect(whole.status).toBe(0);
    expect(dataOf(cli(target, ['backup']).stdout)).toBe(dataOf(readFileSync(file, 'utf8')));
  });

  it('says so when the file does not exist', () => {
    const run = cli({ dataDir: 'ziel-fehlt' }, ['restore', join(work, 'gibt-es-nicht.ndjson')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Fehler: Die Datei „');
    expect(run.stderr).toContain('gibt-es-nicht.ndjson“ gibt es nicht.');
  });

  it.runIf(testEngines.includes('postgres'))('moves an embedded installation to PostgreSQL', async () => {
    const database = await createTestDatabase('postgres', { migrations: false });
    disposables.push(database);
    const target = database.reopenConfig as { databaseUrl: string };
    const run = cli(target, ['restore', file]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('(PostgreSQL ');
    expect(dataOf(cli(target, ['backup']).stdout)).toBe(dataOf(readFileSync(file, 'utf8')));
  });

  it('the command line help lists both commands', () => {
    const help = cli({ dataDir: 'hilfe' }, ['--help']).stdout;
    expect(help).toMatch(/backup \[options\]/);
    expect(help).toMatch(/restore <file>/);
    writeFileSync(join(work, 'leer.ndjson'), '');
    const empty = cli({ dataDir: 'hilfe' }, ['restore', join(work, 'leer.ndjson')]);
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain('Fehler: Die Sicherung ist leer: die Kopfzeile fehlt.');
  });
});
