import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { ContributionSchema } from '../../src/domain/contribution.ts';
import { PublicContributionSchema } from '../../src/domain/public-contribution.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin/baukasten.js');
const demo = (name: string) => join(root, 'data/demo', name);
const work = mkdtempSync(join(tmpdir(), 'baukasten-cli-'));
const env = { ...process.env, BAUKASTEN_DATA_DIR: join(work, 'data'), DATABASE_URL: '' };
const journalArgs = ['--journal', join(work, 'journal.ndjson')];
delete (env as Record<string, string | undefined>).DATABASE_URL;
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cli(...args: string[]) {
  return cliWithInput('', ...args);
}

function cliWithInput(input: string, ...args: string[]) {
  const withJournal = args[0] === 'import' ? ['import', ...journalArgs, ...args.slice(1)] : args;
  const result = spawnSync(process.execPath, [bin, ...withJournal], { cwd: root, env, encoding: 'utf8', timeout: 60_000, input });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('baukasten command line', () => {
  it('an editor imports both seed documents and gets one canonical JSON record per file', () => {
    const run = cli('import', '--json', demo('projektsteckbrief-bfa.txt'), demo('frageformular-vag.txt'));
    expect(run.stderr).not.toMatch(/Error|Fehler/);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { file: string; outcome: string; contribution: unknown });
    expect(lines.map((l) => [l.file, l.outcome])).toEqual([
      ['projektsteckbrief-bfa.txt', 'imported'],
      ['frageformular-vag.txt', 'imported'],
    ]);
    for (const line of lines) expect(ContributionSchema.safeParse(line.contribution).success).toBe(true);
  });

  it('importing the same files again changes nothing and still succeeds', () => {
    const run = cli('import', '--json', demo('projektsteckbrief-bfa.txt'));
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).outcome).toBe('duplicate');
  });

  it('exits non-zero with a German message naming each file when nothing could be imported', () => {
    const empty = join(work, 'leer.txt');
    writeFileSync(empty, '');
    const huge = join(work, 'riesig.txt');
    writeFileSync(huge, Buffer.alloc(20 * 1024 * 1024, 'a'));
    const run = cli('import', empty, join(work, 'gibt-es-nicht.txt'), huge);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/„leer\.txt“ ist leer/);
    expect(run.stderr).toContain('gibt-es-nicht.txt“ existiert nicht');
    expect(run.stderr).toMatch(/„riesig\.txt“ ist größer als/);
    expect(run.stderr).toContain('0 importiert, 0 bereits vorhanden, 3 abgelehnt, 0 übersprungen');
  });

  it('a dry run prints the extracted draft without storing it', () => {
    const copy = join(work, 'kopie.txt');
    writeFileSync(copy, '\n\n' + readFileSync(demo('projektsteckbrief-bfa.txt'), 'utf8'));
    const run = cli('import', '--dry-run', '--json', copy);
    expect(run.status).toBe(0);
    const line = JSON.parse(run.stdout) as { outcome: string; draft: { title: string } };
    expect(line.outcome).toBe('parsed');
    const exported = cli('export', '--intern', '--format', 'ndjson');
    expect(exported.stdout.trim().split('\n')).toHaveLength(2);
  });

  it('with --intern, exports every contribution in every state as JSON, NDJSON and CSV in the canonical shape', () => {
    const json = cli('export', '--intern', '--format', 'json');
    expect(json.status).toBe(0);
    const all = JSON.parse(json.stdout) as Array<{ state: string; contacts: Array<{ name: string }> }>;
    expect(all).toHaveLength(2);
    expect(all.map((c) => c.state)).toEqual(['draft', 'draft']);
    for (const record of all) expect(ContributionSchema.safeParse(record).success).toBe(true);
    const ndjson = cli('export', '--intern', '--format', 'ndjson');
    expect(ndjson.stdout.trim().split('\n').map((l) => JSON.parse(l))).toEqual(all);
    // Operators see personal data even without consent, marked as such.
    const csv = cli('export', '--intern', '--format', 'csv');
    const rows = parse(csv.stdout, { bom: true, delimiter: ';' }) as string[][];
    expect(rows).toHaveLength(3);
    expect(rows.map((row) => row[rows[0]!.indexOf('Redaktioneller Stand')])).toEqual(['Redaktioneller Stand', 'Entwurf', 'Entwurf']);
    expect(csv.stdout).toContain('Jörg Heyer, +49 6441 9277607, j.heyer@lag-werkstaetten.de (keine Einwilligung zur Veröffentlichung)');
    expect(cli('export', '--format', 'xml').status).not.toBe(0);
  });

  it('by default exports only published contributions in the public shape, like the downloads under /daten', () => {
    // Only drafts so far: nothing is public.
    expect(JSON.parse(cli('export').stdout)).toEqual([]);
    expect(cli('export', '--format', 'ndjson').stdout).toBe('');
    const copy = join(work, 'veroeffentlicht.txt');
    writeFileSync(copy, `${readFileSync(demo('projektsteckbrief-bfa.txt'), 'utf8')}\n`);
    expect(cli('import', '--publish', copy).status).toBe(0);

    const json = JSON.parse(cli('export', '--format', 'json').stdout) as Array<{ title: string; state: string; contacts: Array<{ name: string | null; email: string | null }>; provenance: object }>;
    expect(json).toHaveLength(1);
    expect(json[0]!.state).toBe('published');
    expect(PublicContributionSchema.safeParse(json[0]).success).toBe(true);
    expect(json[0]!.contacts.every((c) => c.name === null && c.email === null)).toBe(true);
    expect(Object.keys(json[0]!.provenance)).toEqual(['format', 'importedAt']);

    const file = join(work, 'beitraege.csv');
    const written = cli('export', '--format', 'csv', '--output', file);
    expect(written.status).toBe(0);
    expect(written.stdout).toBe('');
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.toString('utf8'), { bom: true, delimiter: ';' }) as string[][];
    expect(rows).toHaveLength(2);
    expect(rows[1]![rows[0]!.indexOf('Titel')]).toBe(json[0]!.title);
    expect(bytes.toString('utf8')).not.toContain('Heyer');
    expect(rows[1]![rows[0]!.indexOf('Ansprechpartner*innen')]).toBe('Ansprechperson (Name und Kontaktdaten nicht veröffentlicht)');
    expect(bytes.toString('utf8')).toContain('\r\n');
  });

  it('an operator creates the first admin account with the password from a pipe, and a duplicate is refused', () => {
    const created = cliWithInput('ein-sehr-langes-passwort\n', 'user', 'add', '--email', 'Admin@Example.org', '--name', 'Ada Admin', '--role', 'admin');
    expect(created.status).toBe(0);
    expect(created.stdout).toContain('Konto angelegt: admin@example.org (Administrator*in).');
    const again = cliWithInput('ein-sehr-langes-passwort\n', 'user', 'add', '--email', 'admin@example.org', '--name', 'Noch einmal');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('E-Mail-Adresse: Für diese E-Mail-Adresse gibt es schon ein Konto.');
    const short = cliWithInput('kurz\n', 'user', 'add', '--email', 'neu@example.org', '--name', 'Neu');
    expect(short.status).toBe(1);
    expect(short.stderr).toContain('Passwort: Das Passwort muss mindestens 12 Zeichen lang sein.');
  });

  it('reports an up-to-date schema on migrate', () => {
    const run = cli('migrate');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Schema ist aktuell.');
  });
});

describe('npm start on a fresh data directory', () => {
  it('a visitor sees both demo contributions, on first start and after a restart', async () => {
    const dataDir = join(work, 'fresh');
    for (let start = 0; start < 2; start++) {
      const server = await startServer(dataDir);
      try {
        const home = await fetch(server.url);
        expect(home.status).toBe(200);
        const html = await home.text();
        expect(html).toContain('Verzahnung von Arbeits- und Gesundheitsförderung in der kommunalen Lebenswelt');
        expect(html).toContain('Bewerbung des Budgets für Arbeit (BfA) nach § 61 SGB IX');
        const detail = await fetch(new URL('/beitraege/bewerbung-des-budgets-fuer-arbeit-bfa-nach-61-sgb-ix', server.url));
        expect(detail.status).toBe(200);
        expect(await detail.text()).toContain('Friedenstraße 26');
        // The open data downloads are wired in and stream over real HTTP.
        const csv = await fetch(new URL('/daten/beitraege.csv', server.url));
        expect(csv.status).toBe(200);
        const titles = (parse(await csv.text(), { bom: true, delimiter: ';' }) as string[][]).map((row) => row[3]);
        expect(titles.sort()).toEqual([
          'Bewerbung des Budgets für Arbeit (BfA) nach § 61 SGB IX',
          'Titel',
          'Verzahnung von Arbeits- und Gesundheitsförderung in der kommunalen Lebenswelt',
        ]);
      } finally {
        await server.stop();
      }
    }
    const exported = spawnSync(process.execPath, [bin, 'export'], { cwd: root, env: { ...env, BAUKASTEN_DATA_DIR: dataDir }, encoding: 'utf8' });
    expect((JSON.parse(exported.stdout) as Array<{ state: string }>).map((c) => c.state)).toEqual(['published', 'published']);
  }, 90_000);
});

/** Runs exactly what `npm start` runs, on port 0, and waits for the "läuft auf" line. */
function startServer(dataDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--seed-demo'], {
      cwd: root,
      env: { ...env, BAUKASTEN_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /läuft auf (http:\/\/localhost:\d+)/.exec(output);
      if (match)
        resolve({
          url: match[1]!.replace('localhost', '127.0.0.1'),
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
}
