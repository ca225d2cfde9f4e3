import { DEFAULT_MAX_BYTES, normaliseText } from './decode.ts';
import { unpackDocx } from './formats/docx.ts';
import { declaredCharset, looksLikeHtml } from './formats/html.ts';
import { convertIsolated, type ConvertOutcome } from './formats/sandbox.ts';
import { readText } from './formats/text.ts';
import { documentWarnings, rejectionReasons, type DocumentKind } from './messages.ts';
import type { FileType, ImportWarning, RejectedDocument } from './types.ts';

/*
 * Any supported file → the one Markdown-ish text the extractors read. The kind of file is
 * recognised by its bytes (ZIP with word/document.xml, %PDF-, HTML markup), not by its name;
 * the name only sharpens the message when the bytes do not fit it.
 */

export interface ReadOptions {
  maxBytes?: number;
  /** Time for one DOCX, PDF or HTML conversion. Default 20 s. */
  timeLimitMs?: number;
  /** PDF pages read at most; the rest is skipped with a warning. Default 300. */
  maxPages?: number;
}

export type ReadResult =
  | { ok: true; fileType: FileType; text: string; warnings: ImportWarning[] }
  | { ok: false; code: RejectedDocument['code']; reason: string };

export const DEFAULT_TIME_LIMIT_MS = 20_000;
const DEFAULT_MAX_PAGES = 300;

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** "%PDF-" within the first KB: the PDF specification lets readers accept leading bytes. */
function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).includes('%PDF-');
}

const nameSays = (file: string): DocumentKind | null => {
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  return ext === 'docx' ? 'docx' : ext === 'pdf' ? 'pdf' : null;
};

export async function readDocument(bytes: Uint8Array, sourceFile: string, options: ReadOptions = {}): Promise<ReadResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeLimitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  if (bytes.length > maxBytes) return { ok: false, code: 'too_large', reason: rejectionReasons.tooLarge(sourceFile, bytes.length, maxBytes) };

  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) {
    const docx = unpackDocx(bytes, sourceFile);
    if (!docx.ok) return docx;
    return converted(await convertIsolated({ kind: 'docx', parts: docx.parts }, timeLimitMs), 'docx', sourceFile, timeLimitMs);
  }
  if (isPdf(bytes)) {
    const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
    // A compact copy: posting a view would clone its whole underlying buffer.
    return converted(await convertIsolated({ kind: 'pdf', bytes: bytes.slice(), maxPages }, timeLimitMs), 'pdf', sourceFile, timeLimitMs);
  }
  if (startsWith(bytes, OLE)) return { ok: false, code: 'unsupported', reason: rejectionReasons.legacyWord(sourceFile) };
  const claimed = nameSays(sourceFile);
  if (claimed && bytes.length > 0) return { ok: false, code: 'damaged', reason: rejectionReasons.misnamed(sourceFile, claimed) };

  const decoded = readText(bytes, sourceFile, maxBytes);
  if (!decoded.ok) return decoded;
  if (!looksLikeHtml(decoded.text) && !(/\.x?html?$/i.test(sourceFile) && /<\/?(?:p|div|h[1-6]|table|ul|ol|br)\b/i.test(decoded.text)))
    return { ok: true, fileType: 'text', text: decoded.text, warnings: decoded.warnings };

  // A page that names its single-byte charset was not guessed, so it needs no encoding warning.
  const latin = /^(?:windows-1252|iso-8859-1|iso-8859-15|latin1|us-ascii)$/.test(declaredCharset(decoded.text) ?? '');
  const warnings = decoded.warnings.filter((w) => !(latin && w.code === 'encoding'));
  const result = converted(await convertIsolated({ kind: 'html', html: decoded.text, page: true }, timeLimitMs), 'html', sourceFile, timeLimitMs);
  return result.ok ? { ...result, warnings: [...warnings, ...result.warnings] } : result;
}

function converted(outcome: ConvertOutcome, kind: DocumentKind, sourceFile: string, timeLimitMs: number): ReadResult {
  if (!outcome.ok) {
    const reject = (code: RejectedDocument['code'], reason: string): ReadResult => ({ ok: false, code, reason });
    switch (outcome.problem) {
      case 'encrypted':
        return reject('unsupported', rejectionReasons.encrypted(sourceFile));
      case 'timeout':
        return reject('too_complex', rejectionReasons.timeout(sourceFile, timeLimitMs));
      case 'too_deep':
      case 'crashed':
        return reject('too_complex', rejectionReasons.tooComplex(sourceFile));
      default:
        return reject('damaged', rejectionReasons.damaged(sourceFile, kind));
    }
  }
  const text = normaliseText(outcome.text);
  if (text.trim() === '') {
    if (kind === 'pdf') return { ok: false, code: 'no_text', reason: rejectionReasons.noText(sourceFile) };
    return { ok: false, code: 'empty', reason: rejectionReasons.blank(sourceFile) };
  }
  const warnings: ImportWarning[] = [];
  if (outcome.pages !== undefined && outcome.pagesRead !== undefined && outcome.pagesRead < outcome.pages)
    warnings.push({ field: 'document', code: 'truncated', message: documentWarnings.pagesSkipped(sourceFile, outcome.pagesRead, outcome.pages) });
  return { ok: true, fileType: kind, text, warnings };
}
