import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openJournal } from './journal.ts';
import { walkSources } from './walk-sources.ts';

const work = mkdtempSync(join(tmpdir(), 'baukasten-bulk-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const collect = async (paths: string[]) => {
  const entries = [];
  for await (const entry of walkSources(paths)) entries.push([entry.kind, entry.name]);
  return entries;
};

describe('walking folders for a bulk import', () => {
  it('lists supported files recursively in name order, reports other files as skipped and leaves hidden entries out', async () => {
    const root = join(work, 'ordner');
    mkdirSync(join(root, 'b-unter/tief'), { recursive: true });
    mkdirSync(join(root, '.git'));
    for (const name of ['c.TXT', 'a.md', 'bild.png', 'ohne-endung', 'b-unter/x.docx', 'b-unter/tief/y.pdf', 'b-unter/z.htm', '.versteckt.txt', '.git/HEAD'])
      writeFileSync(join(root, name), 'x');
    symlinkSync(root, join(root, 'b-unter/schleife'));
    expect(await collect([root])).toEqual([
      ['file', 'a.md'],
      ['skipped', 'b-unter/schleife'],
      ['file', 'b-unter/tief/y.pdf'],
      ['file', 'b-unter/x.docx'],
      ['file', 'b-unter/z.htm'],
      ['skipped', 'bild.png'],
      ['file', 'c.TXT'],
      ['skipped', 'ohne-endung'],
    ]);
  });

  it('takes files named directly whatever their extension, and reports missing paths', async () => {
    const png = join(work, 'direkt.png');
    writeFileSync(png, 'x');
    const entries = [];
    for await (const entry of walkSources([png, join(work, 'fehlt.txt')])) entries.push(entry);
    expect(entries.map((e) => [e.kind, e.name])).toEqual([
      ['file', 'direkt.png'],
      ['missing', 'fehlt.txt'],
    ]);
    expect(entries[1]?.kind === 'missing' && entries[1].reason).toContain('existiert nicht');
  });
});

describe('the import journal', () => {
  it('remembers rejections across runs for the same importer version only', () => {
    const path = join(work, 'journal/j.ndjson');
    const first = openJournal(path, 'v1');
    expect(first.rejectedReason('abc')).toBeNull();
    first.recordRejection('abc', 'a.txt', '„a.txt“ ist leer.');
    first.recordRejection('abc', 'a.txt', '„a.txt“ ist leer.'); // recorded once
    first.close();
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(1);
    expect(openJournal(path, 'v1').rejectedReason('abc')).toBe('„a.txt“ ist leer.');
    expect(openJournal(path, 'v2').rejectedReason('abc')).toBeNull();
  });

  it('ignores a line cut off by an interruption', () => {
    const path = join(work, 'abgebrochen.ndjson');
    const journal = openJournal(path, 'v1');
    journal.recordRejection('h1', 'a.txt', 'Grund');
    journal.close();
    writeFileSync(path, `${readFileSync(path, 'utf8')}{"hash":"h2","fi`);
    const again = openJournal(path, 'v1');
    expect(again.rejectedReason('h1')).toBe('Grund');
    expect(again.rejectedReason('h2')).toBeNull();
  });
});
