import { answerKeys, type Answers, type ContributionContentInput } from '../domain/contribution.ts';
import { extractDocumentWide, missingFieldWarnings, type ExtractResult } from './common.ts';
import { findOrganisationWithAddress, parseAddress, parseContactBlock } from './extract/contact.ts';
import { extractFunding } from './extract/funding.ts';
import { findSponsorInProse } from './extract/organisation.ts';
import { findParticipation } from './extract/participation.ts';
import { findPartnersInProse } from './extract/partners.ts';
import { findPeriod } from './extract/period.ts';
import { dedupePlaces, findPlaces, splitDistrict } from './extract/places.ts';
import { findTargetGroupsInProse } from './extract/target-groups.ts';
import { lookupLabel, matchLabelLine, parseFields, type FieldKey } from './fields.ts';
import { dateline, interpretFields, placesFromProse, placesFromSponsor, sameOrganisation } from './factsheet.ts';
import { fieldLabels, missing, rejectionReasons, warning } from './messages.ts';
import { frameOfProse, hasClosing, messageAround, readSignature } from './prose.ts';
import { clip, firstSentence, plainLine, stripEnclosingQuotes, toLongText } from './text.ts';
import type { ImportWarning } from './types.ts';

/*
 * The questionnaire (Frageformular) has four fixed questions. A question is recognised by its
 * number (1–4, written "1.", "1)", "Frage 1:", "**1.**" …) together with its typical wording,
 * or by the wording alone; numbering alone is not enough because answers contain numbered
 * lists. Questions must appear in order. Forms reword and shorten the questions ("Wer hat Sie
 * unterstützt?", "2. Unterstützung", "Übertragbarkeit"), so besides the wording of the official
 * form (`signatures`) there are the words such rewordings use (`topics`), as data; a topic alone
 * counts for a line that asks ("…?"), is headed "Frage n" or is the next number in sequence.
 */
const signatures: Record<number, RegExp> = {
  1: /Entscheidung|Idee\b.*(?:Fachverwaltung|Zivilgesellschaft)|wie\s+(?:kam|entstand)/i,
  2: /Wer\s+oder\s+was|geholfen|Unterstützung\s+(?:in|au(?:ß|ss)erhalb)/i,
  3: /Herausforderung|neu\s+für\s+Sie|Tipps/i,
  4: /Voraussetzung|geeignet/i,
};
const topics: Record<number, RegExp> = {
  1: /Entscheidung|\bIdee|Entstehung|entstanden|entstand|Anstoß|Anlass|Ursprung|Ausgangspunkt|wie\s+kam|Beschluss|beschlossen|Vorgeschichte|\banfing\b|\bAnfang\b|Anfänge|\bbegann\b/i,
  2: /Wer\s+oder\s+was|geholfen|[Uu]nterstütz|\bHilfe|Materialien|Akteure|Partner|Kooperation|Netzwerk|Förderer/i,
  3: /Herausforderung|schwierig|Schwierigkeit|Hürden?\b|Hindernis|Probleme?\b|Stolperstein|neu\s+für|Neues|Tipps?\b|Erfahrung|Empfehlung|empfehlen|gelernt/i,
  4: /Voraussetzung|geeignet|eignet|Eignung|[Üü]bertragbar|mitbringen|erfüllen|andere[n]?\s+Kommunen|Nachahm|\bbraucht\b|\bbenötigt\b/i,
};

// "Entscheidung", "Planung und Umsetzung", "Entscheidung / Idee", "Herausforderungen, Neues, Tipps": a question's topic words.
const TOPIC_WORDS = String.raw`\p{Lu}[\p{L}-]{3,30}(?:(?:\s+(?:und|&)\s+|\s*[/,]\s*)\p{Lu}[\p{L}-]{3,30}){0,3}`;
const topicWords = new RegExp(String.raw`^${TOPIC_WORDS}$`, 'u');
/** Topic words of one of the questions that lead an answer, not a field's label ("Ansprechpartner" names a topic word too). */
const isTopicLead = (words: string): boolean => topicWords.test(words) && !lookupLabel(words) && Object.values(topics).some((t) => t.test(words));

export interface QuestionHeading {
  n: 1 | 2 | 3 | 4;
  /** First line of the heading. */
  startLine: number;
  /** First line after the heading (the answer starts here, plus `after`). */
  endLine: number;
  /** Answer text written on the heading line itself ("**1. Frage?** Antwort …"). */
  after: string;
  /** Recognised by the form's own wording, a "Frage n" heading or a question mark; not only by a topic word. */
  strong: boolean;
  /** Asked in an interview by this speaker: each paragraph of the answer may be led by the answering speaker's name. */
  speaker?: string;
}

interface HeadingCandidate {
  n: number | null;
  question: string;
  after: string;
  /** Headed "Frage n". */
  frage?: boolean;
  /** "Zu 1.": the answer follows without the question. */
  reply?: boolean;
  /** "**Redaktion:** Wie …?": a question in an interview by this speaker, whose answers are led by the other speaker's name. */
  speaker?: string;
  /** "Entscheidung – …": an answer led by the question's topic word. */
  led?: boolean;
  /** A Markdown heading ("## Wie es anfing"). */
  heading?: boolean;
}

// "**Redaktion:**", "**MODERATION (Svenja Roth):**": who speaks in an interview.
const SPEAKER = String.raw`[\p{L} .()-]{2,60}:`;
const speakerLabel = new RegExp(String.raw`^${SPEAKER}$`, 'u');
const speakerLead = new RegExp(String.raw`^([ \t]*)(?:\*\*|__)${SPEAKER}(?:\*\*|__)[ \t]*`, 'gmu');
// "das Praxisbeispiel „Pegel-Alarm an Allna und Lahn“": a project's name in quotes after the word for it.
const quotedProjectName = /(?:Projekt|Praxisbeispiel|Vorhaben|Beitrag|Initiative)\p{L}*\s+„([^“”\n]{3,300})[“”]/u;

const roman: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };
const questionNumber = (token: string | undefined): number => roman[(token ?? '').toUpperCase()] ?? Number(token);

/**
 * Layouts of a questionnaire rewritten into the one the heading finder reads: a table
 * ("| 1. Wie …? | Antwort … |": each row the question on its own line, then the answer), and a
 * numbered list of answers that the text announces as following the questions' order.
 */
function boldLineTitle(preamble: string): string | undefined {
  return preamble
    .split('\n')
    .map((line) => /^[ \t]*\*\*([^*\n]{3,200})\*\*[ \t]*$/.exec(line)?.[1]?.trim())
    .find((bold): bold is string => Boolean(bold) && !/[:.!?]$/.test(bold ?? '') && (bold ?? '').split(/\s+/).length <= 15 && !matchLabelLine(`${bold}:`));
}

export function normaliseQuestionLayout(text: string): string {
  return numberedAnswers(untableQuestions(circledNumbers(text)));
}

// "① Bitte erläutern Sie …": circled digits number the questions.
const circled = /^([ \t]*)([①②③④])[ \t]*/gmu;
function circledNumbers(text: string): string {
  return /[①②③④]/u.test(text) ? text.replace(circled, (_m, indent: string, digit: string) => `${indent}${'①②③④'.indexOf(digit) + 1}. `) : text;
}

// "Unsere Antworten folgen der Reihenfolge Ihrer Fragen:", "Zu Ihren vier Fragen:": the questions left out.
const answersInOrder = /\bAntworten\b[^.\n]{0,60}\bReihenfolge\b[^.\n]{0,30}\bFragen\b|\b(?:[Zz]u|[Aa]uf)\s+Ihre(?:n)?\s+(?:vier\s+)?Fragen\b/;
const listItem = /^[ \t]*([1-4])[.)][ \t]+(\S.*)$/;

/** "1. Angestoßen hat …" … "4. Voraussetzung sind …" after such an announcement: read as "Zu 1.: …". */
function numberedAnswers(text: string): string {
  if (!answersInOrder.test(text)) return text;
  const lines = text.split('\n');
  const items = lines.flatMap((l, i) => (listItem.test(l) ? [i] : []));
  const numbers = items.map((i) => listItem.exec(lines[i] ?? '')?.[1]).join('');
  if (numbers !== '1234') return text;
  for (const i of items) lines[i] = (lines[i] ?? '').replace(listItem, 'Zu $1.: $2');
  return lines.join('\n');
}

function untableQuestions(text: string): string {
  if (!text.includes('|')) return text;
  return text
    .split('\n')
    .flatMap((line) => {
      const m = /^\s*\|([^|]+)\|([^|]*)\|\s*$/.exec(line);
      if (!m) return [line];
      const question = (m[1] ?? '').trim();
      const answer = (m[2] ?? '').trim();
      // "| Entscheidung / Idee | Den Anstoß gab …": a row led by the question's topic words, read as "Entscheidung / Idee – …".
      // (Not a field of the header: "| Ansprechpartner | Martin Vogt, … |".)
      if (/[.!?]$/.test(answer) && isTopicLead(question)) return [`${question} – ${answer}`, ''];
      const c = parseHeadingLine(question);
      if (!c || (c.n === null && !question.includes('?'))) return [line];
      return [question, '', answer, ''];
    })
    .join('\n');
}

function parseHeadingLine(line: string): HeadingCandidate | null {
  // "*Wie …?* *Handelte es sich …?*": a PDF line that joined two lines of one emphasis is one span.
  const heading = /^#{1,6}\s/.test(line.trim());
  const s = line.trim().replace(/^#{1,6}\s+/, '').replace(/(?<=\S)(\*\*|\*|__|_) \1(?=\S)/g, ' ');
  if (!s) return null;
  // "1.", "Frage 1:", and Roman numbers "I." to "IV.".
  const number = /^(Frage\s*(?:Nr\.\s*)?)?\(?([1-4]|I{1,3}(?=[.)])|IV(?=[.)]))\s*(?:[.):]\s*|\s+|$)(?:[–-]\s+)?(.*)$/i;
  // "Entscheidung – Die Idee kam …": a short questionnaire whose answers are led by the question's topic word.
  const led = new RegExp(String.raw`^(${TOPIC_WORDS})\s+[–—-]\s+(\S.*)$`, 'u').exec(s);
  if (led) return { n: null, question: led[1] ?? '', after: (led[2] ?? '').trim(), led: true };
  // "[F1] Entstehung: Wie kam es …?": the question codes of an online form's export.
  const coded = /^\[F\s?([1-4])\]\s*(.*)$/.exec(s);
  if (coded) return { n: Number(coded[1]), question: (coded[2] ?? '').trim(), after: '', frage: true };
  // "A1: Die Idee kam …", "Antwort 2: …": answers coded by the question's number, the questions left out.
  const answerCode = /^(?:\*\*)?(?:A|Antwort)\s?([1-4])(?:\*\*)?\s*:(?:\*\*)?\s*(.*)$/.exec(s);
  if (answerCode) return { n: Number(answerCode[1]), question: '', after: (answerCode[2] ?? '').trim(), frage: true, reply: true };
  // "Zu 1.", "Zu Frage 2:", "Ad 3)": a letter that answers the questions by their number only.
  const reply = /^(?:\*\*)?(?:Zu|Ad)\s+(?:Frage\s*)?([1-4])\s*[.):]{0,2}(?:\*\*)?\s*(.*)$/i.exec(s);
  if (reply) return { n: Number(reply[1]), question: '', after: (reply[2] ?? '').trim(), frage: true, reply: true };
  // Bold or italic ("*Frage 1: Wie …?*"): the emphasis marks the question.
  const bold = /^(\*\*|__|\*(?![\s*])|_(?![\s_]))(.+?)\1(?![*_])\s*(.*)$/.exec(s);
  if (bold) {
    const inner = (bold[2] ?? '').trim();
    const rest = (bold[3] ?? '').trim();
    const onlyNumber = /^(Frage\s*)?([1-4])\s*[.):]?$/i.exec(inner);
    if (onlyNumber) return { n: Number(onlyNumber[2]), question: rest.replace(/^[:.]\s*/, ''), after: '', frage: Boolean(onlyNumber[1]) };
    const numbered = number.exec(inner);
    if (numbered) return { n: questionNumber(numbered[2]), question: (numbered[3] ?? '').trim(), after: rest, frage: Boolean(numbered[1]) };
    // "**Entscheidung/Idee:** Die Idee kam …": an answer led by the question's topic words in bold.
    const topicLabel = /^(.+?):?$/.exec(inner)?.[1] ?? inner;
    if (rest && (inner.endsWith(':') || rest.startsWith(':')) && isTopicLead(topicLabel))
      return { n: null, question: topicLabel, after: rest.replace(/^:\s*/, ''), led: true };
    // "**Redaktion:** Wie ist es …?": an interviewer's question led by the speaker.
    if (speakerLabel.test(inner) && rest.endsWith('?')) return { n: null, question: rest, after: '', speaker: inner.slice(0, -1) };
    return { n: null, question: inner, after: rest };
  }
  const numbered = number.exec(s);
  if (numbered) {
    const question = (numbered[3] ?? '').replace(/\*\*/g, '').trim();
    // "4. Gibt es Voraussetzungen …? Nötig sind …": the answer written on the question's line, after its last question mark.
    const answered = /^(.*\?)\s+([^?]+[.!)])$/.exec(question);
    if (answered && (answered[2] ?? '').split(/\s+/).length >= 5) return { n: questionNumber(numbered[2]), question: answered[1] ?? '', after: (answered[2] ?? '').trim(), frage: Boolean(numbered[1]) };
    return { n: questionNumber(numbered[2]), question, after: '', frage: Boolean(numbered[1]) };
  }
  return { n: null, question: s.replace(/\*\*/g, ''), after: '', ...(heading ? { heading } : {}) };
}

export function findQuestionHeadings(lines: readonly string[]): QuestionHeading[] {
  const headings: QuestionHeading[] = [];
  let last = 0;
  for (let i = 0; i < lines.length && last < 4; i++) {
    const c = parseHeadingLine(lines[i] ?? '');
    if (!c) continue;
    let question = c.question;
    let endLine = i + 1;
    // The question may continue on the next lines ("Frage 1:" alone, or a wrapped question).
    // Only a numbered heading may continue; an unnumbered line is a question on its own or nothing.
    if (c.n !== null && !c.after && !question.includes('?') && !c.reply) {
      for (let j = i + 1, nonBlank = 0; j < lines.length && j <= i + 4; j++) {
        const next = (lines[j] ?? '').replace(/\*\*/g, '').trim();
        if (!next) {
          if (question) break;
          continue;
        }
        if (++nonBlank > 3 || parseHeadingLine(next)?.n != null) break;
        if (next.endsWith('?')) {
          question = `${question} ${next}`.trim();
          endLine = j + 1;
          break;
        }
      }
      if (endLine === i + 1 && !question) continue;
    }
    let n: number | null = null;
    let strong = true;
    const asks = question.includes('?');
    if (c.n !== null && c.n > last) {
      const next = c.n === last + 1;
      // "Frage 1" of a council inquiry ("Wie viele Fahrgäste …?") is numbered like ours but asks something else:
      // a numbered question that asks must share a topic with the question of its number.
      const ownTopic = !question || topics[c.n]?.test(question) || signatures[c.n]?.test(question);
      if (signatures[c.n]?.test(question) || (asks && question.length > 30 && next && (!c.frage || ownTopic)) || (c.frage && next && ownTopic)) n = c.n;
      // "2. Unterstützung und Materialien": a short heading in sequence with the question's topic.
      else if (next && question.length <= 120 && topics[c.n]?.test(question)) {
        n = c.n;
        strong = asks || Boolean(c.frage);
      }
    } else if (c.led) {
      // Only the next question's topic, so that a line "Stadt – Land" in an answer is no heading.
      if (topics[last + 1]?.test(question)) {
        n = last + 1;
        strong = false;
      }
    } else if (c.heading && !asks && question.length <= 80) {
      // "## Wie es anfing", "## Was man braucht": headings that tell rather than ask, taken only in the questions' order.
      if (topics[last + 1]?.test(question)) {
        n = last + 1;
        strong = false;
      }
    } else if (c.n === null && asks && question.length < 400 && /^\p{Lu}/u.test(question)) {
      for (let k = last + 1; k <= 4; k++) if (signatures[k]?.test(question) || topics[k]?.test(question)) {
        n = k;
        break;
      }
    }
    if (n === null) continue;
    headings.push({ n: n as QuestionHeading['n'], startLine: i, endLine, after: c.after, strong, ...(c.speaker ? { speaker: c.speaker } : {}) });
    last = n;
    i = endLine - 1;
  }
  return answersAfterQuestionList(lines, headings) ?? headings;
}

/**
 * "Sie hatten uns vier Fragen gestellt: (1) … (2) … (3) … (4) …", then "(1) Nach dem …" … "(4) …": the
 * questions stand together in a list with nothing between them, and the answers follow by their
 * numbers alone. Those numbered answers are then the headings.
 */
function answersAfterQuestionList(lines: readonly string[], headings: readonly QuestionHeading[]): QuestionHeading[] | null {
  const listed = headings.length >= 2 && headings.every((h, k) => k === headings.length - 1 || lines.slice(h.endLine, headings[k + 1]!.startLine).every((l) => !l.trim()));
  if (!listed) return null;
  const replies: QuestionHeading[] = [];
  let last = 0;
  for (let i = headings.at(-1)!.endLine; i < lines.length && last < 4; i++) {
    const c = parseHeadingLine(lines[i] ?? '');
    if (c?.n !== last + 1 || !(c.after || c.question)) continue;
    replies.push({ n: c.n as QuestionHeading['n'], startLine: i, endLine: i + 1, after: c.after || c.question, strong: true });
    last = c.n;
  }
  return replies.length >= 2 ? replies : null;
}

// "Antwort:", "**Antwort:**", "Antwort der Kommune:", "Antwort (Stadt Hanau):", "Unsere Antwort:" before the answer.
const answerPrefix = /^\s*(?:\*\*|__|\*|_)?(?:Unsere\s+)?Antwort(?:\s+(?:der|des|von|vom|unserer?)\s+[^:\n]{1,40}?|\s*\([^)\n]{1,40}\)|\s*\d)?\s*(?:\*\*|__|\*|_)?\s*(?::|(?=\n)|$)\s*(?:\*\*|__|\*|_)?\s*/i;

const placeholderAnswer = /^(?:[-–—/.]+|k\.\s?A\.?|keine\s+Angaben?|entfällt|n\.\s?a\.?|nicht\s+zutreffend|\?+)$/i;

// Fields after the last answer ("Kontakt für Rückfragen: …", "Ansprechpartnerin: …"): the form's
// footer, no part of the answer.
const footerKeys = new Set<FieldKey>(['contact', 'phone', 'email', 'sponsor', 'website', 'address']);

// After the last answer: where and when it was written ("Wiesbaden, den 2. Juli 2025"), a note in
// parentheses ("(Kurzfassung erstellt von der Gemeindeverwaltung, Mai 2025)"), the list of enclosures.
const closingLine = (line: string): boolean => dateline.test(line) || /^(?:\([^()]{5,200}\)|Anlagen?\s*:.*)$/u.test(line);

type SplitAnswers = { preamble: string; answers: Record<keyof Answers, string | null>; found: Set<number>; footer: string };

/** A questionnaire's preamble, its four answers and the footer after the last one. */
export function splitAnswers(text: string): SplitAnswers {
  return answersOf(normaliseQuestionLayout(text));
}

/** The same for a text whose layout normaliseQuestionLayout has already rewritten. */
function answersOf(normalised: string): SplitAnswers {
  const lines = normalised.split('\n');
  const headings = findQuestionHeadings(lines);
  const answers: Record<keyof Answers, string | null> = { decision: null, support: null, challenges: null, prerequisites: null };
  const last = headings[headings.length - 1];
  let footerStart = lines.length;
  if (last) {
    for (let i = last.endLine; i < lines.length; i++) {
      const label = (lines[i - 1] ?? '').trim() === '' ? matchLabelLine(lines[i] ?? '') : null;
      // "## Vielen Dank für Ihre Aufmerksamkeit!": a heading after the last answer ends it; what follows is a closing block.
      const afterBlank = (lines[i - 1] ?? '').trim() === '';
      if ((label && footerKeys.has(label.key)) || /^#{1,6}\s+\S/.test(lines[i] ?? '') || (afterBlank && closingLine((lines[i] ?? '').trim()))) {
        footerStart = i;
        break;
      }
    }
  }
  headings.forEach((h, idx) => {
    let until = headings[idx + 1]?.startLine ?? footerStart;
    // The interviewer speaking again ("**Redaktion:** Vielen Dank …") ends the last answer.
    if (h.speaker && !headings[idx + 1]) {
      const again = lines.findIndex((l, i) => i >= h.endLine && i < until && l.trimStart().startsWith(`**${h.speaker}:**`));
      if (again >= 0) until = again;
    }
    let body = [h.after, ...lines.slice(h.endLine, until)].join('\n').replace(answerPrefix, '');
    // "**Sascha Weber:** Der Anstoß kam …": the speaker's name leads the answer.
    if (h.speaker) body = body.replace(speakerLead, '$1');
    const answer = toLongText(body);
    const key = answerKeys[h.n - 1];
    if (key) answers[key] = answer && !placeholderAnswer.test(plainLine(answer)) ? clip(answer, 20_000) : null;
  });
  const preamble = lines.slice(0, headings[0]?.startLine ?? 0).join('\n');
  return { preamble, answers, found: new Set(headings.map((h) => h.n)), footer: lines.slice(footerStart).join('\n') };
}

/** The project name: written in italics ("*Verzahnung …*") or in quotes after "Projekt". */
function findProjectName(text: string): string | null {
  const italic = /(?<![\p{L}\p{N}*])\*(?!\*|\s)([^*\n]{3,300}?)(?<!\s)\*(?![\p{L}\p{N}*])|(?<![\p{L}\p{N}_])_(?!_|\s)([^_\n]{3,300}?)(?<!\s)_(?![\p{L}\p{N}_])/u.exec(text);
  if (italic) return (italic[1] ?? italic[2] ?? '').trim();
  const quoted = quotedProjectName.exec(text);
  return quoted ? (quoted[1] ?? '').trim() : null;
}

// The first line of a letterhead that names the writing municipality or organisation ("Stadt Homberg (Efze)").
const letterheadOrganisation = /^(?:(?:Kreis|Universitäts|Hochschul|Hanse)?[Ss]tadt|Gemeinde|Marktgemeinde|Landkreis|Kreis|Magistrat\s+der\s+Stadt|Kreisausschuss\s+des|Der\s+Magistrat\s+der\s+Stadt)\s+\p{Lu}[^:\n]{1,60}$|^[^:\n]{3,70}(?:e\.\s?V\.|gGmbH|GmbH|\beG)$/u;

/**
 * The municipality or organisation named on a line of its own at the top ("Stadt Homberg (Efze)",
 * "Gemeinde Fischbachtal (Landkreis Darmstadt-Dieburg)"): among the first lines, without a district
 * in parentheses (which tells where, not who).
 */
function letterhead(preamble: string): { name: string; district: string | null; address: ReturnType<typeof parseAddress> } | null {
  const lines = preamble.split('\n').map((l) => plainLine(l)).filter(Boolean).slice(0, 4);
  const at = lines.findIndex((l) => letterheadOrganisation.test(l) && !/:/.test(l));
  if (at < 0) return null;
  const { name, district } = splitDistrict(lines[at] ?? '');
  // "Alte Bahnhofstraße 1 · 35096 Weimar (Lahn)" a line or two below the name (under "Der Gemeindevorstand").
  const addressLine = lines.slice(at + 1, at + 3).find((l) => { const a = parseAddress(l); return a.street !== null && a.postcode !== null; });
  const address = addressLine ? parseAddress(addressLine) : { street: null, postcode: null, city: null };
  return { name: name.replace(/^(?:Der\s+)?Magistrat\s+der\s+/, '').replace(/^Kreisausschuss\s+des\s+/, ''), district, address };
}

export function parseQuestionnaire(text: string, sourceFile: string): ExtractResult {
  const warnings: ImportWarning[] = [];
  // A questionnaire answered in a letter or an e-mail: the closing formula ends the last answer,
  // and the signature after it names the contact.
  // In a forwarded thread, the message that asks the questions holds the answers and the signature.
  const untabled = normaliseQuestionLayout(text);
  const message = messageAround(untabled, (lines) => findQuestionHeadings(lines)[0]?.startLine ?? 0);
  const frame = hasClosing(message) ? frameOfProse(message) : null;
  const letter = frame !== null && frame.signature.trim() !== '';
  const { preamble, answers, found, footer } = answersOf(frame && letter ? frame.body : message);
  const answerTexts = answerKeys.map((k) => answers[k]).filter((a): a is string => a !== null);
  const allAnswers = answerTexts.join('\n\n');
  const headerFields = parseFields(preamble).fields;
  const header = { ...interpretFields(headerFields), fields: headerFields.length };

  let title = header.title;
  if (!title) {
    // "Ihr Frageformular zum Projekt „Waldkindergarten Homberg“": the project named in the letter's preamble.
    const quoted = quotedProjectName.exec(preamble)?.[1] ?? /„([^“”\n]{3,300})[“”]/u.exec(frame?.subject ?? '')?.[1];
    const name = quoted ?? (answers.decision && findProjectName(answers.decision)) ?? findProjectName(allAnswers);
    if (name) title = stripEnclosingQuotes(plainLine(name));
  }
  // "# Schulwald Schlüchtern – …" above the answers: the document's heading.
  // Or a line set in bold on its own ("**Selbstverwalteter Jugendtreff im alten Feuerwehrhaus**").
  const heading = title ? null : (/^#[ \t]+(\S.{2,200})$/m.exec(preamble)?.[1] ?? boldLineTitle(preamble));
  if (heading) title = stripEnclosingQuotes(plainLine(heading));
  if (!title) {
    const sentence = firstSentence(answers.decision ?? answerTexts[0] ?? null);
    if (!sentence) return { ok: false, reason: rejectionReasons.noContent(sourceFile) };
    title = clip(sentence.replace(/[.!?]$/, ''), 120);
    warnings.push(warning('title', 'guessed', `Titel: kein Projektname gefunden; der Titel wurde aus dem ersten Satz gebildet („${title}“). Bitte prüfen.`));
  }

  for (const [i, key] of answerKeys.entries()) {
    if (answers[key]) continue;
    const field = `answers.${key}`;
    const how = found.has(i + 1) ? 'ist nicht beantwortet' : 'fehlt im Dokument';
    warnings.push(missing(field, `${fieldLabels[field]}: Frage ${i + 1} ${how}.`));
  }

  // "Ein Praxisbeispiel der Stadt Schlüchtern …" above the answers names the sponsor more surely than the answers do.
  const proseSponsor = findSponsorInProse(preamble) ?? findSponsorInProse(allAnswers);
  const signature = frame && letter ? readSignature(frame.signature) : null;
  const headed = letterhead(preamble);
  let sponsor = header.sponsor ?? (proseSponsor ? { name: proseSponsor.name, street: null, postcode: null, city: null, website: null } : null);
  if (!sponsor && (headed || signature?.organisation)) {
    sponsor = signature?.organisation && (!headed || signature.organisation.name === headed.name) ? { ...signature.organisation, website: null } : { name: headed?.name ?? '', ...(headed?.address ?? { street: null, postcode: null, city: null }), website: null };
    warnings.push(warning('sponsor', 'guessed', `Projektträger: kein eigenes Feld; „${sponsor.name}“ wurde aus dem Briefkopf bzw. der Unterschrift übernommen. Bitte prüfen.`));
  }
  // The same organisation with its address in the closing block gives the sponsor's address.
  const closing = sponsor && !sponsor.postcode && footer.trim() ? findOrganisationWithAddress(footer) : null;
  if (sponsor && closing && sameOrganisation(closing.name, sponsor.name)) sponsor = { ...sponsor, street: closing.street, postcode: closing.postcode, city: closing.city };
  let contacts = header.contacts;
  if (!contacts.length && footer.trim()) contacts = interpretFields(parseFields(footer).fields).contacts;
  // A closing block without labels ("Gemeinde Nauheim\nWeingartenstraße 46, …\nMarkus Stein, Leiter des Bauhofs\nTelefon …").
  if (!contacts.length && footer.trim()) contacts = parseContactBlock(footer.replace(/^#{1,6}\s+.*$/gm, '')).filter((c) => c.phone || c.email);
  // "Und falls Sie noch Kontaktdaten brauchen: Petra Lenz, Seniorenbeauftragte, Telefon …" within an answer.
  if (!contacts.length) contacts = parseContactBlock(answerTexts.flatMap((a) => a.split('\n')).filter((l) => /@|\bTel/.test(l)).map((l) => l.replace(/^.*?:\s+(?=\p{Lu})/u, '')).join('\n\n')).filter((c) => c.phone || c.email);
  if (!contacts.length && signature?.contacts.length) {
    contacts = signature.contacts;
    warnings.push(warning('contacts', 'guessed', 'Ansprechperson: aus der Unterschrift bzw. Signatur übernommen. Bitte prüfen.'));
  }
  const funding = extractFunding(allAnswers);
  if (funding.unnamed) warnings.push(warning('funding', 'ambiguous', 'Finanzierung: eine Förderung wird erwähnt, der Geldgeber wurde aber nicht erkannt. Bitte ergänzen.'));
  // The sponsor's own name is not a funder ("… e. V. unterstützt …" in a funding sentence).
  const sources = funding.sources.filter((s) => s.name !== sponsor?.name);
  const periodFound = header.period ?? findPeriod(allAnswers);
  const documentWide = extractDocumentWide(text);
  warnings.push(...header.warnings, ...documentWide.warnings);
  // Places named in the answers, then those in the title ("Inklusive Ferienspiele im Werra-Meißner-Kreis").
  let places = header.places ?? placesFromProse(dedupePlaces([...findPlaces(allAnswers), ...findPlaces(title)]), sponsor).slice(0, 50);
  // "Kommune: Stadt Neu-Anspach" beside "Landkreis: Hochtaunuskreis": the municipality that fills in
  // the form is a place as well as the district the header names.
  if (header.places?.length) {
    const own = placesFromSponsor(sponsor)[0];
    if (own && !places.some((p) => (own.regionId ? p.regionId === own.regionId : p.label.toLowerCase() === own.label.toLowerCase()))) places = [own, ...places];
  }
  // "Gemeinde Fischbachtal (Landkreis Darmstadt-Dieburg)" at the top: the district is a place too.
  const district = header.sponsor ? header.sponsorDistrict : (headed?.district ?? (sponsor?.name === proseSponsor?.name ? proseSponsor?.district : null));
  if (district && !header.places) places = dedupePlaces([...places, ...(places.length ? [] : placesFromSponsor(sponsor)), ...findPlaces(district)]);
  if (!places.length) {
    // The municipality that fills in the questionnaire is where the project runs.
    places = placesFromSponsor(sponsor);
    if (places.length) warnings.push(warning('places', 'guessed', 'Durchführungsort: nicht angegeben; der Ort des Projektträgers wurde übernommen. Bitte prüfen.'));
  }

  const content: ContributionContentInput = {
    kind: 'projekt',
    title,
    // The answers carry the text; a description is written by the editor.
    teaser: null,
    description: null,
    purpose: header.purpose,
    answers,
    sponsor,
    contacts,
    partners: header.partners ?? findPartnersInProse(allAnswers),
    places,
    period: periodFound ? { start: periodFound.start, end: periodFound.end, text: periodFound.text } : {},
    participation: findParticipation(allAnswers),
    funding: header.funding ?? { sources, grantCents: funding.grantCents, ownCents: funding.ownCents, totalCents: funding.totalCents, text: funding.text },
    legalReferences: documentWide.legalReferences,
    targetGroups: header.targetGroups ?? findTargetGroupsInProse(allAnswers),
    links: documentWide.links,
  };
  return { ok: true, content, warnings: [...warnings, ...missingFieldWarnings(content)] };
}
