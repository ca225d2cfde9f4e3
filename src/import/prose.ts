import { findEmail, findOrganisationWithAddress, parseContactBlock } from './extract/contact.ts';
import { findAmounts } from './extract/money.ts';
import { findPeriod } from './extract/period.ts';
import { findPhone } from './extract/phone.ts';
import { findPartnersInProse } from './extract/partners.ts';
import { findParticipation } from './extract/participation.ts';
import { findPlaces } from './extract/places.ts';
import { lookupLabel } from './fields.ts';
import { plainLine, splitParagraphs } from './text.ts';

/*
 * Documents without the structure of a questionnaire or a fact sheet: a letter or an e-mail that
 * presents a project, a page saved from a website, a press release. Such a document is read as
 * prose instead of being rejected: its frame (mail header, breadcrumb, salutation, closing formula)
 * is set apart, the signature after the closing is read as a contact block, and the fact sheet's
 * reader takes the rest (labels it finds still count; everything else comes from the running text
 * and is flagged as guessed). Only a text that looks like the description of a project is read so:
 * enough running text, and at least two kinds of facts a project description has (a place, a date,
 * an amount, contact details, an organisation).
 */

export interface ProseDocument {
  /** The text without its frame (header lines, breadcrumb, salutation, closing and signature). */
  body: string;
  /** The subject of a letter or mail ("Betreff: …"), if any. */
  subject: string | null;
  /** The lines after the closing formula or signature delimiter. */
  signature: string;
}

// "Von:", "An:", "Gesendet:", "Betreff:" … at the top of a mail or a letter.
const headerLine = /^\s*(?:\*\*)?(?:Von|An|Cc|Bcc|Gesendet|Gesendet am|Datum|Date|From|To|Sent|Subject|Betreff|Betr\.|Anlagen?|Priorität|Wichtigkeit)\s*(?:\*\*)?\s*:/i;
const subjectLine = /^\s*(?:\*\*)?(?:Betreff|Betr\.|Subject)\s*(?:\*\*)?\s*:\s*(.*)$/i;
// "Startseite > Leben in Offenbach > Arbeit", "Home » Projekte » …": where a saved page was in its site.
const breadcrumb = /^[^\n]{0,200}?\s(?:>|»|›|\/)\s[^\n]{0,200}?\s(?:>|»|›|\/)\s/;
const salutation = /^(?:Sehr\s+geehrte|Liebe[rs]?\b|Hallo\b|Guten\s+(?:Tag|Morgen)|Moin\b|Servus\b)[^\n]{0,120}[,!]?$/i;
const closing = /^(?:Mit\s+(?:den\s+)?(?:besten|freundlichen|herzlichen|vielen)\s+Grüßen|(?:Mit\s+)?(?:Freundliche|Viele|Beste|Herzliche|Liebe|Schöne)\s+Grüße|MfG|Gruß|Grüße)\b/i;
const signatureDelimiter = /^\s*--\s*$/;

const closingLine = /^[ \t]*(?:\*\*)?(?:Mit\s+(?:den\s+)?(?:besten|freundlichen|herzlichen|vielen)\s+Grüßen|(?:Mit\s+)?(?:Freundliche|Viele|Beste|Herzliche|Liebe|Schöne)\s+Grüße|MfG|Gruß|Grüße)\b|^[ \t]*--[ \t]*$/m;

/** Whether a text has the closing formula or signature delimiter of a letter or mail (a quick test before frameOfProse). */
export function hasClosing(text: string): boolean {
  return closingLine.test(text);
}

// The header of each message of a forwarded or quoted thread ("Von: …" with "Gesendet: …" below it).
const MESSAGE_START = String.raw`^\s*(?:\*\*)?(?:Von|From)\s*(?:\*\*)?\s*:`;
const messageStart = new RegExp(MESSAGE_START, 'i');
// Two of them in a text: a quick look before splitting it.
const twoMessageStarts = new RegExp(String.raw`${MESSAGE_START}[^]*${MESSAGE_START}`, 'im');
const messageDate = /^\s*(?:\*\*)?(?:Gesendet|Gesendet am|Datum|Date|Sent)\s*(?:\*\*)?\s*:/i;

/**
 * The message of a forwarded or replied e-mail thread that holds the line `lineOf` picks: from the
 * header block above it to the next one. A text that is not such a thread is returned whole.
 */
export function messageAround(text: string, lineOf: (lines: readonly string[]) => number): string {
  // Most documents are no thread.
  if (!twoMessageStarts.test(text)) return text;
  const lines = text.split('\n');
  const starts = lines.flatMap((l, i) => (messageStart.test(l) && lines.slice(i + 1, i + 4).some((next) => messageDate.test(next)) ? [i] : []));
  if (starts.length < 2) return text;
  const line = lineOf(lines);
  const from = starts.filter((s) => s <= line).at(-1) ?? 0;
  const to = starts.find((s) => s > line) ?? lines.length;
  return lines.slice(from, to).join('\n');
}

/** Splits a prose document into its body, subject and signature. */
export function frameOfProse(text: string): ProseDocument {
  const lines = text.split('\n');
  let subject: string | null = null;
  const body: string[] = [];
  let signatureStart = lines.length;
  let inHeader = true;
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (inHeader && line && headerLine.test(line)) {
      const s = subjectLine.exec(line);
      if (s) subject = plainLine((s[1] ?? '').replace(/^(?:(?:AW|WG|RE|Re|Fwd?|FW|Antw)\s*:\s*)+/i, '')) || null;
      continue;
    }
    if (line) inHeader = false;
    if (i < 5 && breadcrumb.test(line) && !/[.!?]$/.test(line)) continue;
    if (salutation.test(plainLine(line)) && plainLine(line).split(/\s+/).length <= 8) continue;
    if (closing.test(plainLine(line)) || signatureDelimiter.test(raw)) {
      signatureStart = i;
      break;
    }
    body.push(raw);
  }
  const signature = lines
    .slice(signatureStart)
    .filter((l) => !closing.test(plainLine(l)) && !signatureDelimiter.test(l))
    .join('\n');
  return { body: body.join('\n'), subject, signature };
}

// The sentences of a letter that present it rather than the project ("gerne reichen wir … ein",
// "Für Rückfragen stehe ich gern zur Verfügung").
const framingSentence = /\b(?:reichen\s+(?:wir|ich)\b[^.!?]*\bein|einreichen|stellen\s+(?:wir|ich)\s+Ihnen|möchten\s+(?:wir|ich)\s+Ihnen|(?:Rück)?[Ff]ragen\b[^.!?]*\b(?:Verfügung|gerne?|melden)|zur\s+Verfügung|[Dd]anke\s+für|[Vv]ielen\s+Dank|im\s+Anhang|anbei\b|Aufruf\b|beigefügt)/;

/** A paragraph that only presents the letter and says nothing about the project. */
export function isFramingParagraph(paragraph: string): boolean {
  const line = plainLine(paragraph);
  return line.split(/\s+/).length <= 40 && framingSentence.test(line);
}

// The kinds of facts a project's presentation gives, each found by its extractor.
const projectFacts = {
  place: (t: string) => findPlaces(t).length > 0,
  date: (t: string) => findPeriod(t) !== null,
  amount: (t: string) => findAmounts(t).length > 0,
  contact: (t: string) => Boolean(findEmail(t) || findPhone(t)),
};

/** Whether a text without a known structure reads like the description of a project. */
export function looksLikeProjectProse(text: string): boolean {
  const { body, signature } = frameOfProse(text);
  const prose = splitParagraphs(body).filter((p) => /[.!?]$/.test(plainLine(p)) && !isFramingParagraph(p));
  const words = prose.reduce((n, p) => n + plainLine(p).split(/\s+/).length, 0);
  if (words < 20) return false;
  const all = `${body}\n${signature}`;
  const proseText = prose.join('\n\n');
  const signals = [projectFacts.place(proseText), projectFacts.date(proseText), projectFacts.amount(proseText), projectFacts.contact(all), /(?:e\.\s?V\.|gGmbH|GmbH|\beG\b|\bAG\b|Stiftung\b)|\b(?:Stadt|Gemeinde|Landkreis|Kreis)\s+\p{Lu}/u.test(all)];
  return signals.filter(Boolean).length >= 2;
}

/** The contacts and the organisation with address written in a signature. */
export function readSignature(signature: string): { contacts: ReturnType<typeof parseContactBlock>; organisation: ReturnType<typeof findOrganisationWithAddress> } {
  // The same person twice (a name under the closing formula and again in the signature) is one contact.
  const contacts: ReturnType<typeof parseContactBlock> = [];
  for (const c of parseContactBlock(signature)) {
    const same = contacts.find((o) => o.name === c.name);
    if (!same) contacts.push(c);
    else {
      same.role ??= c.role;
      same.phone ??= c.phone;
      same.email ??= c.email;
    }
  }
  return { contacts, organisation: findOrganisationWithAddress(signature) };
}

/*
 * A text that reports on several topics (a mayor's column in the gazette, a parish newsletter, a
 * board report to the general assembly) presents the project in one of its sections. The section
 * is found by the facts a project's presentation gathers (place, date, amount, contact, partners,
 * goal, an invitation to join) and read alone; the rest of the text is about other things.
 */

// "**Jugendtaxi Weilrod**", "## Mitgliederentwicklung", "Unsere Gottesdienste": a line standing
// alone as the heading of a section (a short one without sentence or label punctuation).
function sectionHeading(paragraph: string): string | null {
  if (paragraph.includes('\n')) return null;
  const line = paragraph.trim();
  const marked = /^#{1,6}\s+(.+)$/.exec(line)?.[1] ?? /^(?:\*\*|__)([^*_]{2,120})(?:\*\*|__)$/.exec(line)?.[1];
  if (marked) return plainLine(marked);
  const plain = plainLine(line);
  if (/[.!?:;,·|]$|\s[·|]\s|^[-*•\d]/.test(plain) || plain.split(/\s+/).length > 6 || !/^\p{Lu}/u.test(plain)) return null;
  return plain;
}

const topicSignals: ReadonlyArray<(text: string) => boolean> = [
  ...Object.values(projectFacts),
  (t) => findPartnersInProse(t).length > 0,
  (t) => /\b(?:Ziel|Zweck)\b/.test(t),
  (t) => findParticipation(t).status !== 'unknown',
];

// "Projekt des Jahres: …", "★ Im Fokus: Leuchtturm Schlierbach": a kicker that puts one project in the spotlight.
const SPOTLIGHT = String.raw`(?:Projekt|Praxisbeispiel|Beispiel)\s+des\s+(?:Jahres|Monats|Quartals)|Im\s+Fokus|Im\s+Porträt|Vorgestellt`;
const spotlight = new RegExp(String.raw`^[★☆►▶•*\s]*(?:${SPOTLIGHT})\s*:\s+`, 'iu');
/** A kicker before a project's name in a heading, the spotlight's or a plain "Das Projekt: Rufbus …". */
export const projectKicker = new RegExp(String.raw`^[★☆►▶•*\s]*(?:${SPOTLIGHT}|(?:Das\s+|Unser\s+)?(?:Projekt|Praxisbeispiel|Beispiel))\s*:\s+`, 'iu');

export interface TopicSection {
  /** The section's heading as written ("**Jugendtaxi Weilrod**", "## Projekt des Jahres: …"). */
  heading: string;
  /** The heading and the paragraphs under it. */
  text: string;
}

/**
 * The one section of a text on several topics that presents a project, or null when the text is
 * about one thing: at least two other headed sections that are no field of a project ("Termine",
 * "Jahresabschluss 2024", not "Finanzierung" or "Kontakt"), and a section holding at least four
 * kinds of a project's facts, two more than any other section.
 */
export function topicSection(body: string): TopicSection | null {
  const paragraphs = splitParagraphs(body);
  const sections: Array<{ heading: string; raw: string; paragraphs: string[] }> = [];
  for (const paragraph of paragraphs) {
    const heading = sectionHeading(paragraph);
    if (heading !== null) sections.push({ heading, raw: paragraph.trim(), paragraphs: [] });
    else sections.at(-1)?.paragraphs.push(paragraph);
  }
  const withText = sections.filter((s) => s.paragraphs.length > 0);
  // One section whose heading puts a project in the spotlight ("★ Im Fokus: …") and that tells of it is the record.
  const spotlit = withText.filter((s) => spotlight.test(s.heading) && s.paragraphs.some((p) => plainLine(p).split(/\s+/).length >= 20));
  const only = spotlit.length === 1 ? spotlit[0] : undefined;
  if (only) return { heading: only.raw, text: [only.raw, ...only.paragraphs].join('\n\n') };
  // A heading that names a field of a project ("Finanzierung", "Kontakt") makes the text one project's.
  if (withText.length < 3 || withText.some((s) => (lookupLabel(s.heading)?.key ?? 'other') !== 'other')) return null;
  const scored = withText.map((s) => ({ section: s, signals: topicSignals.filter((signal) => signal(s.paragraphs.join('\n\n'))).length }));
  const best = scored.reduce((a, b) => (b.signals > a.signals ? b : a));
  const runnerUp = Math.max(...scored.filter((s) => s !== best).map((s) => s.signals));
  if (best.signals < 4 || best.signals - runnerUp < 2) return null;
  return { heading: best.section.raw, text: [best.section.raw, ...best.section.paragraphs].join('\n\n') };
}
