import { rejectionReasons } from './messages.ts';

/*
 * Limits on the intermediate text, whatever format it came from. Real documents stay far
 * below them; hostile ones (one endless line, lists nested thousands deep) would otherwise
 * make the extractors' line-by-line work slow.
 */
export const TEXT_LIMITS = {
  /** An answer may have 20 000 characters; a longer single line is no paragraph of a form. */
  maxLineChars: 50_000,
  /** Characters of text after conversion (a 5 MB DOCX can hold much more than a 5 MB text file). */
  maxTextChars: 2_000_000,
  /** Quote and list markers at the start of one line ("> > - 1. …"). */
  maxNesting: 20,
};

export type LimitCheck = { ok: true } | { ok: false; reason: string };

// One nesting level: a quote marker or a list marker. Indentation alone is harmless (centred titles).
const nestingPrefix = /^(?:[ \t]*(?:>|[-*+•]|\d{1,9}[.)])(?=[ \t>]|$)[ \t]?)+/;

export function checkTextLimits(text: string, sourceFile: string): LimitCheck {
  if (text.length > TEXT_LIMITS.maxTextChars) return { ok: false, reason: rejectionReasons.textTooLong(sourceFile, TEXT_LIMITS.maxTextChars) };
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end - start > TEXT_LIMITS.maxLineChars) return { ok: false, reason: rejectionReasons.lineTooLong(sourceFile, TEXT_LIMITS.maxLineChars) };
    if (nestingOf(text.slice(start, Math.min(end, start + 2000))) > TEXT_LIMITS.maxNesting)
      return { ok: false, reason: rejectionReasons.tooDeep(sourceFile, TEXT_LIMITS.maxNesting) };
    start = end + 1;
  }
  return { ok: true };
}

function nestingOf(line: string): number {
  const prefix = nestingPrefix.exec(line)?.[0] ?? '';
  return (prefix.match(/>|[-*+•]|\d{1,9}[.)]/g) ?? []).length;
}
