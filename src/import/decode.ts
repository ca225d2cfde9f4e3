import iconv from 'iconv-lite';
import { documentWarnings, rejectionReasons } from './messages.ts';
import type { ImportWarning, RejectedDocument } from './types.ts';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export type DecodeResult =
  | { ok: true; text: string; encoding: 'utf-8' | 'windows-1252' | 'utf-16'; warnings: ImportWarning[] }
  | { ok: false; code: RejectedDocument['code']; reason: string };

// Only the start is inspected for control characters: enough to recognise binary formats
// without scanning a large file.
const SAMPLE_BYTES = 64 * 1024;

/**
 * Bytes → normalised text. Checks run cheapest first, and the size check comes before any
 * decoding so that a huge upload costs nothing.
 */
export function decodeDocument(bytes: Uint8Array, sourceFile: string, maxBytes: number = DEFAULT_MAX_BYTES): DecodeResult {
  if (bytes.length > maxBytes) return { ok: false, code: 'too_large', reason: rejectionReasons.tooLarge(sourceFile, bytes.length, maxBytes) };
  if (bytes.length === 0) return { ok: false, code: 'empty', reason: rejectionReasons.empty(sourceFile) };

  const warnings: ImportWarning[] = [];
  let text: string;
  let encoding: 'utf-8' | 'windows-1252' | 'utf-16';
  const utf16 = utf16Encoding(bytes);
  if (utf16) {
    // UTF-16 text is full of NUL bytes, so it must be recognised by its BOM before the binary check.
    text = iconv.decode(bytes, utf16);
    encoding = 'utf-16';
  } else {
    if (looksBinary(bytes)) return { ok: false, code: 'binary', reason: rejectionReasons.binary(sourceFile) };
    try {
      // fatal: invalid UTF-8 throws instead of producing U+FFFD; the BOM is removed by default.
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      encoding = 'utf-8';
    } catch {
      // Older Word exports on Windows are Windows-1252 ("ANSI"); Latin-1 would get €, „ and “ wrong.
      text = iconv.decode(bytes, 'windows-1252');
      encoding = 'windows-1252';
      warnings.push({ field: 'document', code: 'encoding', message: documentWarnings.guessedEncoding(sourceFile) });
    }
  }
  const controls = (text.replace(/\u0085/g, '').match(controlCharacters) ?? []).length;
  text = normaliseText(text);
  if (text.trim() === '') return { ok: false, code: 'empty', reason: rejectionReasons.blank(sourceFile) };
  if (controls > 0) warnings.push({ field: 'document', code: 'encoding', message: documentWarnings.controlCharacters(sourceFile, controls) });
  return { ok: true, text, encoding, warnings };
}

function utf16Encoding(bytes: Uint8Array): 'utf16le' | 'utf16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf16be';
  return null;
}

/** NUL anywhere, or more than 5 % control characters (other than tab, line feed, form feed, carriage return) in the sample. */
export function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0) !== -1) return true;
  const n = Math.min(bytes.length, SAMPLE_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) control++;
  }
  return control / n > 0.05;
}

// C0 and C1 control characters other than tab, line feed, vertical tab, form feed and carriage return.
const controlCharacters = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;

/** Unifies line ends and invisible characters so the extractors see one form of text. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFC') // macOS writes umlauts decomposed (u + ¨)
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    // Word writes a manual line break as a vertical tab in some exports; Unicode has its own line separators.
    .replace(/[\v\u0085\u2028\u2029]/g, '\n')
    .replace(controlCharacters, '')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/[\u00AD\u200B\u200C\u200D\u2060\uFEFF]/g, '')
    .replace(/\f/g, '\n')
    .replace(/\t/g, (tab, offset: number, all: string) => tabAsCell(all, offset));
}

/**
 * A tab between two parts of a line separates the cells of a table row ("Träger<TAB>Stadt X"), as
 * converted tables are written ("| Träger | Stadt X |"); a line that starts with a tab under such a
 * row continues its value. Other tabs are spaces.
 */
function tabAsCell(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(start, offset);
  if (/\S/.test(before) && !before.includes('\t') && /^[^\t\n]*\S/.test(text.slice(offset + 1))) return ' | ';
  // Indentation at the start of a line says nothing.
  return /\S/.test(before) ? ' ' : '';
}
