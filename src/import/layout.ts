/*
 * Layouts that say "label and value" or "question and answer" in another notation than the
 * extractors read, rewritten into the notation they do read. Each rewrite only moves markup: the
 * words of every value stay as written and every line keeps its number, so evidence still points at them.
 *
 * - e-mail and Markdown quotes ("> 1. Wie …?"): the quote markers go;
 * - definition lists ("Träger" / ": Stadt X" / ": Marktplatz 1"): "Träger:" with the values on the lines below;
 * - key = value exports of databases and INI files ("titel = …", "[kontakt]", "; Kommentar"):
 *   "titel: …", a heading per section, comments blanked;
 * - tick boxes ("☐ Praxisbeispiel ☒ Beratungsangebot"): only what is ticked.
 */

// Most documents have none of these layouts; a quick look at the whole text spares splitting it.
const anyMarker = /^(?:>|:[ \t])|[ \t]=[ \t]|[☐☒☑]|\[[ xX✓]\]/mu;

export function normaliseLayout(text: string): string {
  if (!anyMarker.test(text)) return text;
  let lines = text.split('\n');
  lines = lines.map(unquote);
  lines = joinDefinitionLists(lines);
  lines = keyValueExport(lines);
  lines = lines.map(tickedOnly);
  return lines.join('\n');
}

// "> ", ">> ", "> > ": the quote levels of an e-mail reply.
const quoteMarker = /^(?:>[ \t]?)+/;
function unquote(line: string): string {
  return line.startsWith('>') ? line.replace(quoteMarker, '') : line;
}

// ": value" under a term (Markdown Extra / Pandoc definition lists).
const definition = /^:[ \t]+(\S.*)$/;
function joinDefinitionLists(lines: string[]): string[] {
  if (!lines.some((line) => definition.test(line))) return lines;
  const out = [...lines];
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i] ?? '';
    // A term is a short line of its own with no colon at its end.
    if (!definition.test(lines[i + 1] ?? '') || !/^\S.{0,80}$/.test(line) || /[:.]$/.test(line.trim()) || definition.test(line)) continue;
    out[i] = `${line.trim()}:`;
    for (let j = i + 1; j < lines.length && definition.test(lines[j] ?? ''); j++) out[j] = definition.exec(lines[j] ?? '')?.[1] ?? '';
  }
  return out;
}

const keyValue = /^[ \t]*([\p{L}][\p{L}\d_.-]{0,40}(?: [\p{L}\d_.-]{1,20}){0,2})[ \t]+=[ \t]+(\S.*)$/u;
const section = /^[ \t]*\[([\p{L}][\p{L}\d _.-]{0,40})\][ \t]*$/u;
const comment = /^[ \t]*;/;
// Several lines of it make an export; a single "a = b" in prose is left alone.
const MIN_KEY_VALUE_LINES = 4;
function keyValueExport(lines: string[]): string[] {
  let count = 0;
  for (const line of lines) if (keyValue.test(line) && ++count >= MIN_KEY_VALUE_LINES) break;
  if (count < MIN_KEY_VALUE_LINES) return lines;
  return lines.map((line) => {
    if (comment.test(line)) return '';
    const heading = section.exec(line);
    if (heading) return `## ${heading[1]}`;
    const pair = keyValue.exec(line);
    return pair ? `${pair[1]}: ${pair[2]}` : line;
  });
}

// ☐ ☒ ☑ ✓ and the typed forms "[ ]" "[x]".
const box = /(?:[☐☒☑]|\[[ xX✓]\])[ \t]*/gu;
const ticked = /^(?:[☒☑]|\[[xX✓]\])/u;
function tickedOnly(line: string): string {
  if (!/[☐☒☑]|\[[ xX]\]/u.test(line)) return line;
  const starts = [...line.matchAll(box)];
  if (starts.length < 2) return line.replace(box, (m) => (ticked.test(m) ? '' : m));
  const lead = line.slice(0, starts[0]?.index ?? 0);
  const options = starts.map((m, i) => ({ ticked: ticked.test(m[0]), text: line.slice((m.index ?? 0) + m[0].length, starts[i + 1]?.index ?? line.length).trim() }));
  const chosen = options.filter((o) => o.ticked && o.text).map((o) => o.text);
  return `${lead}${chosen.join(', ')}`.trimEnd();
}
