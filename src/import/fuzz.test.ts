import { readdirSync, readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { afterAll, expect, it } from 'vitest';
import { toBlocks } from '../../scripts/import-fixtures/blocks.ts';
import { writeDocx } from '../../scripts/import-fixtures/docx-writer.ts';
import { docxLyingSmall, docxManyEntries, docxRealBomb, docxZipBomb } from '../../scripts/import-fixtures/hostile.ts';
import { writeHtml } from '../../scripts/import-fixtures/html-writer.ts';
import { writePdf } from '../../scripts/import-fixtures/pdf-writer.ts';
import { stopConverter } from './formats/sandbox.ts';
import { parseDocument } from './parse-document.ts';
import type { ParseOutcome } from './types.ts';

/*
 * Fuzz test: 10 000 malformed documents from a seeded generator go through parseDocument.
 * Every one must come back (no exception, no hang: each within its time limit) either rejected
 * with a German reason naming the file or parsed, with German warnings. The expensive formats
 * (DOCX, PDF, HTML go through the converter worker) get a few hundred cases, plain text the rest.
 * The table printed at the end shows, per mutation, how many were rejected or parsed (and how many
 * of those without any warning: a mutation may leave a complete document) and the slowest time.
 * FUZZ_TOTAL=2000 runs a shorter round while working on the importer.
 */

const TOTAL = Number(process.env.FUZZ_TOTAL ?? 10_000);
const COUNTS = process.env.FUZZ_TOTAL ? { docx: 50, pdf: 30, html: 60 } : { docx: 250, pdf: 150, html: 300 };
const TIME_LIMIT_MS = 8_000;
// Text is read on the caller's thread, so its time is checked here (generously: the machine is shared).
const TEXT_BUDGET_MS = 3_000;

/** mulberry32: small, fast and good enough to pick mutations reproducibly. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = random(0x5eed2026);
const int = (n: number) => Math.floor(rnd() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;

const fixturesDir = new URL('../../test/fixtures/import/', import.meta.url);
const fixtureFiles = readdirSync(fixturesDir).sort();
const read = (name: string) => readFileSync(new URL(name, fixturesDir));
const utf8 = (b: Uint8Array) => new TextDecoder().decode(b);
const texts = [
  ...fixtureFiles.filter((f) => f.endsWith('.txt')).map((f) => iconv.decode(read(f), utf8(read(f)).includes('\uFFFD') ? 'windows-1252' : 'utf8')),
  ...readdirSync(new URL('../../data/demo/', import.meta.url)).map((f) => readFileSync(new URL(`../../data/demo/${f}`, import.meta.url), 'utf8')),
];
const binaries = (ext: string) => fixtureFiles.filter((f) => f.endsWith(ext)).map((f) => new Uint8Array(read(f)));
const docxFixtures = binaries('.docx').filter((b) => b.length > 1000);
const pdfFixtures = binaries('.pdf').filter((b) => b.length > 2000);
const htmlFixtures = binaries('.html');

const words = 'Projektträger Kurzbeschreibung Laufzeit Förderung Kreis Gießen Frage Antwort 1. 2) ** _ * § 20 SGB € 12.000 https://x.example www. | # > - „ “ e. V. bis 2024'.split(' ');
const someWords = (n: number) => Array.from({ length: n }, () => pick(words)).join(' ');

// ---- text mutations -------------------------------------------------------------------------

const textMutations: Array<[string, () => string | Uint8Array]> = [
  ['truncated', () => { const b = strToU8(pick(texts)); return b.subarray(0, int(b.length + 1)); }],
  ['shuffled lines', () => { const lines = pick(texts).split('\n'); for (let i = lines.length - 1; i > 0; i--) { const j = int(i + 1); [lines[i], lines[j]] = [lines[j] as string, lines[i] as string]; } return lines.join('\n'); }],
  ['random bytes', () => Uint8Array.from({ length: 1 + int(4096) }, () => int(256))],
  ['random printable', () => Array.from({ length: 1 + int(3000) }, () => String.fromCharCode(32 + int(95))).join('')],
  ['random unicode', () => Array.from({ length: 1 + int(2000) }, () => String.fromCodePoint(int(0x2fff) + 1)).join('')],
  ['byte flips', () => { const b = strToU8(pick(texts)); for (let k = int(20); k >= 0; k--) b[int(b.length)] = int(256); return b; }],
  ['huge line', () => `Projektträger: ${'Verein '.repeat(10_000 + int(10_000))}\nKurzbeschreibung: x`],
  ['long field value', () => `Projekttitel: Test\nKooperationspartner: ${Array.from({ length: 300 + int(2200) }, (_, i) => `Partner ${i} e. V.`).join(', ')}\nZielgruppe: ${someWords(2000 + int(2000))}`],
  ['huge line without spaces', () => `Kurzbeschreibung: ${'x'.repeat(40_000 + int(30_000))}`],
  ['nested quotes', () => `${'> '.repeat(10 + int(500))}Projektträger: Kreis\n${pick(texts)}`],
  ['nested lists', () => Array.from({ length: 5 + int(300) }, (_, i) => `${'  '.repeat(i)}- ${someWords(3)}`).join('\n') + `\n${pick(texts)}`],
  ['nested markers on one line', () => `${'- '.repeat(5 + int(3000))}**Projektzweck:** x\n${pick(texts)}`],
  ['repeated document', () => pick(texts).repeat(2 + int(20))],
  ['many labels', () => 'Projekttitel: Viele Felder\n' + Array.from({ length: 100 + int(800) }, () => `${pick(['Projektträger', 'Telefon', 'E-Mail', 'Ort', 'Laufzeit', 'Kontakt', 'Name'])}: ${someWords(3)}`).join('\n')],
  ['many links', () => `Projekttitel: Links\nKurzbeschreibung: ${Array.from({ length: 500 + int(3000) }, (_, i) => `[L${i}](https://x.example/${i}) <https://y.example/${i}> www.z${i}.example`).join(' ')}`],
  ['many questions', () => Array.from({ length: 20 + int(200) }, (_, i) => `${(i % 4) + 1}. Wer oder was hatte Ihnen geholfen? Entscheidung Herausforderung Voraussetzung?\n${someWords(20)}`).join('\n\n')],
  ['splice', () => { const a = pick(texts); const b = pick(texts); return a.slice(0, int(a.length)) + b.slice(int(b.length)); }],
  ['control characters', () => pick(texts).replace(/ /g, () => (rnd() < 0.05 ? String.fromCharCode(int(32)) : ' '))],
  ['line ends', () => pick(texts).replace(/\n/g, () => pick(['\r\n', '\r', '\n\n', '\u2028', '\f', '\v']))],
  ['utf-16', () => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(pick(texts), 'utf16le')]).subarray(0, 2 + int(4000))],
  ['windows-1252', () => iconv.encode(pick(texts), 'windows-1252')],
  ['markdown noise', () => pick(texts).replace(/\s/g, (s) => (rnd() < 0.1 ? pick(['**', '_', '*', '[', '](', ')', '|', '#', '`', '<', '>', '\\']) : s))],
  ['table soup', () => Array.from({ length: 20 + int(400) }, () => `|${Array.from({ length: 1 + int(30) }, () => ` ${someWords(2)} `).join('|')}|`).join('\n')],
  ['whitespace only', () => ' \t\n\r\u00a0\u200b'.repeat(int(500))],
  ['empty', () => ''],
  ['numbers and money', () => `Projekttitel: Zahlen\nFinanzierung: ${Array.from({ length: 100 + int(800) }, () => `${int(1e9)}.${int(1000)},${int(100)} € ${pick(['Euro', 'Mio.', 'Tsd.', 'EUR'])}`).join(' ')}\nProjektträger: X`],
  ['dates', () => `Projekttitel: Daten\nLaufzeit: ${Array.from({ length: 100 + int(1000) }, () => `${int(40)}.${int(15)}.${1900 + int(200)} – ${pick(['seit', 'bis', 'ab', 'von'])} ${int(13)}/${2000 + int(40)}`).join(' ')}\nProjekttitel: X`],
];

// ---- binary-format mutations ----------------------------------------------------------------

function flipBytes(bytes: Uint8Array, count: number): Uint8Array {
  const b = bytes.slice();
  for (let k = 0; k < count; k++) b[int(b.length)] = int(256);
  return b;
}
const mutatedText = () => pick(textMutations.slice(0, 2))[1]();
const asText = (v: string | Uint8Array) => (typeof v === 'string' ? v : utf8(v));

let realBomb: Uint8Array | null = null;
const docxMutations: Array<[string, () => Uint8Array | Promise<Uint8Array>]> = [
  ['truncated docx', () => { const b = pick(docxFixtures); return b.subarray(0, int(b.length)); }],
  ['flipped docx', () => flipBytes(pick(docxFixtures), 1 + int(30))],
  ['docx of mutated text', () => writeDocx(toBlocks(asText(mutatedText())))],
  ['docx of noisy text', () => writeDocx(toBlocks(asText(pick(textMutations.slice(17, 23))[1]())))],
  ['zip bomb (directory claims 4 GB)', () => docxZipBomb()],
  ['zip bomb (really inflates to 40 MB)', () => (realBomb ??= docxRealBomb(40))],
  ['zip with 3000 entries', () => docxManyEntries(3000)],
  ['zip that understates its size', () => docxLyingSmall()],
  ['zip without document', () => zipSync({ 'word/other.xml': strToU8('<x/>') })],
  ['garbage document.xml', () => zipSync({ 'word/document.xml': Uint8Array.from({ length: 1 + int(5000) }, () => int(256)) })],
  ['deeply nested tables', () => { const depth = 300 + int(3000); return zipSync({ 'word/document.xml': strToU8(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${'<w:tbl><w:tr><w:tc>'.repeat(depth)}<w:p><w:r><w:t>Projektzweck: x</w:t></w:r></w:p>${'</w:tc></w:tr></w:tbl>'.repeat(depth)}</w:body></w:document>`) }); }],
  ['unclosed xml', () => zipSync({ 'word/document.xml': strToU8(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Projektträger: ${someWords(50)}`) })],
];

const pdfMutations: Array<[string, () => Uint8Array | Promise<Uint8Array>]> = [
  ['truncated pdf', () => { const b = pick(pdfFixtures); return b.subarray(0, 5 + int(b.length - 5)); }],
  ['flipped pdf', () => flipBytes(pick(pdfFixtures), 1 + int(40))],
  ['pdf without text', () => writePdf(toBlocks(pick(texts)), { drawText: false })],
  ['pdf of mutated text', async () => writePdf(toBlocks(asText(mutatedText()).slice(0, 20_000)))],
  ['garbage after header', () => Uint8Array.from([...strToU8('%PDF-1.7\n'), ...Array.from({ length: int(8000) }, () => int(256))])],
  ['header only', () => strToU8(pick(['%PDF-', '%PDF-1.4\n%%EOF', '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF']))],
  ['self-referencing objects', () => strToU8('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [2 0 R] /Count 1000000 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF')],
];

const htmlMutations: Array<[string, () => string | Uint8Array]> = [
  ['truncated html', () => { const b = pick(htmlFixtures); return b.subarray(0, int(b.length)); }],
  ['unclosed tags', () => `<!DOCTYPE html><html><body>${Array.from({ length: 50 + int(500) }, () => pick(['<p>', '<div>', '<b>', '<i>', '<ul><li>', '<table><tr><td>', '<a href="x">', '<span>', '<h2>'])).join(someWords(2))}Projektträger: x`],
  ['deep nesting', () => `<!DOCTYPE html><html><body>${'<div>'.repeat(100 + int(20_000))}Projektzweck: x`],
  ['page of mutated text', () => writeHtml(asText(mutatedText()), 'Titel')],
  ['tag soup', () => `<html>${Array.from({ length: 200 + int(2000) }, () => pick(['<', '>', '</', '"', "'", '=', '<!--', '-->', '<![CDATA[', '&amp', '&#x', ';', 'script', 'style', ' '])).join('')}`],
  ['script only', () => `<!DOCTYPE html><html><head><script>${'var a = "<p>Projektträger: x</p>";'.repeat(int(2000))}</script></head><body></body></html>`],
  ['flipped html', () => flipBytes(pick(htmlFixtures), 1 + int(40))],
];

// ---- the run --------------------------------------------------------------------------------

type Case = { name: string; kind: string; mutation: string; make: () => string | Uint8Array | Promise<string | Uint8Array> };
const extensionsFor = { text: ['txt', 'md', 'TXT', 'dat'], docx: ['docx', 'zip', 'txt'], pdf: ['pdf', 'bin'], html: ['html', 'htm', 'txt'] };
function cases(): Case[] {
  const all: Case[] = [];
  const add = (kind: keyof typeof extensionsFor, mutation: string, make: Case['make']) => all.push({ name: `fuzz-${all.length}.${pick(extensionsFor[kind])}`, kind, mutation, make });
  for (let i = 0; i < COUNTS.docx; i++) add('docx', ...pick(docxMutations));
  for (let i = 0; i < COUNTS.pdf; i++) add('pdf', ...pick(pdfMutations));
  for (let i = 0; i < COUNTS.html; i++) add('html', ...pick(htmlMutations));
  while (all.length < TOTAL) add('text', ...pick(textMutations));
  return all;
}

afterAll(stopConverter);

it(`${TOTAL} malformed documents: no crash, no hang, each rejected with a German reason or parsed (warnings in German)`, async () => {
  const crashes: string[] = [];
  const slow: string[] = [];
  const badReasons: string[] = [];
  const stats = new Map<string, { rejected: number; parsed: number; withoutWarnings: number; maxMs: number; totalMs: number }>();
  const codes = new Map<string, number>();
  for (const c of cases()) {
    const raw = await c.make();
    const bytes = typeof raw === 'string' ? strToU8(raw) : raw;
    const started = performance.now();
    let outcome: ParseOutcome;
    try {
      outcome = await parseDocument(bytes, c.name, { timeLimitMs: TIME_LIMIT_MS });
    } catch (error) {
      crashes.push(`${c.name} (${c.mutation}): ${error instanceof Error ? error.stack : String(error)}`);
      continue;
    }
    const ms = performance.now() - started;
    if (ms > (c.kind === 'text' ? TEXT_BUDGET_MS : TIME_LIMIT_MS + 2_000)) slow.push(`${c.name} (${c.mutation}): ${Math.round(ms)} ms`);
    const s = stats.get(c.mutation) ?? { rejected: 0, parsed: 0, withoutWarnings: 0, maxMs: 0, totalMs: 0 };
    s.maxMs = Math.max(s.maxMs, Math.round(ms));
    s.totalMs += Math.round(ms);
    if (outcome.ok) {
      s.parsed++;
      if (outcome.warnings.length === 0) s.withoutWarnings++;
      for (const w of outcome.warnings) if (!/\p{L}{3,}/u.test(w.message)) badReasons.push(`${c.name}: warning ${JSON.stringify(w)}`);
    } else {
      s.rejected++;
      codes.set(outcome.code, (codes.get(outcome.code) ?? 0) + 1);
      // An extractor bug caught by parseDocument is a crash too, just a polite one.
      if (!outcome.reason.includes(`„${c.name}“`) || !/\b(?:wurde|konnte|ist|enthält|würde)\b/.test(outcome.reason) || outcome.reason.includes('interner Fehler'))
        badReasons.push(`${c.name} (${c.mutation}): ${outcome.reason}`);
    }
    stats.set(c.mutation, s);
  }
  const byKind = { text: TOTAL - COUNTS.docx - COUNTS.pdf - COUNTS.html, ...COUNTS };
  console.log(`fuzz: ${TOTAL} documents`, byKind, 'rejections by code', Object.fromEntries(codes));
  console.table(Object.fromEntries(stats));
  expect(crashes).toEqual([]);
  expect(slow).toEqual([]);
  expect(badReasons).toEqual([]);
}, 600_000);
