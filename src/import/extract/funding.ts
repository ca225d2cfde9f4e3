import type { FundingSource } from '../../domain/contribution.ts';
import { clip, splitSentences } from '../text.ts';
import { findAmounts } from './money.ts';

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
}

// Capitalised words of a name, also with a lowercase adjective before a noun ("… und ländlichen Raum").
const NAMEWORD = String.raw`(?:(?!(?:der|die|das|den|dem|des|diese[mnrs]?|eine[mnrs]?|keine[mnrs]?|jede[mnrs]?|sowie|über|unter|oder|aber|weitere[mnrs]?|andere[mnrs]?)\s)\p{Ll}{3,}(?:en|er|es|e)\s+)?\p{Lu}[\p{L}-]*`;
const CAPWORDS = String.raw`${NAMEWORD}(?:(?:,\s*|\s+und\s+|\s+)${NAMEWORD})*`;

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
  { pattern: /\bLand(?:es)?\s+Hessen\b|\bLandesmitteln?\b|\bLandesprogramm/u, kind: 'land', name: () => 'Land Hessen', generic: true },
  {
    pattern: new RegExp(String.raw`Bundesministeri(?:ums|um)\s+(für|der|des)\s+(${CAPWORDS})`, 'u'),
    kind: 'bund',
    name: (m) => `Bundesministerium ${m[1]} ${m[2]}`,
  },
  { pattern: /\bBundesmitteln?\b|\bBund(?:es)?programm/u, kind: 'bund', name: () => 'Bund', generic: true },
  { pattern: /Europäische[nm]?\s+Sozialfonds?|\bESF\+?(?![\p{L}])/u, kind: 'eu', name: () => 'Europäischer Sozialfonds' },
  { pattern: /Europäische[nm]?\s+Fonds?\s+für\s+regionale\s+Entwicklung|\bEFRE\b/u, kind: 'eu', name: () => 'Europäischer Fonds für regionale Entwicklung' },
  { pattern: /\bLEADER\b/u, kind: 'eu', name: () => 'LEADER' },
  { pattern: /\bEU-Mitteln?\b|Europäischen\s+Union/u, kind: 'eu', name: () => 'Europäische Union', generic: true },
  { pattern: /(\p{Lu}[\p{L}-]*[Ss]tiftung(?:\s+\p{Lu}[\p{L}-]*)*|Stiftung\s+\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*)/u, kind: 'stiftung', name: (m) => m[1] ?? m[0] },
  { pattern: /\bAktion\s+Mensch\b/u, kind: 'sonstige', name: () => 'Aktion Mensch' },
  { pattern: /\b(?:Deutschen?\s+)?Rentenversicherung\b/u, kind: 'sonstige', name: () => 'Deutsche Rentenversicherung' },
  { pattern: /\b(?:Bundes)?[Aa]gentur\s+für\s+Arbeit\b/u, kind: 'bund', name: () => 'Bundesagentur für Arbeit' },
  {
    pattern: /\b(?:der|des|dem|vom)\s+(Stadt|Gemeinde|Landkreis(?:es)?|Kreis(?:es)?)\s+(\p{Lu}[\p{L}-]*(?:\s+am\s+Main)?)/u,
    kind: 'kommune',
    name: (m) => `${(m[1] ?? '').replace(/es$/, '')} ${m[2]}`,
  },
  { pattern: /\bkommunalen?\s+(?:Mitteln?|Haushalt)|\bHaushaltsmitteln?\b/u, kind: 'kommune', name: () => 'Kommunale Mittel', generic: true },
  { pattern: /\bEigenmitteln?\b|\bEigenanteil\b|\bEigenleistung\b/u, kind: 'eigenmittel', name: () => 'Eigenmittel' },
];

// Case-sensitive nouns so that "Gesundheitsförderung" is not read as a funding statement.
const fundingCue = /\bFörderung\b|\bFördermittel|\bFörderprogramm|[Gg]efördert|[Ff]inanziert|\bFinanzierung|aus Mitteln|\bZuwendung|\bZuschuss|\bEigenmittel|\bEigenanteil|\bGesamtkosten/;
const grantCue = /Zuwendung|Fördersumme|Förderbetrag|Fördermittel|Förderung|gefördert|Zuschuss/i;
const ownCue = /Eigenmittel|Eigenanteil|Eigenleistung/i;
const totalCue = /Gesamtkosten|Gesamtausgaben|Gesamtvolumen|Gesamtbudget|Projektvolumen|Gesamtfinanzierung|Projektkosten/i;

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
  const hits: Array<{ index: number; source: FundingSourceDraft; generic: boolean }> = [];
  for (const f of funders) {
    const m = f.pattern.exec(clause);
    if (m) hits.push({ index: m.index, source: { name: f.name(m).trim(), kind: f.kind, amountCents: null }, generic: f.generic ?? false });
  }
  // A funder not in the list, named after a funding verb ("gefördert von der Umweltlotterie GENAU").
  for (const m of clause.matchAll(namedFunder)) {
    const from = m.index + m[0].length - (m[1] ?? '').length;
    const name = (m[1] ?? '').replace(/(?:\s+(?:für|der|des|und|mit|im|in))+$/u, '').trim();
    if (name.length < 4 || hits.some((h) => h.index >= from && h.index < from + name.length + 1)) continue;
    if (/^(?:Projekt|Vorhaben|Maßnahme|Programm|Förderung|Mittel|Jahr|Rahmen)\b/u.test(name)) continue;
    hits.push({ index: from, source: { name: clip(name, 300), kind: /stiftung/i.test(name) ? 'stiftung' : 'sonstige', amountCents: null }, generic: false });
  }
  const kept = hits.filter((h) => !h.generic || !hits.some((o) => !o.generic && o.source.kind === h.source.kind));
  return kept.sort((a, b) => a.index - b.index).map((h) => h.source);
}

// "gefördert (wurde das Projekt) von der X", "Förderung durch die X", "finanziert aus Mitteln der X".
const NAME = String.raw`\p{Lu}[\p{L}\d-]*(?:\s+(?:\p{Lu}[\p{L}\d-]*|für|der|des|und)(?=\s|$|[.,;:!?)]))*`;
const namedFunder = new RegExp(
  String.raw`(?:(?:[Gg]efördert|[Ff]inanziert|unterstützt|Zuwendung|Zuschuss)(?:\s+(?!durch|von|vom)\p{L}+){0,4}?\s+(?:durch|von|vom)|(?:Förderung|Finanzierung)\s+durch)\s+(?:(?:der|die|das|den|dem|des)\s+)?(${NAME})`,
  'gu',
);

type Role = 'grant' | 'own' | 'total';

/** The role of an amount: the nearest role word in the same clause, preferring one before it. */
function roleOf(clause: string, index: number, defaultRole: Role | null): Role | null {
  let best: { role: Role; distance: number } | null = null;
  for (const [role, cue] of [['own', ownCue], ['total', totalCue], ['grant', grantCue]] as const) {
    for (const m of clause.matchAll(new RegExp(cue.source, 'gi'))) {
      const distance = m.index <= index ? index - m.index : (m.index - index) * 2;
      if (!best || distance < best.distance) best = { role, distance };
    }
  }
  return best?.role ?? defaultRole;
}

/**
 * Reads funding from text. In a fact sheet's "Finanzierung" field every line is a clause and
 * the label may imply the role ("Förderung: 50.000 EUR" is a grant); in prose only sentences
 * that speak about funding are read.
 */
export function extractFunding(text: string, options: { field?: boolean; labelRole?: Role | null } = {}): ExtractedFunding {
  const clauses = options.field
    ? text.split('\n').flatMap((l) => splitSentences(l)).filter((c) => c.trim())
    : splitSentences(text).filter((s) => fundingCue.test(s) && (findFunders(s).length > 0 || findAmounts(s).length > 0));
  const result: ExtractedFunding = { sources: [], grantCents: null, ownCents: null, totalCents: null, text: null, unnamed: false };
  const used: string[] = [];
  for (const clause of clauses) {
    const sources = findFunders(clause);
    const amounts = findAmounts(clause);
    for (const a of amounts) {
      const role = roleOf(clause, a.index, options.labelRole ?? null);
      if (role === 'grant') result.grantCents ??= a.cents;
      if (role === 'own') result.ownCents ??= a.cents;
      if (role === 'total') result.totalCents ??= a.cents;
    }
    // An amount belongs to a funder only when the clause names exactly one funder and one amount.
    const only = sources.length === 1 ? sources[0] : undefined;
    if (only && amounts.length === 1) only.amountCents = amounts[0]?.cents ?? null;
    for (const s of sources) if (!result.sources.some((r) => r.name === s.name)) result.sources.push(s);
    if (sources.length || amounts.length || options.field) used.push(clause.trim());
  }
  if (!options.field && used.length === 0) {
    // Funding mentioned, but neither funder nor amount recognised: keep the sentence for the editor.
    const mention = splitSentences(text).find((s) => /gefördert|finanziert|Förderung erfolgt|Finanzierung erfolgt|aus Mitteln/i.test(s));
    if (mention) {
      result.text = clip(mention, 2000);
      result.unnamed = true;
    }
    return result;
  }
  const joined = options.field ? text.replace(/\*\*/g, '').replace(/[ \t]+/g, ' ').replace(/ \n/g, '\n').trim() : used.join(' ');
  result.text = joined ? clip(joined, 2000) : null;
  result.unnamed = result.sources.length === 0 && result.text !== null;
  // Own funds named without their own amount take the amount given as own funds.
  for (const s of result.sources) if (s.kind === 'eigenmittel' && s.amountCents === null) s.amountCents = result.ownCents;
  if (result.sources.length > 20) result.sources = result.sources.slice(0, 20);
  return result;
}

export function labelRole(label: string): Role | null {
  if (ownCue.test(label)) return 'own';
  if (totalCue.test(label)) return 'total';
  if (/Förder|Zuwendung|Zuschuss/i.test(label)) return 'grant';
  return null;
}
