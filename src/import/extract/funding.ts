import type { FundingSource } from '../../domain/contribution.ts';
import { regions } from '../../domain/taxonomy.ts';
import { clip, splitSentences } from '../text.ts';
import { findAmounts as findAllAmounts, type Amount } from './money.ts';

/*
 * Funding: known funders are recognised by name and normalised to the nominative
 * ("im Rahmen des GKV-Bündnisses für Gesundheit" → "GKV-Bündnis für Gesundheit",
 * "des Hessischen Ministeriums für Soziales und Integration" → "Hessisches Ministerium für …").
 * Unknown funders are not guessed from grammar; the sentence is kept as text with a warning.
 */

export type FundingSourceDraft = Pick<FundingSource, 'name' | 'kind' | 'amountCents'>;
type Kind = FundingSource['kind'];

interface Funder {
  pattern: RegExp;
  kind: Kind;
  name: (m: RegExpExecArray) => string;
  /** Generic funders ("Krankenkassen") give way to a specific one of the same kind in the same sentence. */
  generic?: boolean;
  /** Read only when no other funder is named in the clause (a programme's name). */
  weak?: boolean;
}

// Capitalised words of a name, also with a lowercase adjective before a noun ("… und ländlichen Raum").
const NAMEWORD = String.raw`(?:(?!(?:der|die|das|den|dem|des|diese[mnrs]?|eine[mnrs]?|keine[mnrs]?|jede[mnrs]?|sowie|über|unter|oder|aber|weitere[mnrs]?|andere[mnrs]?)\s)\p{Ll}{3,}(?:en|er|es|e)\s+)?\p{Lu}[\p{L}-]*`;
const CAPWORDS = String.raw`${NAMEWORD}(?:(?:,\s*|\s+und\s+|\s+)${NAMEWORD})*`;

// "den Rest hat die Gemeinde getragen", "hat die Stadt mit 4.000 € bezahlt", "Die Setzlinge bezahlt die Stadt":
// the project's own municipality or organisation, named without a name of its own, pays.
// Also its council, which grants the money ("hat die Gemeindevertretung 15.000 Euro bereitgestellt").
const OWN_PAYER = String.raw`(?:die\s+(?:Gemeinde|Stadt|Kommune|Gemeindevertretung|Stadtverordnetenversammlung)|der\s+(?:Kreis|Landkreis|Träger|Verein|Verband|Kreistag|Gemeinderat|Stadtrat))`;
const OWN_SHARE =
  String.raw`(?<![\p{L}\p{N}])(?:(?:hat|haben|trägt|tragen|übernimmt|übernehmen|übernahm|trug)\s+(?:${OWN_PAYER}|wir)(?:\s+selbst)?(?:\s+[\p{L}\d.,€-]+){0,8}?\s+(?:getragen|übernommen|aufgebracht|bezahlt|finanziert|bereitgestellt)\b` +
  String.raw`|(?:bezahlt|finanziert|zahlt|trägt|übernimmt)\s+${OWN_PAYER}(?![\p{L}-]|\s+\p{Lu}))`;
const ownShare = new RegExp(OWN_SHARE, 'u');

const districtNames = regions
  .filter((r) => r.type === 'landkreis' && /kreis$/i.test(r.name))
  .map((r) => r.name)
  .join('|');

const funders: Funder[] = [
  { pattern: /GKV-Bündnis(?:ses)?\s+für\s+Gesundheit/u, kind: 'krankenkassen', name: () => 'GKV-Bündnis für Gesundheit' },
  { pattern: /gesetzlichen?\s+Krankenkassen?|\bKrankenkassen\b|\bGKV\b/u, kind: 'krankenkassen', name: () => 'Gesetzliche Krankenkassen', generic: true },
  { pattern: /\b(AOK(?:\s+Hessen)?|Techniker\s+Krankenkasse|BARMER|DAK-Gesundheit|IKK\s+classic)\b/u, kind: 'krankenkassen', name: (m) => m[1] ?? m[0] },
  {
    pattern: new RegExp(String.raw`Hessische[nmrs]?\s+(Ministeri(?:ums|um)|Staatskanzlei)(?:\s+(für|der|des)\s+(${CAPWORDS}))?`, 'u'),
    kind: 'land',
    name: (m) => (m[1]?.startsWith('Ministeri') ? `Hessisches Ministerium${m[2] ? ` ${m[2]} ${m[3]}` : ''}` : 'Hessische Staatskanzlei'),
  },
  { pattern: /Nachhaltigkeitsstrategie\s+Hessen/u, kind: 'land', name: () => 'Nachhaltigkeitsstrategie Hessen' },
  // In a Hessian document "das Land" is Hessen.
  { pattern: /\bLand(?:es)?\s+Hessen\b|\bLandes(?:mitteln?|zuwendung(?:en)?|zuschuss|zuschüsse[n]?|förderung|anteil)\b|\bLandesprogramm|\b(?:[Dd]as|[Dd]em|[Dd]es|vom)\s+Land(?:es)?\b(?![\p{L}-])/u, kind: 'land', name: () => 'Land Hessen', generic: true },
  {
    pattern: new RegExp(String.raw`Bundesministeri(?:ums|um)\s+(für|der|des)\s+(${CAPWORDS})`, 'u'),
    kind: 'bund',
    name: (m) => `Bundesministerium ${m[1]} ${m[2]}`,
  },
  { pattern: /\bBundesmitteln?\b|\bBund(?:es)?programm|\b(?:des|vom)\s+Bund(?:es)?\b|\bBund\b/u, kind: 'bund', name: () => 'Bund', generic: true },
  { pattern: /Europäische[nm]?\s+Sozialfonds?|\bESF\+?(?![\p{L}])/u, kind: 'eu', name: () => 'Europäischer Sozialfonds' },
  { pattern: /Europäische[nm]?\s+Fonds?\s+für\s+regionale\s+Entwicklung|\bEFRE\b/u, kind: 'eu', name: () => 'Europäischer Fonds für regionale Entwicklung' },
  { pattern: /\bLEADER\b/u, kind: 'eu', name: () => 'LEADER' },
  // Other EU programmes named like LEADER ("EU-Förderung aus dem LIFE-Programm").
  { pattern: /\b(LIFE|INTERREG|Interreg|ELER)\b/u, kind: 'eu', name: (m) => (m[1] === 'Interreg' ? 'INTERREG' : (m[1] ?? '')) },
  { pattern: /\bEU-Mitteln?\b|Europäischen\s+Union/u, kind: 'eu', name: () => 'Europäische Union', generic: true },
  {
    // "Stiftung Hessischer Naturschutz", "Sparkassen-Stiftung Dillenburg", "der Deutschen Bundesstiftung Umwelt" (nominative: "Deutsche").
    pattern: /((?:(?!(?:Die|Der|Das|Den|Dem|Des|Eine[nmrs]?|Diese[nmrs]?|Unsere[nmrs]?)\s)\p{Lu}\p{Ll}+(?:e|en|er|es)\s+)*\p{Lu}[\p{L}-]*[Ss]tiftung(?:\s+\p{Lu}[\p{L}-]*)*|Stiftung\s+\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*)/u,
    kind: 'stiftung',
    name: (m) => (m[1] ?? m[0]).replace(/^((?:\p{Lu}\p{Ll}+\s+)+)(?=\p{Lu}[\p{L}-]*[Ss]tiftung)/u, (adjectives: string) => adjectives.replace(/(\p{Ll})en(?=\s)/gu, '$1e')),
  },
  { pattern: /\bAktion\s+Mensch\b/u, kind: 'sonstige', name: () => 'Aktion Mensch' },
  { pattern: /\b(?:Deutschen?\s+)?Rentenversicherung\b/u, kind: 'sonstige', name: () => 'Deutsche Rentenversicherung' },
  { pattern: /\b(?:Bundes)?[Aa]gentur\s+für\s+Arbeit\b/u, kind: 'bund', name: () => 'Bundesagentur für Arbeit' },
  // The federal development bank ("KfW-Zuschuss (Programm 432)", "Kreditanstalt für Wiederaufbau").
  { pattern: /\bKfW\b|Kreditanstalt\s+für\s+Wiederaufbau/u, kind: 'bund', name: () => 'KfW' },
  {
    // After an article, at the start of a line ("Landkreis Darmstadt-Dieburg: 30.000 Euro") or in
    // parentheses after an amount ("Drittmittel: 25 T€ (Stadt Herborn)").
    pattern: /(?:\b(?:der|des|dem|vom)\s+|^[-*•]?\s*|\()(Stadt|Gemeinde|Landkreis(?:es)?|Kreis(?:es)?)\s+(\p{Lu}[\p{L}-]*(?:\s+am\s+Main)?)/u,
    kind: 'kommune',
    name: (m) => `${(m[1] ?? '').replace(/es$/, '')} ${m[2]}`,
  },
  {
    // "der Hochtaunuskreis beteiligt sich", "Zuschuss des Lahn-Dill-Kreises": a district named by its own
    // name (from the gazetteer), not as "Landkreis X".
    pattern: new RegExp(String.raw`\b(?:der|des|dem|vom)\s+(${districtNames})(?:es)?(?![\p{L}-])`, 'u'),
    kind: 'kommune',
    name: (m) => m[1] ?? '',
  },
  {
    // "die übrigen Kosten teilen sich die Kommunen": the municipalities together pay the rest.
    pattern: /\bkommunalen?\s+(?:Mitteln?|Haushalt)|\bHaushaltsmitteln?\b|(?<![\p{L}\p{N}])(?:teilen|teilten|tragen|trugen|übernehmen|übernahmen)\s+sich\s+(?:[^.;!?]{0,60}?\s)?die\s+(?:beteiligten\s+|\p{Ll}+\s+)?(?:Kommunen|Gemeinden|Städte)\b|\bdie\s+(?:beteiligten\s+)?(?:Kommunen|Gemeinden)\s+(?:tragen|übernehmen|teilen\s+sich)\b|(?<![\p{L}\p{N}])(?:tragen|übernehmen|zahlen)\s+die\s+(?:beteiligten\s+|beiden\s+|drei\s+|vier\s+)?(?:Kommunen|Gemeinden|Landkreise|Kreise)\b/u,
    kind: 'kommune',
    name: () => 'Kommunale Mittel',
    generic: true,
  },
  // "aus dem Gemeindehaushalt": the project's own municipality pays.
  { pattern: /\bEigenmitteln?\b|\bEigenanteil\b|\bEigenleistung\b|\bEigenkapital\b|\baus\s+eigenen\s+Mitteln\b|\baus\s+dem\s+(?:Gemeinde|Stadt)haushalt\b/u, kind: 'eigenmittel', name: () => 'Eigenmittel' },
  // "den Rest von ca. 12.000 Euro hat die Gemeinde getragen": the municipality that runs the project pays its share.
  { pattern: ownShare, kind: 'eigenmittel', name: () => 'Eigenmittel' },
  {
    // A programme named as the source of the money ("mit Mitteln aus dem Kommunalen Investitionsprogramm (KIP)"),
    // when no funder is named beside it; an adjective is put back into the nominative.
    pattern: /(?<![\p{L}\p{N}])(?:aus|über)\s+(?:Mitteln\s+(?:aus\s+)?)?(?:dem|des)\s+((?:\p{Lu}\p{Ll}+(?:en|er|es)\s+)?\p{Lu}[\p{L}-]*(?:programms?|fonds))(?![\p{L}-])/u,
    kind: 'sonstige',
    name: (m) => {
      const name = (m[1] ?? '').replace(/programms$/, 'programm');
      return name.replace(/^(\p{Lu}\p{Ll}+?)(?:en|er|es)(?=\s)/u, (_a, stem: string) => `${stem}${/fonds$/.test(name) ? 'er' : 'es'}`);
    },
    weak: true,
  },
];
// Programme names that say nothing about who pays: these are no funder of their own.
const genericProgramme = /^(?:(?:Förder|Landes|Bundes|Sonder|Investitions|Aktions|Modell|Pilot)?[Pp]rogramm|Fonds)$/u;

// Case-sensitive nouns so that "Gesundheitsförderung" is not read as a funding statement.
const fundingCue =
  /\bFörderung\b|\bFördermittel|\bFörderprogramm|[Gg]efördert|[Ff]inanziert|\bFinanzierung|aus Mitteln|\bZuwendung|\bZuschuss|\bEigenmittel|\bEigenanteil|\bGesamtkosten|\bLandesprogramm|\bBundesprogramm|\bLandesmittel|\bBundesmittel|\bkostete(?:n)?\b|\b(?:ge)?kostet\b|\bfördert\b|\bfinanzieren\b|\bbeteiligt sich\b|\b(?:Projekt|Personal|Sach)?[Kk]osten\b(?!los)|\bInvestition\b|aus eigenen Mitteln|\bgesponsert\b|\bgespendet\b|\bSpenden?\b|\bbezahlt\b|\bbezahlen\b|\bbereitgestellt\b|\bzahlt\s+die\b|\bausgegeben\b/;
// "0,35 € je Liter", "höchstens 5.000 € je Grundstück": a price or a cap per unit is no amount of the
// project's funding ("25.000 € pro Jahr" is: a yearly amount).
const perUnit = /^\s*(?:je|pro)\s+(?!Jahr\b|Monat\b|Haushaltsjahr\b|Saison\b|Quartal\b)\p{L}/u;
// "fahren für einen Eigenanteil von 5 Euro mit dem Taxi": the price a user pays, no money of the project.
const userPrice = /\bfür\s+(?:einen|eine|ein)\s+(?:Eigenanteil|Preis|Beitrag|Unkostenbeitrag|Gebühr)\s+von\s+(?:nur\s+|je\s+)?$/iu;
function findAmounts(text: string): Amount[] {
  const amounts = findAllAmounts(text).filter((a) => !perUnit.test(text.slice(a.index + a.text.length)) && !userPrice.test(text.slice(Math.max(0, a.index - 60), a.index)));
  // "Bau | 96.000 € | 144.000 € | 72.000 € | 312.000 €": a table row whose last cell sums up the years
  // before it states one amount, the sum.
  const last = amounts.at(-1);
  if (last && amounts.length >= 3 && text.includes('|') && !text.includes('\n') && amounts.slice(0, -1).reduce((sum, a) => sum + a.cents, 0) === last.cents) return [last];
  return amounts;
}

/*
 * Role words, as data: the role an amount plays is told by a word next to it. "third" (third-party
 * funds, donations) is a role of its own so that such an amount is not read as a grant.
 */
const roleCues: ReadonlyArray<readonly [Role, RegExp]> = [
  ['own', new RegExp(String.raw`${OWN_SHARE}|aus\s+dem\s+(?:Gemeinde|Stadt)haushalt|aus\s+eigenen\s+Mitteln|Eigenmittel\p{L}*|Eigenanteil\p{L}*|Eigenleistung\p{L}*|Eigenkapital|\b[Kk]ommunale[rn]?\s+(?:Eigen)?[Aa]nteil`, 'giu')],
  ['third', /Drittmittel\p{L}*|Spenden\p{L}*|Sponsoring|gesponsert|gespendet/giu],
  ['total', /(?<!%\s+der\s+)(?:[Zz]uwendungs|[Ff]örder)fähigen?\s+(?:Gesamt)?(?:Ausgaben|Kosten)|Gesamtauszahlung\p{L}*|\bSumme\b|\bGesamt\b|Gesamtkosten|Gesamtausgaben|Gesamtvolumen|Gesamtbudget|Gesamtsumme|Projektvolumen|Gesamtfinanzierung|Gesamtinvestition\p{L}*|Investitionsvolumen|Investitionssumme|\bInvestition\b|\b(?:Projekt|Personal|Sach|Investitions)?[Kk]osten\b(?!los)|\b(?:ge)?kostet(?:e|en)?\b|\bBudget\b|\bausgegeben\b/gu],
  ['grant', /Zuwendung(?!sempf)\p{L}*|Zuweisung\p{L}*|Fördersumme|Förderbetrag|Fördermittel\p{L}*|Förderung|gefördert|\bfördert\b|Zuschuss|Zuschüsse|bezuschusst|Landesmittel\p{L}*|Bundesmittel\p{L}*/giu],
];
const ownCue = /Eigenmittel|Eigenanteil|Eigenleistung|Eigenkapital|kommunale[rn]?\s+(?:Eigen)?Anteil/i;
const totalCue = /Gesamtkosten|Gesamtausgaben|Gesamtvolumen|Gesamtbudget|Projektvolumen|Gesamtfinanzierung|Projektkosten|Gesamtinvestition|Investitionsvolumen|Investitionssumme/i;

export interface ExtractedFunding {
  sources: FundingSourceDraft[];
  grantCents: number | null;
  ownCents: number | null;
  totalCents: number | null;
  text: string | null;
  /** A funding statement was found but no funder could be named. */
  unnamed: boolean;
}

/** Funders named in one clause (a line or a sentence). */
export function findFunders(clause: string): FundingSourceDraft[] {
  return funderHits(clause).map((h) => h.source);
}

function funderHits(clause: string): Array<{ index: number; source: FundingSourceDraft }> {
  let hits: Array<{ index: number; end: number; source: FundingSourceDraft; generic: boolean }> = [];
  for (const f of funders) {
    const m = f.pattern.exec(clause);
    if (!m) continue;
    const name = f.name(m).trim();
    if (f.weak && (hits.some((h) => h.source.kind !== 'eigenmittel') || genericProgramme.test(name))) continue;
    hits.push({ index: m.index, end: m.index + m[0].length, source: { name, kind: f.kind, amountCents: null }, generic: f.generic ?? false });
  }
  // A funder not in the list, named after a funding verb ("gefördert von der Umweltlotterie GENAU").
  for (const m of [...clause.matchAll(namedFunder), ...clause.matchAll(subjectFunder), ...clause.matchAll(genitiveFunder)]) {
    // subjectFunder names the funder in its first or its second group (verb before or after it).
    const captured = m[1] ?? m[2] ?? '';
    const from = m[1] !== undefined || m[2] === undefined ? m.index + m[0].length - captured.length : m.index + m[0].indexOf(captured);
    const name = captured.replace(/(?:\s+(?:für|der|des|und|mit|im|in))+$/u, '').trim();
    // A known funder already covers the words ("Zuschuss des Landes" is the Land Hessen).
    if (name.length < 4 || hits.some((h) => h.index < from + name.length && h.end > from)) continue;
    if (/^(?:Projekt|Vorhaben|Maßnahme|Programm|Förderung|Mittel|Jahr|Rahmen|Bürger|Eltern|Mitglieder|Einwohner|Anwohner|Teilnehm|Besucher)/u.test(name)) continue;
    // "die Gemeinde", "die Stadt" without a name: the project's own municipality (own funds, see OWN_SHARE).
    if (/^(?:Gemeinde|Stadt|Kommune|Kreis|Landkreis|Verein|Verband|Träger)$/u.test(name)) continue;
    hits.push({ index: from, end: from + name.length, source: { name: clip(name, 300), kind: /stiftung/i.test(name) ? 'stiftung' : 'sonstige', amountCents: null }, generic: false });
  }
  // "teilen sich der Vogelsbergkreis und die drei Gemeinden": a body named inside the words of a generic
  // funder is one of the payers it sums up, not a funder of its own.
  const summed = hits.filter((h) => !h.generic && hits.some((o) => o.generic && o.source.kind === h.source.kind && o.index <= h.index && h.end <= o.end));
  hits = hits.filter((h) => !summed.includes(h));
  // "Stadt Hanau (Eigenmittel)": the municipality's own funds are the own funds, not a funder of their own.
  const ownFunds = hits.filter((h) => h.source.kind === 'eigenmittel');
  const kept = hits.filter(
    (h) =>
      (!h.generic || !hits.some((o) => !o.generic && o.source.kind === h.source.kind)) &&
      !(h.source.kind === 'kommune' && ownFunds.some((o) => o.index > h.index && /^[^()]*\($/.test(clause.slice(h.index, o.index)) && o.index - h.index < 60)),
  );
  return kept.sort((a, b) => a.index - b.index).map((h) => ({ index: h.index, source: h.source }));
}

/** Names of the generic funders ("Land Hessen", "Bund" …), which give way to a specific one of their kind. */
const genericNames = new Set(['Land Hessen', 'Bund', 'Europäische Union', 'Gesetzliche Krankenkassen', 'Kommunale Mittel']);

/** Drops a generic funder when the text also names a specific one of the same kind ("Land Hessen" beside a ministry). */
export function dropGenericFunders<T extends FundingSourceDraft>(sources: T[]): T[] {
  return sources.filter((s) => !genericNames.has(s.name) || !sources.some((o) => o !== s && o.kind === s.kind && !genericNames.has(o.name)));
}

// "gefördert (wurde das Projekt) von der X", "Förderung durch die X", "finanziert aus Mitteln der X".
const NAME = String.raw`\p{Lu}[\p{L}\d-]*(?:\s+(?:\p{Lu}[\p{L}\d-]*|für|der|des|und)(?=\s|$|[.,;:!?)]))*`;
const namedFunder = new RegExp(
  String.raw`(?:(?:[Gg]efördert|[Ff]inanziert|unterstützt|Zuwendung|Zuschuss)(?:\s+(?!durch|von|vom)\p{L}+){0,4}?\s+(?:durch|von|vom)|(?:Förderung|Finanzierung)\s+durch)\s+(?:(?:der|die|das|den|dem|des)\s+)?(${NAME})`,
  'gu',
);

// "Den Bauwagen hat der Förderverein mit Spenden … finanziert", "Die Sparkasse hat Schilder mit 4.500 € gesponsert":
// the funder as the subject of the verb, after or before the auxiliary.
const PAID = String.raw`(?:finanziert|bezuschusst|gefördert|bezahlt|gesponsert|gespendet)`;
const subjectFunder = new RegExp(
  String.raw`\b(?:hat|haben|hatte|hatten)\s+(?:der|die|das)\s+(${NAME})(?=(?:\s+[\p{L}\d.,€-]+){0,12}?\s+${PAID}\b)` +
    // Not "Die Erstausstattung hat die Stadt … bezahlt": there the thing paid for comes first.
    String.raw`|(?:^|(?<=[.;!?]\s))(?:Der|Die|Das)\s+(${NAME})\s+(?:hat|hatte)\s+(?!(?:der|die|das|den|dem)\s)(?=(?:[\p{L}\d.,€-]+\s+){0,12}?${PAID}\b)`,
  'gu',
);

// "Zuschuss der Umweltlotterie GENAU", "Fördermittel des Landkreises": the giver in the genitive
// (not after "Förderung", which is as often the cause promoted: "Förderung der Gesundheit").
const genitiveFunder = new RegExp(String.raw`\b(?:Zuschuss|Zuschüsse|Zuwendung(?:en)?|Fördermittel[n]?|Spenden?|Fördergeld(?:er)?)\s+(?:der|des|vom)\s+(${NAME})`, 'gu');

type Role = 'grant' | 'own' | 'total' | 'third';

interface Cue {
  role: Role;
  index: number;
  end: number;
}

// "Rest Eigenmittel", "der übrige Eigenanteil": a role whose amount the text does not state.
const remainder = /(?<!\p{L})(?:Rest|restlichen?|übrigen?|verbleibenden?)\s+$/iu;

function findCues(clause: string): Cue[] {
  const cues: Cue[] = [];
  for (const [role, pattern] of roleCues)
    for (const m of clause.matchAll(pattern)) {
      if (remainder.test(clause.slice(Math.max(0, m.index - 16), m.index))) continue;
      if (!cues.some((c) => m.index < c.end && m.index + m[0].length > c.index)) cues.push({ role, index: m.index, end: m.index + m[0].length });
    }
  return cues.sort((a, b) => a.index - b.index);
}

/**
 * The role of every amount in a clause, from the role words next to it:
 * 1. a role word right after the amount ("53.000 Euro Eigenmittel") binds it;
 * 2. otherwise a role word takes the first amount after it, before the next role word
 *    ("Gesamtkosten 240.000 €, davon Zuwendung 150.000 € und Eigenanteil 90.000 €");
 * 3. an amount still without role takes the nearest free role word after it, else the nearest
 *    one before it, else the label's role ("Eigenanteil: 25 T€"), else none.
 * Each role word explains one amount in steps 1 and 2, so the grant's word is not taken by the
 * amount of the own funds that follows it.
 */
function assignRoles(clause: string, amounts: readonly Amount[], labelRole: Role | null): Array<Role | null> {
  const cues = findCues(clause);
  // "36.000 Euro, davon 27.000 Euro …": the amount before "davon" is the whole.
  // "der Umbaukosten von insgesamt 80.000 Euro": the costs' sum is the whole ("Förderung … mit insgesamt 112 T€" is not).
  const roles: Array<Role | null> = amounts.map((a) =>
    /^\s*[,–-]\s*davon\b/.test(clause.slice(a.index + a.text.length)) || /(?:[Kk]osten|Ausgaben|Investitionen)\s+von\s+insgesamt\s+(?:rund\s+|ca\.\s+|etwa\s+)?$/.test(clause.slice(Math.max(0, a.index - 60), a.index)) ? 'total' : null,
  );
  const used = new Set<Cue>();
  // "hat die Stadt mit 4.000 € bezahlt": the amount stands inside the words that give its role.
  amounts.forEach((a, i) => {
    const around = roles[i] === null ? cues.find((c) => !used.has(c) && c.index <= a.index && a.index + a.text.length <= c.end) : undefined;
    if (around) {
      roles[i] = around.role;
      used.add(around);
    }
  });
  amounts.forEach((a, i) => {
    if (roles[i] !== null) return;
    const end = a.index + a.text.length;
    const tight = cues.find((c) => !used.has(c) && c.index >= end && /^\s{0,2}$/.test(clause.slice(end, c.index)));
    if (tight) {
      roles[i] = tight.role;
      used.add(tight);
    }
  });
  for (const cue of cues) {
    if (used.has(cue)) continue;
    const nextCue = cues.find((c) => c.index > cue.index);
    const i = amounts.findIndex((a, k) => roles[k] === null && a.index >= cue.end && (!nextCue || a.index < nextCue.index));
    if (i >= 0) {
      roles[i] = cue.role;
      used.add(cue);
    }
  }
  // "60.000 Euro kamen aus dem Programm …, 35.000 Euro brachte der Kreis als Eigenanteil auf": a role
  // word still free explains the nearest amount before it in its part of the sentence.
  for (const cue of cues) {
    if (used.has(cue)) continue;
    let i = -1;
    amounts.forEach((a, k) => {
      if (roles[k] === null && a.index + a.text.length <= cue.index && !/[,;]\s/.test(clause.slice(a.index + a.text.length, cue.index))) i = k;
    });
    if (i >= 0) {
      roles[i] = cue.role;
      used.add(cue);
    }
  }
  amounts.forEach((a, i) => {
    if (roles[i] !== null) return;
    const after = cues.find((c) => !used.has(c) && c.index >= a.index + a.text.length);
    // A total explains one amount: "Von den Gesamtkosten (540.000 Euro) übernimmt das Land 180.000 Euro".
    const before = [...cues].reverse().find((c) => c.end <= a.index && !(c.role === 'total' && used.has(c)));
    const role = after?.role ?? before?.role ?? labelRole;
    // "Budget: 480 TEUR, davon 360 TEUR LEADER": a part of the whole is not the whole.
    roles[i] = role === 'total' && /\bdavon\b/.test(clause.slice(0, a.index)) ? null : role;
  });
  return roles;
}

/**
 * Which amount belongs to which funder: the nearest amount whose role fits (own funds take the
 * own amount, other funders a grant or an amount without role), each amount once.
 */
function amountsForFunders(clause: string, hits: ReadonlyArray<{ index: number; source: FundingSourceDraft }>, amounts: readonly Amount[], roles: ReadonlyArray<Role | null>): void {
  if (hits.length === 1 && amounts.length === 1) {
    const only = hits[0];
    if (only) only.source.amountCents = amounts[0]?.cents ?? null;
    return;
  }
  const pairs: Array<{ hit: number; amount: number; distance: number }> = [];
  hits.forEach((h, hi) =>
    amounts.forEach((a, ai) => {
      const role = roles[ai] ?? null;
      const fits = h.source.kind === 'eigenmittel' ? role === 'own' : role === 'grant' || role === 'third' || role === null;
      // A funder and an amount in the same clause belong together before any across a comma.
      const between = clause.slice(Math.min(a.index, h.index), Math.max(a.index, h.index));
      if (fits) pairs.push({ hit: hi, amount: ai, distance: Math.abs(a.index - h.index) + (/[,;]\s/.test(between) ? 1000 : 0) });
    }),
  );
  const usedHits = new Set<number>();
  const usedAmounts = new Set<number>();
  for (const p of pairs.sort((a, b) => a.distance - b.distance)) {
    if (usedHits.has(p.hit) || usedAmounts.has(p.amount)) continue;
    const hit = hits[p.hit];
    if (hit) hit.source.amountCents = amounts[p.amount]?.cents ?? null;
    usedHits.add(p.hit);
    usedAmounts.add(p.amount);
  }
}

/**
 * Reads funding from text. In a fact sheet's "Finanzierung" field every line is a clause and
 * the label may imply the role ("Förderung: 50.000 EUR" is a grant); in prose only sentences
 * that speak about funding are read. Within a clause, ";" separates statements.
 */
export function extractFunding(text: string, options: { field?: boolean; labelRole?: Role | null } = {}): ExtractedFunding {
  const clauses = options.field
    ? text.split('\n').flatMap((l) => splitSentences(l)).filter((c) => c.trim())
    : splitSentences(text).filter((s) => fundingCue.test(s) && (findFunders(s).length > 0 || findAmounts(s).length > 0));
  const result: ExtractedFunding = { sources: [], grantCents: null, ownCents: null, totalCents: null, text: null, unnamed: false };
  const used: Array<{ clause: string; names: string[]; amounts: number }> = [];
  let fieldAmounts = 0;
  // Amounts without role word that a funder other than own funds gives: the grant, if only one.
  const funderAmounts: number[] = [];
  for (const clause of clauses) {
    const hits = funderHits(clause);
    const amountsInClause = findAmounts(clause);
    fieldAmounts += amountsInClause.length;
    for (const part of clause.split(';')) {
      const partHits = funderHits(part);
      const amounts = findAmounts(part);
      // "Kosten: rund 1,1 Mio. Euro; das Land Hessen übernimmt … 780.000 Euro": the label's total is one amount, the first.
      const fromLabel = options.labelRole === 'total' && result.totalCents !== null ? null : (options.labelRole ?? null);
      const roles = assignRoles(part, amounts, fromLabel);
      amounts.forEach((a, i) => {
        const role = roles[i];
        if (role === 'grant') result.grantCents ??= a.cents;
        if (role === 'own') result.ownCents ??= a.cents;
        if (role === 'total') result.totalCents ??= a.cents;
      });
      amountsForFunders(part, partHits, amounts, roles);
      amounts.forEach((a, i) => {
        if (roles[i] === null && partHits.some((h) => h.source.kind !== 'eigenmittel' && h.source.amountCents === a.cents)) funderAmounts.push(a.cents);
      });
      for (const h of partHits) {
        const same = hits.find((o) => o.source.name === h.source.name);
        if (same && h.source.amountCents !== null) same.source.amountCents ??= h.source.amountCents;
      }
    }
    for (const { source } of hits) {
      const known = result.sources.find((r) => r.name === source.name);
      if (!known) result.sources.push(source);
      else known.amountCents ??= source.amountCents;
    }
    if (hits.length || amountsInClause.length || options.field) used.push({ clause: options.field ? clause.trim() : clause.trim().replace(/^[-*•]\s+/, ''), names: hits.map((h) => h.source.name), amounts: amountsInClause.length });
  }
  result.sources = dropGenericFunders(result.sources);
  // A sentence that only named a generic funder given way to a specific one ("Nachdem das Land
  // Hessen das Förderprogramm aufgelegt hatte, …" beside "Förderung des Hessischen Ministeriums …") says nothing more.
  const telling = options.field ? used : used.filter((u) => u.amounts > 0 || u.names.some((n) => result.sources.some((s) => s.name === n)));
  if (!options.field && used.length === 0) {
    // Funding mentioned, but neither funder nor amount recognised: keep the sentence for the editor.
    // The verb, not the adjective: "die geförderten Projekte" says nothing about this project's funding.
    const mention = splitSentences(text).find((s) => /\bgefördert\b|\bfinanziert\b|Förderung erfolgt|Finanzierung erfolgt|aus Mitteln/i.test(s));
    if (mention) {
      result.text = clip(mention, 2000);
      result.unnamed = true;
    }
    return result;
  }
  // "Projektkosten: 85.000 Euro aus Eigenmitteln": the amount is the total, whatever else it is.
  if (options.labelRole === 'total' && fieldAmounts === 1) result.totalCents ??= findAmounts(text)[0]?.cents ?? null;
  if (result.grantCents === null && funderAmounts.length === 1) result.grantCents = funderAmounts[0] ?? null;
  // "Das Land Hessen gibt Geld für das Projekt. … Es sind 90.000 Euro.": a funding section that names one
  // funder and one amount, without a word for its role, states what that funder gives.
  const lone = result.sources.length === 1 ? result.sources[0] : undefined;
  if (options.field && !options.labelRole && lone && lone.kind !== 'eigenmittel' && lone.amountCents === null && fieldAmounts === 1 && result.grantCents === null && result.ownCents === null && result.totalCents === null) {
    lone.amountCents = findAmounts(text)[0]?.cents ?? null;
    result.grantCents = lone.amountCents;
  }
  const joined = options.field ? text.replace(/\*\*/g, '').replace(/[ \t]+/g, ' ').replace(/ \n/g, '\n').trim() : telling.map((u) => u.clause).join(' ');
  result.text = joined ? clip(joined, 2000) : null;
  result.unnamed = result.sources.length === 0 && result.text !== null;
  completeSourceAmounts(result);
  if (result.sources.length > 20) result.sources = result.sources.slice(0, 20);
  return result;
}

/**
 * Amounts stated apart from their funder ("Fördermittelgeber: X" and "Zuwendung: 210 T€" on
 * separate lines): own funds take the own amount, and a single other funder without amount the
 * grant, when no funder has it yet.
 */
export function completeSourceAmounts(funding: { sources: FundingSourceDraft[]; grantCents: number | null; ownCents: number | null }): void {
  for (const s of funding.sources) if (s.kind === 'eigenmittel' && s.amountCents === null) s.amountCents = funding.ownCents;
  const withoutAmount = funding.sources.filter((s) => s.kind !== 'eigenmittel' && s.amountCents === null);
  const only = withoutAmount.length === 1 ? withoutAmount[0] : undefined;
  if (only && funding.grantCents !== null && !funding.sources.some((s) => s.amountCents === funding.grantCents)) only.amountCents = funding.grantCents;
}

export function labelRole(label: string): Role | null {
  if (/\?$/.test(label.trim())) return null;
  if (ownCue.test(label)) return 'own';
  if (/Drittmittel|Spenden|Sponsoring/i.test(label)) return 'third';
  if (totalCue.test(label) || /^(?:Kosten|Budget|Kostenrahmen)$/i.test(label.trim())) return 'total';
  if (/Förder|Zuwendung|Zuschuss/i.test(label)) return 'grant';
  return null;
}
