import { createHash } from 'node:crypto';
import { ContributionContentSchema } from '../domain/contribution.ts';
import { toFieldErrors } from '../domain/messages.ts';
import type { ExtractResult } from './common.ts';
import { DEFAULT_MAX_BYTES } from './decode.ts';
import { detectFormat } from './detect.ts';
import { collectEvidence } from './evidence.ts';
import { parseFactSheet } from './factsheet.ts';
import { normaliseLayout } from './layout.ts';
import { checkTextLimits } from './limits.ts';
import { fieldLabels, rejectionReasons } from './messages.ts';
import { looksLikeProjectProse } from './prose.ts';
import { parseQuestionnaire } from './questionnaire.ts';
import { readDocument, type ReadOptions } from './read-document.ts';
import type { ImportWarning, ParseOutcome } from './types.ts';

export interface ParseOptions extends ReadOptions {
  /** Larger files are rejected before reading. Default 5 MB. */
  maxBytes?: number;
}

/**
 * Source document bytes (text, Markdown, DOCX, PDF or HTML) → a draft contribution or a German
 * rejection. No I/O besides hashing and the converter worker; never throws for bad input.
 */
export async function parseDocument(bytes: Uint8Array, sourceFile: string, options: ParseOptions = {}): Promise<ParseOutcome> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  // Oversized input is refused without even hashing it.
  const contentHash = bytes.length > maxBytes ? null : contentHashOf(bytes);
  const reject = (code: Exclude<ParseOutcome, { ok: true }>['code'], reason: string): ParseOutcome => ({ ok: false, sourceFile, contentHash, code, reason });

  const read = await readDocument(bytes, sourceFile, { ...options, maxBytes });
  if (!read.ok) return reject(read.code, read.reason);
  const limits = checkTextLimits(read.text, sourceFile);
  if (!limits.ok) return reject('too_complex', limits.reason);

  const text = normaliseLayout(read.text);
  let format: ReturnType<typeof detectFormat>;
  let extracted: ExtractResult;
  try {
    format = detectFormat(text);
    // Neither structure, but the running text of a project description (a letter, a mail, a web page): read as prose.
    const prose = !format && looksLikeProjectProse(text);
    if (prose) format = 'factsheet';
    if (!format) return reject('unrecognised', rejectionReasons.unrecognised(sourceFile));
    extracted = format === 'questionnaire' ? parseQuestionnaire(text, sourceFile) : parseFactSheet(text, sourceFile, { prose });
  } catch (error) {
    // A bug in an extractor must not abort a batch import; report it as this file's problem.
    const detail = error instanceof Error ? error.message : String(error);
    return reject('invalid', rejectionReasons.invalid(sourceFile, `interner Fehler beim Auslesen (${detail}).`));
  }
  if (!extracted.ok) return reject('invalid', extracted.reason);

  // A value the extractor got wrong (a period that ends before it starts, a text over its limit) costs
  // that field, not the document: the field is left empty with a warning, and only a document that is
  // still invalid without it (no usable title) is rejected.
  const droppedWarnings: ImportWarning[] = [];
  let parsed = ContributionContentSchema.safeParse(extracted.content);
  if (!parsed.success) {
    const errors = toFieldErrors(parsed.error).map((e) => ({ ...e, field: e.path.split('.')[0] ?? '' }));
    const fields = [...new Set(errors.map((e) => e.field))].filter((f) => f && f !== 'title');
    const content: Record<string, unknown> = { ...extracted.content };
    for (const field of fields) {
      delete content[field];
      const reason = errors.filter((e) => e.field === field).map((e) => e.message).join(' ');
      droppedWarnings.push({ field, code: 'ambiguous', message: `${fieldLabels[field] ?? field}: der ausgelesene Wert war ungültig (${reason}) und wurde nicht übernommen. Bitte aus dem Dokument ergänzen.` });
    }
    parsed = ContributionContentSchema.safeParse(content);
  }
  if (!parsed.success) {
    const details = toFieldErrors(parsed.error)
      .map((e) => `${fieldLabels[e.path] ?? fieldLabels[e.path.split('.')[0] ?? ''] ?? e.path}: ${e.message}`)
      .join(' ');
    return reject('invalid', rejectionReasons.invalid(sourceFile, details));
  }
  return {
    ok: true,
    sourceFile,
    contentHash: contentHash ?? '',
    format,
    fileType: read.fileType,
    content: parsed.data,
    warnings: [...read.warnings, ...extracted.warnings, ...droppedWarnings],
    evidence: collectEvidence(text, parsed.data),
  };
}

/** sha256 (hex) of a document's bytes: the identity that makes imports idempotent. */
export function contentHashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
