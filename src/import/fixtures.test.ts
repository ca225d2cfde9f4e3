import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateImportFixtures } from '../../scripts/import-fixtures/generate.ts';
import { stopConverter } from './formats/sandbox.ts';
import { parseDocument } from './parse-document.ts';
import type { ParseOutcome } from './types.ts';

/*
 * Table-driven test over test/fixtures/import: every document (<name>.txt, .md, .docx, .pdf,
 * .html, .doc, .odt) has a ground truth <name>.<ext>.expected.json or, shared by all formats of the
 * same content, <name>.expected.json, with either { format, content, warnings: [{ field, code }] }
 * (all content fields but taxonomy) or { rejected: { code, reason } }. The encoded text fixtures
 * are written by generate-encoded.ts, the DOCX, PDF and HTML ones by
 * scripts/generate-import-fixtures.ts from the text fixtures.
 */
const fixturesDir = new URL('../../test/fixtures/import/', import.meta.url);
const extensions: Record<string, string> = { txt: 'text', md: 'text', docx: 'docx', pdf: 'pdf', html: 'html', htm: 'html', doc: 'other', odt: 'other' };
const extensionOf = (name: string) => /\.([a-z]+)$/.exec(name)?.[1] ?? '';
const documents = readdirSync(fixturesDir)
  .filter((f) => extensionOf(f) in extensions && !f.endsWith('.expected.json'))
  .sort();

type Expected =
  | { format: string; content: Record<string, unknown>; warnings: Array<{ field: string; code: string }> }
  | { rejected: { code: string; reason: string } };

const load = (name: string) => readFileSync(new URL(name, fixturesDir));

/**
 * The document's own ground truth, or the one of the text fixture it was generated from. Shared
 * ground truth is adapted where the file type, not the reading, makes the difference: a rejection
 * names this file, and only a text file's bytes can earn an encoding warning.
 */
function expectedFor(name: string): Expected {
  const own = `${name}.expected.json`;
  if (existsSync(new URL(own, fixturesDir))) return JSON.parse(load(own).toString('utf8')) as Expected;
  const expected = JSON.parse(load(name.replace(/\.[a-z]+$/, '.expected.json')).toString('utf8')) as Expected;
  const source = name.replace(/\.[a-z]+$/, '.txt');
  if (name === source) return expected;
  if ('rejected' in expected) return { rejected: { ...expected.rejected, reason: expected.rejected.reason.replace(`„${source}“`, `„${name}“`) } };
  const encodingKept = extensionOf(name) === 'html';
  return { ...expected, warnings: expected.warnings.filter((w) => encodingKept || w.code !== 'encoding') };
}

/** Markdown spells emphasis *x* or _x_; a DOCX, PDF or HTML file has only emphasis, read as *x*. */
const oneEmphasis = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value).replace(/(^|[^\p{L}\p{N}_\\])_(?=\S)([^_"\\]+?)_(?![\p{L}\p{N}_])/gu, '$1*$2*'));

afterAll(stopConverter);

it('has at least 40 fixture documents in all formats, of both kinds and rejected ones', () => {
  expect(documents.length).toBeGreaterThanOrEqual(40);
  const counts: Record<string, number> = {};
  for (const name of documents) {
    const type = extensions[extensionOf(name)] ?? '?';
    counts[type] = (counts[type] ?? 0) + 1;
  }
  console.log('fixture documents per format:', counts);
  for (const type of ['text', 'docx', 'pdf', 'html']) expect(counts[type]).toBeGreaterThanOrEqual(10);
  const kinds = documents.map(expectedFor).map((e) => ('format' in e ? e.format : 'rejected'));
  expect(kinds).toContain('questionnaire');
  expect(kinds).toContain('factsheet');
  expect(kinds).toContain('rejected');
});

it('the encoded fixtures really have the bytes they are meant to test', () => {
  const cp1252 = load('sb-windows-1252.txt');
  expect(() => new TextDecoder('utf-8', { fatal: true }).decode(cp1252)).toThrow();
  expect(cp1252.includes(0xfc)).toBe(true); // ü in Windows-1252
  expect([...load('fb-utf8-bom.txt').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const crlf = load('fb-crlf.txt').toString('utf8');
  expect(crlf).toContain('\r\n');
  expect(crlf.replace(/\r\n/g, '')).not.toContain('\n');
  expect(load('sb-windows-1252.html').includes(0xfc)).toBe(true);
});

it('the generated fixtures are up to date (npx tsx scripts/generate-import-fixtures.ts)', async () => {
  const generated = await generateImportFixtures();
  const stale = [...generated].filter(([name, bytes]) => !existsSync(new URL(name, fixturesDir)) || Buffer.compare(load(name), Buffer.from(bytes)) !== 0).map(([name]) => name);
  expect(stale).toEqual([]);
  // Small enough to commit (the longest held-out documents make PDFs of about 21 KB).
  for (const [name, bytes] of generated) expect({ name, small: bytes.length < 32 * 1024 }).toEqual({ name, small: true });
});

describe.each(documents)('%s', (name) => {
  const expected = expectedFor(name);
  let outcome: ParseOutcome;
  beforeAll(async () => {
    outcome = await parseDocument(load(name), name);
  });

  if ('rejected' in expected) {
    it('is rejected with a German reason naming the file', () => {
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect({ code: outcome.code, reason: outcome.reason }).toEqual(expected.rejected);
      expect(outcome.reason).toContain(`„${name}“`);
    });
    return;
  }

  it('is read as its file type and parsed in the expected format', () => {
    if (!outcome.ok) throw new Error(outcome.reason);
    expect({ fileType: outcome.fileType, format: outcome.format }).toEqual({ fileType: extensions[extensionOf(name)], format: expected.format });
  });

  it('extracts the expected fields', () => {
    if (!outcome.ok) throw new Error(outcome.reason);
    const { taxonomy: _taxonomy, ...content } = outcome.content;
    expect(Object.keys(content).sort()).toEqual(Object.keys(expected.content).sort());
    const same = extensionOf(name) === 'txt' ? (v: unknown) => v : oneEmphasis;
    for (const [field, value] of Object.entries(expected.content)) expect({ field, value: same(content[field as keyof typeof content]) }).toEqual({ field, value: same(value) });
  });

  it('gives the expected warnings, each with a German message', () => {
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.warnings.map((w) => ({ field: w.field, code: w.code }))).toEqual(expected.warnings);
    for (const w of outcome.warnings) expect(w.message).toMatch(/\p{L}{3,}.*[.:]/u);
  });
});
