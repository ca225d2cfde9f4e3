import { readdirSync, readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { toBlocks } from './blocks.ts';
import { writeDocx } from './docx-writer.ts';
import { docxZipBomb } from './hostile.ts';
import { writeHtml } from './html-writer.ts';
import { writePdf } from './pdf-writer.ts';

/* The importer's generated fixtures, by file name (see scripts/generate-import-fixtures.ts). */

export const fixturesDir = new URL('../../test/fixtures/import/', import.meta.url);
const dir = fixturesDir;

/** A text fixture's content, whatever its encoding (the encoded fixtures are written by generate-encoded.ts). */
function sourceText(bytes: Buffer): { text: string; cp1252: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/\r\n/g, '\n'), cp1252: false };
  } catch {
    return { text: iconv.decode(bytes, 'windows-1252'), cp1252: true };
  }
}

const title = (text: string) => text.split('\n').find((l) => l.trim())?.replace(/[#*„“"]/g, '').trim() ?? 'Dokument';

export async function generateImportFixtures(): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  // The fixtures themselves and the held-out sets in heldout-*/ (measured separately by quality.test.ts).
  const folders = ['', ...readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && e.name.startsWith('heldout-')).map((e) => `${e.name}/`).sort()];
  const sources = folders.flatMap((folder) =>
    readdirSync(new URL(folder || './', dir))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => `${folder}${f}`),
  );
  for (const file of sources) {
    const name = file.replace(/\.txt$/, '');
    const { text, cp1252 } = sourceText(readFileSync(new URL(file, dir)));
    const blocks = toBlocks(text);
    files.set(`${name}.docx`, writeDocx(blocks));
    files.set(`${name}.pdf`, await writePdf(blocks));
    // The Windows-1252 text becomes a Windows-1252 page without charset declaration: the reader must detect it.
    const html = writeHtml(text, title(text), cp1252 ? { declareCharset: false } : {});
    files.set(`${name}.html`, cp1252 ? iconv.encode(html, 'windows-1252') : strToU8(html));
  }

  // Special cases, each with its own hand-written ground truth.
  const factSheet = sourceText(readFileSync(new URL('sb-windows-1252.txt', dir))).text;
  // Pages that declare ISO-8859-1 are Windows-1252 in practice (browsers read them so), with „“ and –.
  files.set('sb-latin1-deklariert.html', iconv.encode(writeHtml(factSheet, title(factSheet), { charset: 'iso-8859-1' }), 'windows-1252'));
  files.set('pdf-ohne-text.pdf', await writePdf(toBlocks(factSheet), { drawText: false }));
  files.set('docx-zip-bombe.docx', docxZipBomb());
  const mtime = new Date('2024-01-01T00:00:00Z');
  files.set('zip-ohne-word.docx', zipSync({ 'bericht.txt': strToU8(factSheet) }, { mtime }));
  files.set('opendocument.odt', zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8('<office:document-content/>') }, { level: 0, mtime }));
  // The start of an old Word file (OLE compound document) is enough to recognise it.
  files.set('altes-word.doc', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]));
  return files;
}

