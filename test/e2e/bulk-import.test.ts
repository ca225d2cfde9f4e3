import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { iterateContributions } from '../../bench/generate-corpus.ts';
import { renderDocument } from '../../bench/support/render-documents.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin/baukasten.js');
const work = mkdtempSync(join(tmpdir(), 'baukasten-bulk-e2e-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function envFor(name: string) {
  const env: Record<string, string | undefined> = { ...process.env, BAUKASTEN_DATA_DIR: join(work, name, 'data') };
  delete env.DATABASE_URL;
  return env;
}
const journal = (name: string) => ['--journal', join(work, name, 'journal.ndjson')];

function cli(name: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, env: envFor(name), encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

type Line = { file: string; outcome: string; reason?: string; possibleDuplicates?: Array<{ id: string; title: string; reason: string }> };
const lines = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);

describe('bulk import of a folder', () => {
  it('reports every file (imported, already there, possible duplicate, rejected, skipped) and is idempotent', () => {
    const folder = join(work, 'a', 'eingang');
    mkdirSync(join(folder, 'unter'), { recursive: true });
    const demo = (file: string) => readFileSync(join(root, 'data/demo', file));
    writeFileSync(join(folder, 'steckbrief.txt'), demo('projektsteckbrief-bfa.txt'));
    writeFileSync(join(folder, 'unter/gleiche-bytes.txt'), demo('projektsteckbrief-bfa.txt'));
    writeFileSync(join(folder, 'unter/zweite-fassung.md'), demo('projektsteckbrief-bfa.txt').toString('utf8').replace('Friedenstraße 26', 'Friedenstraße 28'));
    writeFileSync(join(folder, 'unter/frageformular.txt'), demo('frageformular-vag.txt'));
    writeFileSync(join(folder, 'unter/notiz.txt'), 'Eine Notiz ohne jedes Formular.');
    writeFileSync(join(folder, 'tabelle.xlsx'), 'x');

    const run = cli('a', 'import', '--json', ...journal('a'), '--report', join(work, 'a', 'bericht.ndjson'), folder);
    expect(run.status).toBe(0);
    const report = lines(run.stdout);
    const byFile = Object.fromEntries(report.map((l) => [l.file, l]));
    expect(Object.fromEntries(report.map((l) => [l.file, l.outcome]))).toEqual({
      'steckbrief.txt': 'imported',
      'unter/gleiche-bytes.txt': 'duplicate',
      'unter/zweite-fassung.md': 'imported',
      'unter/frageformular.txt': 'imported',
      'unter/notiz.txt': 'rejected',
      'tabelle.xlsx': 'skipped',
    });
    expect(byFile['unter/zweite-fassung.md']?.possibleDuplicates).toEqual([
      expect.objectContaining({ title: 'Bewerbung des Budgets für Arbeit (BfA) nach § 61 SGB IX', reason: expect.stringContaining('gleicher Titel und Träger') }),
    ]);
    expect(byFile['steckbrief.txt']?.possibleDuplicates).toEqual([]);
    expect(byFile['unter/notiz.txt']?.reason).toContain('notiz.txt');
    expect(run.stderr).toMatch(/3 importiert, 1 bereits vorhanden, 1 abgelehnt, 1 übersprungen, 1 mit möglicher Dublette – 5 Dateien in [\d.]+ s \(\d+ Dok\.\/s/);
    expect(lines(readFileSync(join(work, 'a', 'bericht.ndjson'), 'utf8'))).toEqual(report);

    // Again: nothing new; the rejected file comes from the journal, unparsed.
    const again = cli('a', 'import', ...journal('a'), folder);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toContain('0 importiert, 4 bereits vorhanden, 1 abgelehnt, 1 übersprungen');
    expect(again.stdout).toContain('✓ steckbrief.txt: bereits vorhanden');
    expect(again.stderr).toContain('✗ unter/notiz.txt:');
    expect(readFileSync(join(work, 'a', 'journal.ndjson'), 'utf8').trim().split('\n')).toHaveLength(1);
  }, 120_000);

  it('exits non-zero when a folder holds nothing importable', () => {
    const folder = join(work, 'b', 'leer');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'bild.png'), 'x');
    const run = cli('b', 'import', ...journal('b'), folder);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('„bild.png“ übersprungen');
  }, 60_000);

  it('stops cleanly on SIGTERM after the current document, and the same command then imports the rest exactly once', async () => {
    const folder = join(work, 'c', 'viele');
    mkdirSync(folder, { recursive: true });
    const n = 120;
    let i = 0;
    for (const content of iterateContributions(n, 99)) {
      const doc = renderDocument(content, i++);
      writeFileSync(join(folder, doc.name), doc.text);
    }
    const first = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [bin, 'import', '--json', ...journal('c'), folder], { cwd: root, env: envFor('c'), stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      let sent = false;
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (!sent && stdout.split('\n').length > 5) {
          sent = true;
          child.kill('SIGTERM');
        }
      });
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
    expect(first.code).toBe(143);
    expect(first.stderr).toContain('Import unterbrochen. Zum Fortsetzen denselben Befehl noch einmal ausführen');
    const done = lines(first.stdout);
    expect(done.length).toBeGreaterThan(3);
    expect(done.length).toBeLessThan(n);

    const second = cli('c', 'import', '--json', ...journal('c'), folder);
    expect(second.status).toBe(0);
    const rest = lines(second.stdout);
    expect(rest).toHaveLength(n);
    const importedFirst = new Set(done.filter((l) => l.outcome === 'imported').map((l) => l.file));
    for (const line of rest) expect([line.file, line.outcome]).toEqual([line.file, importedFirst.has(line.file) ? 'duplicate' : 'imported']);

    const exported = spawnSync(process.execPath, [bin, 'export', '--format', 'ndjson', '--intern'], { cwd: root, env: envFor('c'), encoding: 'utf8' });
    const hashes = exported.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { provenance: { contentHash: string } }).provenance.contentHash);
    expect(hashes).toHaveLength(n);
    expect(new Set(hashes).size).toBe(n);
  }, 180_000);
});
