import type { ContributionKind } from '../../domain/contribution.ts';
import { kindFieldLabels } from '../fields.ts';

/*
 * The kind of a contribution: most documents describe a project ("Praxisbeispiel"); a funding
 * programme, an advisory offer or a publication say so in their heading or by the sections such
 * documents have. The cues are data; a document is only given another kind than "projekt" when
 * its heading names the kind or at least two of its typical sections or phrases occur.
 */
interface KindCues {
  kind: Exclude<ContributionKind, 'projekt'>;
  /** Words in the title or heading that name the kind. */
  title: RegExp;
  /** Sections and phrases typical of the kind; two are needed. */
  body: RegExp[];
}

const cues: KindCues[] = [
  {
    kind: 'foerderung',
    // Word-initial: "Zisternenförderprogramm" of a city for its households is one of its projects.
    title: /(?<!\p{L})(?:Förderprogramm|Förderrichtlinie|Förderaufruf|Förderfonds|Zuschussprogramm|Förderwettbewerb)/iu,
    body: [/Antragsfrist|Anträge\s+(?:können|sind)/i, /antragsberechtigt|Wer\s+kann\s+(?:einen\s+Antrag|gefördert)/i, /Fördersatz|Förderquote\s+(?:beträgt|von)|Höchstbetrag|höchstens\s+[\d.]+\s*(?:€|Euro)/i, /Was\s+wird\s+gefördert|Fördergegenst/i, /Bewilligung|Verwendungsnachweis/i],
  },
  {
    kind: 'beratung',
    title: /Beratungsangebot|Beratungsstelle|Sprechstunde|Coaching/i,
    body: [/\bWir\s+beraten\b|Beratungsangebot|unsere\s+Beratung|kostenlose\s+(?:\p{L}+-)*[Bb]eratung|Beratung\s+ist\s+kostenfrei|die\s+Beratung\s+kostenfrei/iu, /So\s+läuft\s+die\s+Beratung|Ablauf\s+der\s+Beratung|Beratungsgespräch|Erstgespräch|Auftaktgespräch/i, /Für\s+wen\?|richtet\s+sich\s+an|Wer\s+kann\s+[^?\n]{0,40}nutzen\?/i],
  },
  {
    kind: 'material',
    title: /Leitfaden|Praxisleitfaden|Handreichung|Arbeitshilfe|Broschüre|Checkliste|Handbuch|Toolkit|Musterdokument|Mustersatzung|Publikation/i,
    body: [/\bHerausgeber(?:in)?\s*:|\bHrsg\.\s*:/i, /Erscheinungsjahr|\b\d+\s+Seiten\b|\bISBN\b/i, /herunterladen|Download|\(PDF\)|bestellt\s+werden/i],
  },
];

// "Art des Beitrags" with "Beratungsangebot" ticked, "typ = Förderprogramm", "| Art des Angebots | Beratung |":
// a field that names the kind (its labels are those of fields.ts).
const kindField = new RegExp(
  String.raw`^[ \t]*\|?[ \t]*(?:${[...kindFieldLabels].sort((a, b) => b.length - a.length).map((l) => l.replace(/\s+/g, String.raw`\s+`)).join('|')})(?![\p{L}])[ \t]*[:|]?[ \t]*(?:\n[ \t]*)?([^\s|][^\n|]{0,80})`,
  'imu',
);
// The kind's own word as a field's value ("Beratung", "Material").
const kindWords: ReadonlyArray<readonly [Exclude<ContributionKind, 'projekt'>, RegExp]> = [
  ['foerderung', /^(?:Förderung|Förderprogramm|Fördermöglichkeit)\b/i],
  ['beratung', /^(?:Beratung|Beratungsangebot)\b/i],
  ['material', /^(?:Material|Materialien|Publikation)\b/i],
];
// A grant notice or an approval names the programme that pays, but the record is the project it pays for.
const grantNotice = /Zuwendungsbescheid|Bewilligungsbescheid|Förderbescheid|Zuwendungsempfänger(?:in)?\b/i;

/** The kind named by a field, the title or shown by the body; "projekt" when nothing says otherwise. */
export function detectKind(title: string, text: string): { kind: ContributionKind; reason: string | null } {
  const field = kindField.exec(text)?.[1]?.trim();
  if (field) {
    if (/Praxisbeispiel|\bProjekt\b/i.test(field)) return { kind: 'projekt', reason: null };
    for (const c of cues) if (c.title.test(field)) return { kind: c.kind, reason: `„${field}“ als Art angegeben` };
    for (const [kind, word] of kindWords) if (word.test(field)) return { kind, reason: `„${field}“ als Art angegeben` };
  }
  for (const c of cues) {
    const inTitle = c.title.exec(title)?.[0];
    if (inTitle) return { kind: c.kind, reason: `„${inTitle}“ im Titel` };
  }
  for (const c of cues) {
    if (c.kind === 'foerderung' && grantNotice.test(text)) continue;
    const found = c.body.map((p) => p.exec(text)?.[0]).filter((m): m is string => Boolean(m));
    if (found.length >= 2) return { kind: c.kind, reason: found.slice(0, 3).map((m) => `„${m}“`).join(', ') };
  }
  return { kind: 'projekt', reason: null };
}

