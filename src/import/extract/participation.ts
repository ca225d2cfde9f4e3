import type { Participation } from '../../domain/contribution.ts';
import { clip, splitSentences } from '../text.ts';

/*
 * Whether other municipalities can still join. A sentence about joining that is negated
 * ("können keine weiteren Landkreise teilnehmen", "Teilnahme ist abgeschlossen") means closed;
 * one that offers it ("können sich bewerben", "Teilnahme ist möglich") means open.
 * Closed is checked first because the negated sentences also contain the open wording.
 */
const joinVerb = String.raw`(?:teilnehmen|beitreten|anschließen|bewerben|beteiligen|mitmachen|einsteigen|aufgenommen\s+werden|dazukommen)`;
const closedPatterns = [
  new RegExp(String.raw`\b(?:können|kann|dürfen|darf)\b[^.!?]*\b(?:keine|nicht|nicht mehr)\b[^.!?]*\b${joinVerb}`, 'iu'),
  /\bTeilnahme\b[^.!?]*\b(?:ist|sind|war)\s+(?:nicht\s+(?:mehr\s+)?möglich|abgeschlossen|beendet|geschlossen|ausgeschlossen)/iu,
  /\b(?:Bewerbungsfrist|Anmeldefrist)\b[^.!?]*\b(?:abgelaufen|beendet|vorbei)/iu,
  /\bkeine\s+(?:neuen|weiteren)\s+(?:Teilnehm|Kommunen|Landkreise|Standorte|Gemeinden|Städte)[^.!?]*\b(?:möglich|aufgenommen)/iu,
  /\b(?:Teilnahme|Anmeldung(?:en)?|Bewerbung(?:en)?|Einstieg|Beitritt)\b[^.!?]*\bnicht\s+(?:mehr\s+)?möglich/iu,
  /\bausgebucht\b/iu,
];
const openPatterns = [
  // (A date "31. Januar 2026" stays inside the sentence.)
  new RegExp(String.raw`\b(?:können|kann)\s+sich\b(?:[^.!?]|(?<=\d)\.(?=\s?[\d\p{L}]))*\b(?:bewerben|anschließen|beteiligen|melden|anmelden)`, 'iu'),
  /\bTeilnahme\b[^.!?]*\b(?:ist|sind)\s+(?:jederzeit\s+|weiterhin\s+|noch\s+|ab\s+sofort\s+)?möglich/iu,
  new RegExp(String.raw`\b(?:können|kann)\b[^.!?]*\b(?:weitere|neue|interessierte)\b[^.!?]*\b${joinVerb}`, 'iu'),
  /\boffen\s+für\s+(?:weitere|neue|interessierte)\b/iu,
  // "Anträge für 2026 können vom 1. Februar bis zum 30. September eingereicht werden." (a date stays inside)
  /\b(?:Anträge|Bewerbungen|Anmeldungen)\b(?:[^.!?]|(?<=\d)\.(?=\s?[\d\p{L}]))*\b(?:können|kann)\b(?:[^.!?]|(?<=\d)\.(?=\s?[\d\p{L}]))*\b(?:eingereicht|gestellt|abgegeben)\s+werden/iu,
  // "Wer im Umweltteam mitmachen möchte, ist herzlich willkommen!"
  new RegExp(String.raw`\bWer\b[^.!?]*\b${joinVerb}[^.!?]*\b(?:ist|sind)\b[^.!?]*\bwillkommen\b`, 'iu'),
  // "Anträge für das laufende Jahr sind jeweils bis zum 31. März beim Kreisausschuss einzureichen." (a date stays inside)
  /\b(?:Anträge|Bewerbungen|Anmeldungen)\b(?:[^.!?]|(?<=\d)\.(?=\s?[\d\p{L}]))*\b(?:sind|ist)\b(?:[^.!?]|(?<=\d)\.(?=\s?[\d\p{L}]))*\b(?:einzureichen|zu\s+stellen|abzugeben)\b/iu,
  // "Neue Fahrerinnen und Fahrer sind jederzeit willkommen."
  /\b(?:weitere|neue|interessierte)\b[^.!?]*\b(?:sind|ist)\b[^.!?]*\bwillkommen\b/iu,
  // "Die Teilnahme steht allen Kommunen offen."
  /\b(?:steht|stehen)\b[^.!?]*\b(?:allen|weiteren|interessierten|neuen)\b[^.!?]*\boffen\b/iu,
  // "Weitere Geschäfte können jederzeit mitmachen."
  new RegExp(String.raw`\b(?:weitere|neue|interessierte)\b[^.!?]*\b(?:können|kann|dürfen|darf)\b[^.!?]*\b${joinVerb}`, 'iu'),
  // "Anmeldungen sind bis 30.06.2025 möglich.", "Ein Einstieg ist jederzeit möglich."
  // (Dates such as "30.06.2025" stay inside the sentence.)
  /\b(?:Anmeldung(?:en)?|Bewerbung(?:en)?|Einstieg|Beitritt|Teilnahme)\b(?:[^.!?]|(?<=\d)\.(?=\d))*\b(?:ist|sind)\b(?!(?:[^.!?]|(?<=\d)\.(?=\d))*\b(?:nicht|keine?)\b)(?:[^.!?]|(?<=\d)\.(?=\d))*\bmöglich\b/iu,
];

// Every open pattern needs one of these words (a quick test before the patterns).
const openWord = /einzureichen|zu stellen|abzugeben|bewerb|anschließ|beteilig|melden|anmeld|Teilnahme|möglich|offen|willkommen|eingereicht|gestellt|abgegeben|teilnehm|beitret|mitmach|einsteig|aufgenommen|dazukomm/i;

const quotation = /^\s*[„"»].*[“"«],?\s+(?:sagte|sagt|so|erklärte|erklärt|betonte|betont|meinte|freut sich)\b/u;

const participationWord = /Anträge|Bewerbungen|willkommen|teilnehm|beitret|anschließ|bewerb|beteilig|mitmach|einsteig|aufgenommen|dazukomm|Teilnahme|frist|ausgebucht|offen|möglich|Anmeld|Einstieg|Beitritt|melden/i;

export function findParticipation(text: string): Pick<Participation, 'status' | 'text'> {
  // Every pattern names one of these words; without them there is nothing to look for.
  if (!participationWord.test(text)) return { status: 'unknown', text: null };
  // A quotation ("„Mit dem Modell können sich Bürgerinnen und Bürger … beteiligen“, sagte …") and a
  // sentence about money ("schon ab 250 Euro … beteiligen") speak of something else than joining.
  const sentences = splitSentences(text).filter((s) => !quotation.test(s) && !(/beteilig/i.test(s) && /\d\s*(?:€|Euro\b|EUR\b)/.test(s)));
  for (const s of sentences) if (closedPatterns.some((p) => p.test(s))) return { status: 'closed', text: clip(s, 2000) };
  for (const s of sentences) if (openWord.test(s) && openPatterns.some((p) => p.test(s))) return { status: 'open', text: clip(s, 2000) };
  return { status: 'unknown', text: null };
}
