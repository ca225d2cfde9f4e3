import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from './parse-document.ts';

/*
 * Table-driven test over test/fixtures/import: every <name>.txt has a <name>.expected.json with
 * either { format, content, warnings: [{ field, code }] } (all content fields but taxonomy) or
 * { rejected: { code, reason } }. The encoded fixtures are written by generate-encoded.ts.
 */
const fixturesDir = new URL('../../test/fixtures/import/', import.meta.url);
const documents = readdirSync(fixturesDir)
  .filter((f) => f.endsWith('.txt'))
  .sort();

type Expected =
  | { format: string; content: Record<string, unknown>; warnings: Array<{ field: string; code: string }> }
  | { rejected: { code: string; reason: string } };

const load = (name: string) => readFileSync(new URL(name, fixturesDir));
const expectedFor = (name: string): Expected => JSON.parse(load(name.replace(/\.txt$/, '.expected.json')).toString('utf8')) as Expected;

it('has at least 12 fixture documents of both formats', () => {
  expect(documents.length).toBeGreaterThanOrEqual(12);
  const formats = documents.map(expectedFor).map((e) => ('format' in e ? e.format : 'rejected'));
  expect(formats).toContain('questionnaire');
  expect(formats).toContain('factsheet');
});

it('the encoded fixtures really have the bytes they are meant to test', () => {
  const cp1252 = load('sb-windows-1252.txt');
  expect(() => new TextDecoder('utf-8', { fatal: true }).decode(cp1252)).toThrow();
  expect(cp1252.includes(0xfc)).toBe(true); // ü in Windows-1252
  expect([...load('fb-utf8-bom.txt').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const crlf = load('fb-crlf.txt').toString('utf8');
  expect(crlf).toContain('\r\n');
  expect(crlf.replace(/\r\n/g, '')).not.toContain('\n');
});

describe.each(documents)('%s', (name) => {
  const expected = expectedFor(name);
  const outcome = parseDocument(load(name), name);

  if ('rejected' in expected) {
    it('is rejected with a German reason naming the file', () => {
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect({ code: outcome.code, reason: outcome.reason }).toEqual(expected.rejected);
      expect(outcome.reason).toContain(`„${name}“`);
    });
    return;
  }

  it('is parsed in the expected format', () => {
    expect(outcome.ok && outcome.format).toBe(expected.format);
  });

  it('extracts the expected fields', () => {
    if (!outcome.ok) throw new Error(outcome.reason);
    const { taxonomy: _taxonomy, ...content } = outcome.content;
    expect(Object.keys(content).sort()).toEqual(Object.keys(expected.content).sort());
    for (const [field, value] of Object.entries(expected.content)) expect({ field, value: content[field as keyof typeof content] }).toEqual({ field, value });
  });

  it('gives the expected warnings, each with a German message', () => {
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.warnings.map((w) => ({ field: w.field, code: w.code }))).toEqual(expected.warnings);
    for (const w of outcome.warnings) expect(w.message).toMatch(/\p{L}{3,}.*[.:]/u);
  });
});
