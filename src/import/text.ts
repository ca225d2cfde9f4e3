/*
 * Small text helpers shared by both document formats. Source documents are office files
 * converted to Markdown-ish text, so paragraphs are separated by blank lines, emphasis uses
 * ** and *, and hard line breaks appear as two trailing spaces.
 */

/** Collapses runs of spaces inside a line but keeps leading indentation (Markdown list nesting). */
export function collapseSpaces(line: string): string {
  const indent = /^ */.exec(line)?.[0] ?? '';
  return indent + line.slice(indent.length).replace(/[ \t]{2,}/g, ' ').trimEnd();
}

/** Splits text into paragraphs (blank-line separated), each with trimmed, space-collapsed lines. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((p) =>
      p
        .split('\n')
        .map(collapseSpaces)
        .filter((l) => l.trim() !== '')
        .join('\n')
        .trim(),
    )
    .filter((p) => p !== '');
}

const sentenceEnd = /[.!?:;…"“”»)\]]$/;
const startsLowercase = /^\p{Ll}/u;

/**
 * Rejoins paragraphs that a conversion broke mid-sentence: the first ends without sentence
 * punctuation and the next starts with a lowercase letter ("…sollen in den" / "beiden …").
 */
export function rejoinBrokenParagraphs(paragraphs: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paragraphs) {
    const prev = out[out.length - 1];
    if (prev !== undefined && !sentenceEnd.test(prev) && startsLowercase.test(p)) out[out.length - 1] = `${prev} ${p}`;
    else out.push(p);
  }
  return out;
}

/** Normalises free text (an answer, a description) to Markdown paragraphs joined by a blank line; null if empty. */
export function toLongText(text: string): string | null {
  const paragraphs = rejoinBrokenParagraphs(splitParagraphs(text));
  return paragraphs.length ? paragraphs.join('\n\n') : null;
}

/** Removes Markdown emphasis, links and autolinks, leaving the readable text. */
export function stripInlineMarkdown(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*\n]+?)\*(?![\p{L}\p{N}*])/gu, '$1$2')
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_\n]+?)_(?![\p{L}\p{N}_])/gu, '$1$2')
    .replace(/^#{1,6}\s+/gm, '');
}

const quotePairs: ReadonlyArray<readonly [string, string]> = [
  ['„', '“'],
  ['„', '”'],
  ['“', '”'],
  ['"', '"'],
  ['‚', '‘'],
  ['»', '«'],
  ['«', '»'],
];

/** Strips quotes that enclose the whole text (titles are often written as „Titel“). */
export function stripEnclosingQuotes(text: string): string {
  let t = text.trim();
  for (const [open, close] of quotePairs) {
    if (t.length > 2 && t.startsWith(open) && t.endsWith(close)) {
      t = t.slice(open.length, t.length - close.length).trim();
      break;
    }
  }
  return t;
}

/** One line of plain text: markdown removed, whitespace collapsed. */
export function plainLine(text: string): string {
  return stripInlineMarkdown(text).replace(/\s+/g, ' ').trim();
}

// Tokens after which a period does not end a sentence ("e. V.", "z. B.", "bzw.", "Abs.").
const abbreviations = new Set(
  'bzw ggf ggfs ca nr dr prof str usw vgl inkl evtl etc abs art mio mrd tsd jh bspw sog insb max min hr fr tel gem lt zzgl allg ff bzgl einschl mind od sr jr st rd lkr hrsg'.split(' '),
);

/**
 * Splits prose into sentences. A boundary is . ! ? followed by whitespace and a character
 * that is not a lowercase letter, unless the period belongs to an abbreviation, a single
 * letter ("e. V.") or a day/ordinal number ("1. Oktober").
 */
export function splitSentences(text: string): string[] {
  // A blank line always ends a sentence (a heading, a link line without final period), and so
  // does the start of a list item ("- Finanzierung: …" under a sentence without final period).
  const paragraphs = text.split(/\n\s*\n|\n(?=[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t])/);
  if (paragraphs.length > 1) return paragraphs.flatMap(splitSentences);
  const flat = text.replace(/\s*\n\s*/g, ' ');
  const sentences: string[] = [];
  let start = 0;
  const re = /[.!?…]+(?=\s+(\S))/g;
  for (let m = re.exec(flat); m; m = re.exec(flat)) {
    const next = m[1] ?? '';
    if (/\p{Ll}/u.test(next)) continue;
    if (m[0] === '.') {
      // Only the text just before the period matters; slicing from the sentence start would make
      // a long run of abbreviations and numbers quadratic.
      const word = /([\p{L}\p{N}]+)$/u.exec(flat.slice(Math.max(start, m.index - 64), m.index))?.[1] ?? '';
      const before = flat.slice(Math.max(start, m.index - word.length - 64), m.index - word.length).trimEnd();
      // "z. B.", "e. V.": a capital letter is an abbreviation only after another one ("SGB V." ends a sentence).
      const letterAbbreviation = word.length === 1 && (/\p{Ll}/u.test(word) || /(?:^|\s)\p{L}\.$/u.test(before));
      if (letterAbbreviation || abbreviations.has(word.toLowerCase()) || /^\d{1,2}$/.test(word)) continue;
    }
    const end = m.index + m[0].length;
    const sentence = flat.slice(start, end).trim();
    if (sentence) sentences.push(sentence);
    start = end;
  }
  const rest = flat.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

export function firstSentence(text: string | null): string | null {
  if (!text) return null;
  const first = splitSentences(plainLine(text.split(/\n\s*\n/)[0] ?? ''))[0];
  return first ?? null;
}

/** Cuts text to at most max characters at a word boundary, marking the cut with "…". */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Splits "A, B und C" into items, ignoring separators inside parentheses. */
export function splitTopLevelList(text: string, opts: { splitOnUnd?: boolean } = {}): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  const pushCurrent = () => {
    const t = current.trim();
    if (t) items.push(t);
    current = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch === '(' || ch === '[') depth++;
    if ((ch === ')' || ch === ']') && depth > 0) depth--;
    // "A · B · C": a middle dot separates items as a comma does.
    if (depth === 0 && (ch === ',' || ch === ';' || (ch === '·' && /\s/.test(text[i - 1] ?? '') && /\s/.test(text[i + 1] ?? '')))) {
      pushCurrent();
      continue;
    }
    if (depth === 0) {
      const rest = text.slice(i);
      const conj = /^\s+(und|sowie|oder)\s+/.exec(rest);
      // "und" inside a "für … und …" phrase belongs to a name ("Ministerium für Soziales und Integration").
      // Nor does the "und" of a gender pair ("Schülerinnen und Schüler").
      const pair = conj && /(\p{L}+)innen$/u.exec(current);
      const after = rest.slice(conj?.[0].length ?? 0);
      // Nor between numbers ("Klassen 3 und 4").
      // Nor after a word cut short ("Umwelt- und Gartenamt"), nor inside "der Städte Eschwege und Hessisch Lichtenau".
      const isPair =
        (pair !== null && pair !== undefined && after.startsWith(pair[1] ?? '\u0000')) ||
        (/\d$/.test(current) && /^\d/.test(after)) ||
        /\p{L}-$/u.test(current) ||
        // "Gesprächspartnerinnen und -partner": the second word cut short at its start.
        /^-\p{L}/u.test(after) ||
        (conj?.[1] === 'und' && /\b(?:der|den)\s+(?:Städte|Städten|Gemeinden|Kommunen|Landkreise|Landkreisen|Kreise|Kreisen|Ortsteile|Ortsteilen|Stadtteile|Stadtteilen)\s+\p{Lu}[\p{L}-]*$/u.test(current));
      if (conj && !isPair && (conj[1] !== 'und' || (opts.splitOnUnd !== false && !/\bfür\s+\S+$/.test(current) && !(/\bfür\s+(?:den|die|das|dem|der)\s+(?:\S+\s+){0,2}\S+$/.test(current) && /^(?:den|die|das|dem|der)\s/.test(after))))) {
        pushCurrent();
        i += conj[0].length - 1;
        continue;
      }
    }
    current += ch;
  }
  pushCurrent();
  return items;
}
