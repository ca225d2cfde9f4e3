import { splitSentences, splitTopLevelList, stripInlineMarkdown } from '../text.ts';
import { findPlaces } from './places.ts';

/*
 * Target groups only where the text names them explicitly: a "Zielgruppe(n):" field, or a
 * sentence that starts with "Zielgruppe(n) ist/sind …" / "Die Zielgruppe des Projekts sind …".
 * "Angebote für die Zielgruppe sind freiwillig" does not name one and is ignored.
 */
const sentenceCue = /^(?:Die\s+|Unsere\s+|Als\s+)?Zielgruppen?(?:\s+(?:des|dieses|unseres)\s+(?:Projekts|Projektes|Angebots|Angebotes))?\s*(?:sind|ist|:)\s+(.+)$/u;

function toGroups(items: string[]): string[] {
  const out: string[] = [];
  for (const item of items) {
    // "Alle Bewohnerinnen …, besonders Familien …": quantifiers and emphasis are no part of a group, nor
// the preposition repeated in "richtet sich an X sowie an Y".
    const t = stripInlineMarkdown(item).replace(/^[-*•]\s+/, '').replace(/^(?:(?:alle|sämtliche|besonders|insbesondere|vor allem|speziell|v\.\s?a\.|an|für)\s+)+(?=\p{L})/iu, '').replace(/[;:,]+$/, '').replace(/(?<!(?:^|\s)\p{L}|\b(?:Str|Nr|gGmbH|Co|mbH))\.+$/u, '').trim();
    if (t && t.length <= 200 && !out.includes(t)) out.push(t);
  }
  return out.slice(0, 30);
}

export function parseTargetGroupsField(value: string): string[] {
  // The first paragraph is the list; what follows in a flyer ("Mach mit! …") is another section.
  const lines = (value.trim().split(/\n\s*\n/)[0] ?? '')
    .split('\n')
    // "Weitere: Fördervereine …" under the ticked boxes of a form: more of the same list.
    .map((l) => l.trim().replace(/^(?:Weitere|Sonstige|Andere)\s*:\s*/i, ''))
    .filter(Boolean);
  const line = lines[0] ?? '';
  // Several lines of which one is a comma list (the ticked boxes of a form): each line's items.
  if (lines.length > 1 && lines.some((l) => l.includes(',') && !addressedCue.test(l))) return toGroups(lines.flatMap((l) => splitTopLevelList(l)));
  // "Geflüchtete und Zugewanderte; ehrenamtliche Gesprächspartnerinnen und -partner": with semicolons
  // between the groups, an "und" belongs to a group.
  if (lines.length === 1 && line.includes(';')) return toGroups(line.replace(/[.]$/, '').split(/\s*;\s*/));
  // "Das Angebot richtet sich an Kommunen im Lahn-Dill-Kreis, …": a sentence in the field is read as prose.
  if (lines.length === 1 && addressedCue.test(line)) return findTargetGroupsInProse(line);
  // "Haushalte mit Bezug von Bürgergeld, Wohngeld oder Kinderzuschlag": a list ending in "oder"
  // after a qualifying phrase names alternatives within one group, not several groups.
  if (lines.length === 1 && /^\p{Lu}\p{L}*\s+(?:mit|ohne|aus|von|in|im|für)\s[^,]*,[^,]*\soder\s[^,]+$/u.test(line.replace(/[.]$/, ''))) return toGroups([line]);
  return toGroups(lines.length > 1 ? lines : splitTopLevelList(line));
}

// "Das Angebot richtet sich an Langzeitarbeitslose über 50 Jahre in Offenbach am Main."
const addressedCue = /\b(?:richtet|richten|wendet|wenden)\s+sich\s+(?:(?:vor\s+allem|insbesondere|besonders|speziell|gezielt|ausdrücklich)\s+)?an\s+(.+)$/u;

/** "… in Offenbach am Main und im Kreis Offenbach" after a group is where, not who. */
function withoutPlaces(text: string): string {
  const m = /\s+(?:in|im|aus\s+(?:dem|der))\s+(?=\S)/u.exec(text);
  if (!m) return text;
  const rest = text.slice(m.index + m[0].length);
  return findPlaces(rest).length && /^(?:der\s+|dem\s+|den\s+)?\p{Lu}/u.test(rest) ? text.slice(0, m.index) : text;
}

/** "… im Landkreis Gießen, vor allem an kleinere Gemeinden": the places dropped from each item of the list. */
function groupsOf(list: string): string[] {
  return splitTopLevelList(list)
    .map((item) => withoutPlaces(item))
    .filter((item) => !(findPlaces(item).length && /^(?:im|in|aus)\s/u.test(item.trim())));
}

export function findTargetGroupsInProse(text: string): string[] {
  for (const sentence of splitSentences(text)) {
    const m = sentenceCue.exec(sentence);
    if (m) return toGroups(splitTopLevelList((m[1] ?? '').replace(/[.!]$/, '')));
  }
  for (const sentence of splitSentences(text)) {
    const m = addressedCue.exec(sentence);
    if (m) return toGroups(groupsOf((m[1] ?? '').replace(/[.!]$/, '')));
  }
  return [];
}
