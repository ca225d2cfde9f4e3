import { parse as parseCsv } from 'csv-parse/sync';
import { lookupLabel } from './fields.ts';

/*
 * Layouts that say "label and value" or "question and answer" in another notation than the
 * extractors read, rewritten into the notation they do read. Each rewrite moves markup or drops page
 * furniture (counters, footers, hints) only: the words of every value stay as written and every line
 * keeps its number, so evidence still points at them.
 *
 * - e-mail and Markdown quotes ("> 1. Wie …?"): the quote markers go;
 * - definition lists ("Träger" / ": Stadt X" / ": Marktplatz 1"): "Träger:" with the values on the lines below;
 * - key = value exports of databases and INI files ("titel = …", "[kontakt]", "; Kommentar"):
 *   "titel: …", a heading per section, comments blanked;
 * - tick boxes ("☐ Praxisbeispiel ☒ Beratungsangebot"): only what is ticked;
 * - dot leaders and wide gaps between label and value ("Projektträger ........ Stadt Bad Vilbel",
 *   "Träger          Stadt X" from a PDF's two columns): "Projektträger: Stadt Bad Vilbel";
 * - a CSV export (a header row of column names and one data row, read with csv-parse): one
 *   "Column: value" line per cell. This one changes the number of lines after it;
 * - the "F: …?" / "A: …" pairs of an FAQ page: the questions as headings, the answers below them;
 * - an online form's printout: "Label *" (required) above the value as "Label:", character counters dropped;
 * - page and slide numbers ("Folie 2 von 6") and the footer repeated on every page or slide, dropped;
 * - a filled-in template's hints in brackets before the values and Word's placeholder text, dropped;
 * - chat exports and transcripts with a time before each turn: the turns as an interview's;
 * - a header table with two label/value pairs per row ("| Kommune | X | Landkreis | Y |"): one
 *   "Label: value" line per pair. This one, too, changes the number of lines after it;
 * - a sheet that asks its fields ("Wie heißt das Projekt? X") and "Label – value" lines: "Label: value";
 * - a note on the form itself ("Dieses Formular wurde aus einer Word-Vorlage exportiert."), dropped.
 */

// Most documents have none of these layouts; a quick look at the whole text spares splitting it.
const anyMarker = /^(?:\p{Lu}[\p{L} /-]{1,40}? [–—] \S|Dieses\s+(?:Formular|Dokument)\s+wurde|\p{Lu}[^?\n]{2,60}\?[ \t]+\S|\|[^|\n]*\|[^|\n]*\|[^|\n]*\|[^|\n]*\||>|:[ \t]|F:|Q:|Folie\s|Seite\s|Slide\s|Page\s|\[\d{1,2}:\d{2}|\d{1,2}\.\d{1,2}\.\d{2,4},? \d{1,2}:\d{2})| \*$|Zeichen\)|:[ \t]*\[|Klicken oder tippen|[ \t]=[ \t]|[☐☒☑]|\[[ xX✓]\]|\.{4}|\S {3}/mu;
// A CSV header: three semicolons in one line.
const csvLine = /;[^;\n]*;[^;\n]*;/;

export function normaliseLayout(text: string): string {
  if (!anyMarker.test(text) && !csvLine.test(text)) return text;
  let lines = text.split('\n');
  lines = lines.map(unquote);
  lines = joinDefinitionLists(lines);
  lines = keyValueExport(lines);
  lines = lines.map(tickedOnly);
  lines = columnsOfLabels(lines);
  lines = pairedColumns(lines);
  lines = askedFields(lines);
  lines = dashedFields(lines);
  lines = csvRecord(lines);
  lines = faqPairs(lines);
  lines = formPrintout(lines);
  lines = withoutPageFurniture(lines);
  lines = withoutTemplateHints(lines);
  lines = speakerTurns(lines);
  return lines.join('\n');
}

// "22.09.25, 10:14 - Petra Lenz: …" (a chat export), "[04:41] HÜTTL: …" (a transcript): a time, the
// speaker, the words. Rewritten as an interview ("**Petra Lenz:** …"), which the questionnaire reader knows.
const timedTurn = /^[ \t]*(?:\[\d{1,2}:\d{2}(?::\d{2})?\]|\d{1,2}\.\d{1,2}\.\d{2,4},?[ \t]+\d{1,2}:\d{2}[ \t]*[-–])[ \t]*/u;
const speaker = /^([\p{L}][\p{L} .()-]{1,60}?):[ \t]+(\S.*)$/u;
const MIN_TURNS = 4;
function speakerTurns(lines: string[]): string[] {
  if (lines.filter((l) => timedTurn.test(l)).length < MIN_TURNS) return lines;
  return lines.map((line) => {
    if (!timedTurn.test(line)) return line;
    const rest = line.replace(timedTurn, '');
    const turn = speaker.exec(rest);
    return turn ? `**${turn[1]}:** ${turn[2]}` : rest;
  });
}

// "Titel: [Vollständiger Titel, ggf. mit Untertitel] Klimafreundlich feiern": a template's hint left
// before the value (not a Markdown link "[text](url)"), and Word's placeholder in a field nobody filled.
const templateHint = /(:[ \t]*)\[[^\]\n]{2,160}\](?!\()[ \t]*/g;
const WORD_PLACEHOLDER = String.raw`Klicken oder tippen Sie hier, um Text einzugeben\.?|Click or tap here to enter text\.?`;
const wordPlaceholder = new RegExp(WORD_PLACEHOLDER, 'g');
// Without the g flag: a global pattern's .test() would carry its position from one line to the next.
const hasWordPlaceholder = new RegExp(WORD_PLACEHOLDER);
function withoutTemplateHints(lines: string[]): string[] {
  const hints = lines.filter((l) => /:[ \t]*\[[^\]\n]{2,160}\](?!\()/.test(l)).length;
  if (hints < 2 && !lines.some((l) => hasWordPlaceholder.test(l))) return lines;
  // "Bitte füllen Sie die Felder aus. …": the template's instruction to whoever fills it in.
  return lines.map((line) => (/^[ \t]*Bitte\s+füllen\s+Sie\b/u.test(line) ? '' : (hints >= 2 ? line.replace(templateHint, '$1') : line).replace(wordPlaceholder, '').trimEnd()));
}

// "Dieses Formular wurde aus einer Word-Vorlage exportiert. Bitte Tabellenstruktur nicht verändern.": a note on the form itself.
const formNote = /^[ \t]*Dieses\s+(?:Formular|Dokument)\s+wurde\s+(?:automatisch\s+)?(?:aus|mit|von)\b[^.\n]{0,80}\b(?:exportiert|erstellt|erzeugt|generiert)\.(?:[ \t]+Bitte\b[^.\n]{0,80}\.)?[ \t]*$/u;

// "Folie 2 von 6", "Seite 3 von 12": where a page or slide begins.
const pageNumber = /^[ \t]*(?:Folie|Seite|Slide|Page)\s+\d+\s*(?:von|of|\/)\s*\d+[ \t]*$/iu;
// A line repeated on every page or slide ("Gemeinde Nauheim · Netzwerktreffen · 18.03.2025"); three times at least.
const MIN_REPEATS = 3;
function withoutPageFurniture(lines: string[]): string[] {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const key = line.trim();
    // Labels ("Antwort:") and list items repeat by nature.
    if (key.length >= 8 && key.length <= 120 && /\p{L}/u.test(key) && !/[:?]$/.test(key) && !/^(?:[-*•]|\d+[.)])\s/u.test(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const repeated = new Set([...counts].filter(([, n]) => n >= MIN_REPEATS).map(([key]) => key));
  return lines.map((line) => (pageNumber.test(line) || formNote.test(line) || repeated.has(line.trim()) ? '' : line));
}

// "Name der Kommune *" above its value: the required-field mark of an online form's printout.
const requiredLabel = /^[ \t]*(\p{L}[^:*\n]{1,80}?)[ \t]*\*[ \t]*$/u;
// "(412 von 1.500 Zeichen)": the form's character counter under an answer.
const counter = /^[ \t]*\(?\d[\d.]*\s+(?:von|\/)\s+\d[\d.]*\s+Zeichen\)?[ \t]*$/u;
function formPrintout(lines: string[]): string[] {
  const labels = lines.filter((l, i) => requiredLabel.test(l) && (lines[i + 1] ?? '').trim()).length;
  const counters = lines.filter((l) => counter.test(l)).length;
  if (labels < 2 && counters === 0) return lines;
  return lines.map((line, i) => {
    // The counter under an answer and the form's note on its required fields are no content.
    if (counter.test(line) || /^[ \t]*Pflichtfelder\b.*\*.*gekennzeichnet/u.test(line)) return '';
    // "Schritt 2 von 3 – Ansprechperson": the page of the form names the section that follows.
    const step = /^[ \t]*Schritt\s+\d+\s+von\s+\d+\s*[–—:-]\s*(\S.*)$/u.exec(line);
    if (step) return `## ${step[1]}`;
    const label = labels >= 2 ? requiredLabel.exec(line) : null;
    // A question keeps its question mark, a label gets a colon.
    return label && (lines[i + 1] ?? '').trim() ? (/\?$/.test(label[1] ?? '') ? (label[1] ?? '') : `${label[1]}:`) : line;
  });
}

// "F: Was kostet der Check?" / "A: Für Sie nichts.": the pairs of an FAQ page, read as question headings and answers.
const faqQuestion = /^[ \t]*(?:F|Q|Frage)[ \t]*:[ \t]*(\S.*\?)[ \t]*$/;
const faqAnswer = /^[ \t]*(?:A|Antwort)[ \t]*:[ \t]*/;
function faqPairs(lines: string[]): string[] {
  const pairs = lines.filter((l, i) => faqQuestion.test(l) && faqAnswer.test(lines[i + 1] ?? '')).length;
  if (pairs < 2) return lines;
  return lines.map((line, i) => {
    const question = faqQuestion.exec(line);
    if (question && faqAnswer.test(lines[i + 1] ?? '')) return question[1] ?? line;
    return faqQuestion.test(lines[i - 1] ?? '') ? line.replace(faqAnswer, '') : line;
  });
}

// "| Kommune | Gemeinde Fuldabrück | Landkreis | Landkreis Kassel |": a header table with two
// label/value pairs per row, rewritten as one "Label: value" line per pair (the separator row goes).
const tableRow = /^[ \t]*\|(.*)\|[ \t]*$/;
const separatorRow = /^[ \t]*\|(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*$/;
function pairsOfRow(line: string): string[] | null {
  const cells = tableRow.exec(line)?.[1]?.split('|').map((c) => c.trim());
  if (!cells || cells.length < 4 || cells.length % 2 !== 0) return null;
  const pairs: string[] = [];
  for (let i = 0; i < cells.length; i += 2) {
    const label = (cells[i] ?? '').replace(/\*\*|:$/g, '');
    if (!lookupLabel(label)) return null;
    if (cells[i + 1]) pairs.push(`${label}: ${cells[i + 1]}`);
  }
  return pairs;
}
function pairedColumns(lines: string[]): string[] {
  const rows = lines.map(pairsOfRow);
  if (rows.filter(Boolean).length < 2) return lines;
  return lines.flatMap((line, i) => {
    const pairs = rows[i];
    if (pairs) return pairs;
    // The separator row under a header of such pairs.
    if (separatorRow.test(line) && (rows[i - 1] || rows[i + 1])) return [];
    return [line];
  });
}

/**
 * Lines whose label and value are set apart by something other than a colon: when at least
 * MIN_COLUMN_LINES lines match `pattern` with a known label (group 1) and a value (group 2), each
 * becomes "Label: value" (`asLabel` gives the label as the field reader should see it).
 */
function knownLabelLines(lines: string[], pattern: RegExp, asLabel: (label: string) => string): string[] {
  const rewritten = lines.map((line) => {
    const m = pattern.exec(line);
    const label = m ? asLabel(m[1] ?? '') : '';
    return m && lookupLabel(label) ? `${label}: ${m[2]}` : null;
  });
  if (rewritten.filter(Boolean).length < MIN_COLUMN_LINES) return lines;
  return lines.map((line, i) => rewritten[i] ?? line);
}

// "Wie heißt das Projekt? Gießpaten für Stadtbäume": a sheet that asks its fields and is answered
// right after the question mark (the question mark stays: the labels of such sheets are questions).
const askedField = /^[ \t]*(\p{Lu}[^?\n:]{2,60})\?[ \t]+(\S.*)$/u;
const askedFields = (lines: string[]) => knownLabelLines(lines, askedField, (question) => `${question}?`);

// "Anbieter – Kreisausschuss des Landkreises …", "Wann – Juli 2024 bis Juni 2027": a dash between label and value.
const dashedField = /^[ \t]*(\p{Lu}[\p{L} /-]{1,40}?)[ \t]+[–—][ \t]+(\S.*)$/u;
const dashedFields = (lines: string[]) => knownLabelLines(lines, dashedField, (label) => label);

// "Projektname ........ Hitzetelefon", "Kurzbeschreibung ........" (the value on the lines below).
const dotLeader = /^[ \t]*(\p{L}[^.:\n]{0,60}?)[ \t]*\.{4,}[ \t]*(.*)$/u;
// "Träger            Stadt Bad Vilbel": a label, three or more spaces, the value.
const wideGap = /^[ \t]*(\p{L}[\p{L}\d()/&.-]*(?: [\p{L}\d()/&.-]+){0,4}) {3,}(\S.*)$/u;
// Several lines of it make the layout; a single dotted line or gap may be anything.
const MIN_COLUMN_LINES = 3;
// "1 Einleitung ..... 2": a table of contents, whose dots lead to a page number, not to a value.
const tocEntry = /^[ \t]*\S.*?\.{4,}[ \t]*\d{1,4}[ \t]*$/u;
function columnsOfLabels(lines: string[]): string[] {
  const dotted = lines.filter((l) => dotLeader.test(l) && !tocEntry.test(l)).length;
  const gapped = lines.filter((l) => wideGap.test(l)).length;
  if (dotted < MIN_COLUMN_LINES && gapped < MIN_COLUMN_LINES) return lines;
  const pattern = dotted >= gapped ? dotLeader : wideGap;
  return lines.map((line) => {
    const m = tocEntry.test(line) ? null : pattern.exec(line);
    return m ? `${(m[1] ?? '').trim()}:${m[2] ? ` ${m[2].trim()}` : ''}` : line;
  });
}

// A header row of column names: four or more short cells separated by semicolons, without sentences.
const csvHeader = /^[^;\n.!?]{1,40}(?:;[^;\n.!?]{1,40}){3,}$/u;
function csvRecord(lines: string[]): string[] {
  const at = lines.findIndex((l) => csvHeader.test(l.trim()));
  if (at < 0) return lines;
  const end = lines.findIndex((l, i) => i > at && !l.trim());
  const block = lines.slice(at, end < 0 ? undefined : end).join('\n');
  let records: string[][];
  try {
    records = parseCsv(block, { delimiter: ';', relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as string[][];
  } catch {
    return lines;
  }
  const [header, row, ...more] = records;
  // One record of as many cells as the header has names: anything else is no export of one project.
  if (!header || !row || more.length || row.length !== header.length) return lines;
  const fields = header.flatMap((name, i) => (row[i]?.trim() ? [`${name.trim()}: ${row[i]?.trim()}`] : []));
  return [...lines.slice(0, at), ...fields, ...(end < 0 ? [] : lines.slice(end))];
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
