import { earliestDay, isValidPartialDate, latestDay } from '../../domain/partial-date.ts';

export interface ExtractedPeriod {
  start: string | null;
  end: string | null;
  /** The wording of the source. */
  text: string;
}

const monthNumbers: Record<string, number> = {
  jan: 1, feb: 2, mär: 3, mar: 3, apr: 4, mai: 5, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, okt: 10, oct: 10, nov: 11, dez: 12, dec: 12,
};

const DAY = String.raw`\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})(?!\d)`;
// English names too (sheets of EU projects): "May 2019", "October 2023".
const MONTH_WORD = String.raw`(?:Januar|January|Jan|Februar|February|Feb|März|March|Mär|Mar|April|Apr|Mai|May|Juni|June|Jun|Juli|July|Jul|August|Aug|September|Sept|Sep|Oktober|October|Okt|Oct|November|Nov|Dezember|December|Dez|Dec)`;
const MONTH_NAME = String.raw`${MONTH_WORD}\.?\s+\d{4}`;
// "Mai bis Oktober 2025", "März – Juni 2024": two months that share the year written after the second.
const sharedYear = new RegExp(String.raw`(?<![\p{L}\d.])(${MONTH_WORD})\.?\s*(?:bis|–|-)\s*(${MONTH_WORD})\.?\s+(\d{4})(?!\d)`, 'gu');
// Seasons and "Anfang/Mitte/Ende" give year precision only: "Sommer 2019" → "2019".
const SEASON = String.raw`(?:Frühjahr|Frühling|Sommer|Herbst|Winter|Anfang|Mitte|Ende|Jahresbeginn|Jahresende)\s+\d{4}`;
const MONTH_NUM = String.raw`\d{1,2}\s?[/.]\s?\d{4}`;
const YEAR = String.raw`(?:19|20)\d{2}`;
// "1. Januar 2023": a day with the month's name.
const DAY_MONTH_NAME = String.raw`\d{1,2}\.\s?${MONTH_NAME}`;
// Quarters and half-years ("Q3/2022", "3. Quartal 2022", "2. Halbjahr 2023", "2. HJ 2023"): month
// precision, the first month when the period starts there, the last when it ends there.
const QUARTER = String.raw`(?:Q\s?[1-4]\s?[/.\s]\s?|(?:[1-4]|I{1,3}|IV)\.\s?(?:Quartal|Qu\.)\s+|(?:[12]|I{1,2})\.\s?(?:Halbjahr|HJ)\s+)(?:\d{4}|'?\d{2}(?!\d))`;
// "Schuljahr 2024/25": the Hessian school year runs from August to July.
const SCHOOL_YEAR = String.raw`Schuljahr(?:es)?\s+\d{4}\s?\/\s?(?:\d{4}|\d{2})`;
// "KW 14/2024": a calendar week, read as the month its Thursday falls in (ISO 8601 weeks).
const WEEK = String.raw`KW\s?\d{1,2}\s?[/.\s]\s?\d{4}`;
const DATE = String.raw`(?<![\d.])(?:${SCHOOL_YEAR}|${QUARTER}|${WEEK}|${DAY}|${DAY_MONTH_NAME}|${MONTH_NAME}|${SEASON}|${MONTH_NUM}|${YEAR})(?![\d])`;
// Most texts name no quarter or school year; their patterns leave those forms out, which is faster.
const BASIC_DATE = String.raw`(?<![\d.])(?:${DAY}|${DAY_MONTH_NAME}|${MONTH_NAME}|${SEASON}|${MONTH_NUM}|${YEAR})(?![\d])`;
const rareForms = /Quartal|Qu\.|Q\s?[1-4]|Halbjahr|HJ|Schuljahr|KW\s?\d/;

function patternsFor(date: string) {
  return {
    range: new RegExp(String.raw`(?:(?:vom|von|ab)\s+)?(${date})\s*(?:–|—|-|bis\s+(?:zum\s+|einschließlich\s+|voraussichtlich\s+|vsl\.\s+|ca\.\s+|mindestens\s+)?)\s*(${date})`, 'giu'),
    start: new RegExp(String.raw`(?:seit|ab|beginnend|Beginn|Start|Projektstart|gestartet|startete|startet|begann|beginnt)(?:\s*:|\s+(?:dem|im|am|ab|in))?\s+(${date})`, 'giu'),
    // "hat der Kreis im Herbst 2022 … ein Pfandsystem eingeführt": a date in the sentence of a verb that starts something.
    started: new RegExp(
      String.raw`\b(?:[Ii]m|[Ii]n)\s+(${date})(?=[^.!?]{0,160}\b(?:eingeführt|gestartet|eröffnet|gegründet|ins\s+Leben\s+gerufen|in\s+Betrieb\s+genommen|begonnen|eingerichtet|initiiert|angelaufen|aufgenommen|angefangen)\b)`,
      'gu',
    ),
    end: new RegExp(String.raw`\bbis\s+(?:zum\s+|mindestens\s+|voraussichtlich\s+)?(?:Ende\s+)?(${date})`, 'giu'),
    single: new RegExp(date, 'u'),
    all: new RegExp(date, 'gu'),
  };
}
const extendedPatterns = patternsFor(DATE);
const basicPatterns = patternsFor(BASIC_DATE);
const patternsOf = (text: string) => (rareForms.test(text) ? extendedPatterns : basicPatterns);
const deadline = /\b(?:melden|anmelden|bewerben|einreichen|eingereicht|beantragen|bestellen|Anmeldung|Bewerbung|Antrag|Frist)\b/u;
const ongoingPattern = /\b(?:fortlaufend|laufend|dauerhaft|unbefristet|auf Dauer angelegt)\b/i;

/**
 * One date as written → partial date ("2019", "2019-06", "2019-06-01"), or null. A quarter or a
 * half-year is its first month, or its last when it ends a period (`role: 'end'`).
 */
export function parseDateToken(token: string, role: 'start' | 'end' = 'start'): string | null {
  const t = token.trim();
  const school = /^Schuljahr(?:es)?\s+(\d{4})\s?\/\s?(?:\d{4}|\d{2})$/.exec(t);
  if (school) return role === 'end' ? partial(Number(school[1]) + 1, 7) : partial(Number(school[1]), 8);
  const week = /^KW\s?(\d{1,2})\s?[/.\s]\s?(\d{4})$/.exec(t);
  if (week) {
    const n = Number(week[1]);
    const year = Number(week[2]);
    if (n < 1 || n > 53) return null;
    // The Thursday of ISO week n: week 1 holds 4 January.
    const jan4 = new Date(Date.UTC(year, 0, 4));
    const thursday = new Date(jan4.getTime() + ((n - 1) * 7 + (4 - (jan4.getUTCDay() || 7))) * 86_400_000);
    return partial(thursday.getUTCFullYear(), thursday.getUTCMonth() + 1);
  }
  let m = /^(?:Q\s?([1-4])\s?[/.\s]\s?|([1-4]|I{1,3}|IV)\.\s?(?:Quartal|Qu\.)\s+|([12]|I{1,2})\.\s?(?:Halbjahr|HJ)\s+)'?(\d{4}|\d{2})$/i.exec(t);
  if (m) {
    const months = m[3] ? 6 : 3;
    const ordinal = m[1] ?? m[2] ?? m[3] ?? '1';
    const index = (({ I: 1, II: 2, III: 3, IV: 4 } as Record<string, number>)[ordinal] ?? Number(ordinal)) - 1;
    return partial(fullYear(m[4] ?? ''), role === 'end' ? (index + 1) * months : index * months + 1);
  }
  m = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})$/.exec(t);
  if (m) return partial(fullYear(m[3] ?? ''), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\.\s?(\p{L}+)\.?\s+(\d{4})$/u.exec(t);
  if (m) {
    const month = monthNumbers[(m[2] ?? '').slice(0, 3).toLowerCase()];
    return month ? partial(Number(m[3]), month, Number(m[1])) : null;
  }
  m = /^(\p{L}+)\.?\s+(\d{4})$/u.exec(t);
  if (m) {
    const month = monthNumbers[(m[1] ?? '').slice(0, 3).toLowerCase()];
    return month ? partial(Number(m[2]), month) : partial(Number(m[2]));
  }
  m = /^(\d{1,2})\s?[/.]\s?(\d{4})$/.exec(t);
  if (m) return partial(Number(m[2]), Number(m[1]));
  m = /^(\d{4})$/.exec(t);
  if (m) return partial(Number(m[1]));
  return null;
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? (n < 70 ? 2000 + n : 1900 + n) : n;
}

function partial(year: number, month?: number, day?: number): string | null {
  const pad = (n: number) => String(n).padStart(2, '0');
  const value = day !== undefined && month !== undefined ? `${year}-${pad(month)}-${pad(day)}` : month !== undefined ? `${year}-${pad(month)}` : String(year);
  return isValidPartialDate(value) ? value : null;
}

interface Candidate {
  index: number;
  text: string;
  start: string | null;
  end: string | null;
}

/**
 * Finds the first period expression in a text: a range ("vom 01.10.2021 bis 30.09.2023",
 * "01/2020 – 12/2022", "2019 bis 2022"), an open start ("seit Sommer 2019", "ab März 2020")
 * or, failing those, an end only ("bis 2025"). With allowOngoing, "laufend" alone counts too.
 */
export function findPeriod(text: string, options: { allowOngoing?: boolean } = {}): ExtractedPeriod | null {
  const flat = text.replace(/\s+/g, ' ');
  const patterns = patternsOf(flat);
  const candidates: Candidate[] = [];
  // Ranges that end before they start are errors in the source, not an end date alone.
  const rejected: Array<[number, number]> = [];
  for (const m of flat.matchAll(patterns.range)) {
    const start = parseDateToken(m[1] ?? '');
    const end = parseDateToken(m[2] ?? '', 'end');
    if (start && end && earliestDay(start) <= latestDay(end)) candidates.push({ index: m.index, text: m[0], start, end });
    else rejected.push([m.index, m.index + m[0].length]);
  }
  for (const m of flat.matchAll(sharedYear)) {
    const start = parseDateToken(`${m[1]} ${m[3]}`);
    const end = parseDateToken(`${m[2]} ${m[3]}`, 'end');
    if (start && end && earliestDay(start) <= latestDay(end)) candidates.push({ index: m.index, text: m[0], start, end });
  }
  for (const pattern of [patterns.start, patterns.started])
    for (const m of flat.matchAll(pattern)) {
      const start = parseDateToken(m[1] ?? '');
      if (start) candidates.push({ index: m.index, text: m[0], start, end: null });
    }
  // Earliest wins; at the same position the longer (a range over "ab <date>") wins. A date in a sentence
  // that says the project runs ("die Pilotphase läuft vom Frühjahr 2021 bis …") goes before dates of its
  // background ("Nach den trockenen Sommern 2018 bis 2020 …").
  candidates.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  const best = candidates.find((c) => running.test(sentenceAround(flat, c.index))) ?? candidates[0];
  if (best && best.end === null) {
    // "Das Projekt hat im April 2022 angefangen. Das Projekt dauert bis Ende 2025.": the end in the next sentence.
    const after = best.index + best.text.length;
    const end = [...flat.slice(after, after + 160).matchAll(patterns.end)].find((m) => {
      const sentence = sentenceAround(flat, after + m.index);
      return lasts.test(sentence) && !deadline.test(sentence);
    });
    const endDate = end ? parseDateToken(end[1] ?? '', 'end') : null;
    if (end && endDate && best.start && earliestDay(best.start) <= latestDay(endDate)) return { start: best.start, end: endDate, text: flat.slice(best.index, after + end.index + end[0].length).trim() };
  }
  if (best) return { start: best.start, end: best.end, text: best.text.trim() };
  for (const m of flat.matchAll(patterns.end)) {
    if (rejected.some(([from, to]) => m.index >= from && m.index < to)) continue;
    // "… können sich bis zum 31. Januar 2026 melden": a deadline, not the end of the project.
    if (deadline.test(flat.slice(m.index, m.index + 120).split(/(?<!\d)[.!?](?=\s+\p{Lu})/u)[0] ?? '')) continue;
    const end = parseDateToken(m[1] ?? '', 'end');
    if (end) return { start: null, end, text: m[0].trim() };
  }
  if (options.allowOngoing) {
    const m = ongoingPattern.exec(flat);
    if (m) return { start: null, end: null, text: flat.trim() };
  }
  return null;
}


const running = /\b(?:läuft|laufen|lief|liefen|Laufzeit|Projektlaufzeit|Pilotphase|Projektphase|Modellphase|Testphase|Projektzeitraum|in Betrieb|gestartet|startete|begann|begonnen)\b/i;

// "Das Projekt dauert bis Ende 2025", "läuft noch bis 2026": a sentence about how long the project lasts.
const lasts = /\b(?:dauert|dauern|läuft|laufen|endet|enden|befristet|Laufzeit|geht)\b/i;

function sentenceAround(flat: string, index: number): string {
  const start = Math.max(flat.lastIndexOf('. ', index), flat.lastIndexOf('; ', index)) + 1;
  const end = flat.slice(index).search(/[.;](?:\s|$)/);
  return flat.slice(start, end < 0 ? undefined : index + end);
}

/** The first date in a text ("03/2021", "30.06.2024", "Herbst 2024"), as a partial date, or null. */
export function findDate(text: string, role: 'start' | 'end' = 'start'): string | null {
  const flat = text.replace(/\s+/g, ' ');
  const m = patternsOf(flat).single.exec(flat);
  return m ? parseDateToken(m[0], role) : null;
}

/**
 * The value of a "Projektlaufzeit" field: the whole value is kept as text (it is the wording the
 * editor needs to see); dates are read from it where possible.
 */
export function parsePeriodField(value: string): ExtractedPeriod & { understood: boolean; reversed?: boolean } {
  const text = value.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim().slice(0, 500);
  // "2024 bis 2020": a range that ends before it starts is an error in the source, which the editor
  // settles; neither date is taken (the text stays).
  const reversed = [...text.matchAll(patternsOf(text).range)].some((m) => {
    const start = parseDateToken(m[1] ?? '');
    const end = parseDateToken(m[2] ?? '', 'end');
    return start !== null && end !== null && earliestDay(start) > latestDay(end);
  });
  if (reversed) return { start: null, end: null, text, understood: false, reversed: true };
  const found = findPeriod(text, { allowOngoing: true });
  const all = patternsOf(text).all;
  if (found?.start) {
    // "Planung seit 2019, Bezug im Mai 2023", "Konzept 2020–2021, Umsetzung 2022–2025": in a period
    // field a later date after the first period is the end.
    const at = text.indexOf(found.text);
    const rest = at < 0 ? '' : text.slice(at + found.text.length);
    // "seit 2017 (Pilot), seit 2020 regulär": a later date after "seit" or "ab" starts a stage; it ends nothing.
    const later = [...rest.matchAll(all)]
      .filter((m) => !/(?:seit|ab)\s+(?:dem\s+|der\s+)?$/i.test(rest.slice(Math.max(0, m.index - 12), m.index)))
      .map((m) => parseDateToken(m[0], 'end'))
      .filter((d): d is string => d !== null);
    const last = later[later.length - 1];
    if (last && earliestDay(found.start) <= latestDay(last) && last !== found.start && (!found.end || latestDay(last) > latestDay(found.end)))
      return { start: found.start, end: last, text, understood: true };
  }
  if (found?.start) {
    // "Pilotphase im Schuljahr 2024/25, Verstetigung ab August 2025": an earlier date before the
    // period that was found is where the project started.
    const at = text.indexOf(found.text);
    const earlier = at > 0 ? [...text.slice(0, at).matchAll(all)].map((m) => parseDateToken(m[0])).find((d): d is string => d !== null && earliestDay(d) < earliestDay(found.start ?? d)) : undefined;
    if (earlier) return { start: earlier, end: found.end, text, understood: true };
  }
  if (found?.start || found?.end) return { start: found.start, end: found.end, text, understood: true };
  // "Aufbau im Frühjahr 2023, Betrieb dauerhaft", "Planung 2022, Bau 2023": in a period field the
  // first date is the start and a later last date the end.
  const tokens = [...text.matchAll(all)].map((m) => m[0]);
  const first = tokens[0] ? parseDateToken(tokens[0]) : null;
  const last = tokens.length > 1 ? parseDateToken(tokens[tokens.length - 1] ?? '', 'end') : null;
  const end = last && first && earliestDay(first) <= latestDay(last) && last !== first ? last : null;
  return { start: first, end, text, understood: found !== null || first !== null };
}
