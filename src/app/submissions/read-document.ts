import { DEFAULT_MAX_BYTES } from '../../import/decode.ts';
import { parseDocument } from '../../import/parse-document.ts';
import type { ParseOutcome } from '../../import/types.ts';

/** Largest document the form accepts for pre-filling; the request body may be a little larger. */
export const MAX_DOCUMENT_BYTES = DEFAULT_MAX_BYTES;

/**
 * An uploaded questionnaire or fact sheet → content to pre-fill the form, or the importer's German
 * reason for refusing it. Nothing is stored here; the submitter checks the result first.
 */
export function readSubmittedDocument(bytes: Uint8Array, fileName: string): Promise<ParseOutcome> {
  // Only the base name: browsers may send a path, and it ends up in messages.
  const name = fileName.split(/[\\/]/).pop()?.slice(0, 200) || 'Dokument';
  return parseDocument(bytes, name, { maxBytes: MAX_DOCUMENT_BYTES });
}
