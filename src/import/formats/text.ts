import { decodeDocument, type DecodeResult } from '../decode.ts';

/*
 * Plain text and Markdown: the decoding (UTF-8 with or without BOM, UTF-16 with BOM,
 * Windows-1252 as fallback with a warning) is decode.ts, which HTML pages share.
 */
export function readText(bytes: Uint8Array, sourceFile: string, maxBytes: number): DecodeResult {
  return decodeDocument(bytes, sourceFile, maxBytes);
}
