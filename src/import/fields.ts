/*
 * "Label: value" fields as written in fact sheets (and in the header of some questionnaires).
 * Labels may be bold (**Label:**, **Label**:), a heading, a table row or plain "Label:" at the
 * start of a line; the value runs from the label to the next label line.
 */

export type FieldKey =
  | 'title'
  | 'purpose'
  | 'sponsor'
  | 'name'
  | 'address'
  | 'contact'
  | 'phone'
  | 'email'
  | 'place'
  | 'period'
  | 'description'
  | 'funding'
  | 'partners'
  | 'targetGroups'
  | 'legal'
  | 'website'
  | 'participation';

export interface Field {
  key: FieldKey;
  /** The label as written, without markup. */
  label: string;
  /** Raw value: rest of the label line plus following lines, trimmed. */
  value: string;
}

interface LabelDef {
  key: FieldKey;
  /** Strong labels are specific to fact sheets; they count for format detection and may stand alone without colon. */
  strong: boolean;
  names: string[];
}

const labelDefs: LabelDef[] = [
  { key: 'title', strong: false, names: ['projekt'] },
  { key: 'title', strong: true, names: ['projekttitel', 'titel', 'projektname', 'name des projekts', 'name des projektes', 'projektbezeichnung', 'titel des projekts', 'titel des projektes'] },
  { key: 'purpose', strong: true, names: ['projektzweck', 'projektziel', 'projektziele', 'zielsetzung'] },
  { key: 'purpose', strong: false, names: ['zweck', 'ziel', 'ziele'] },
  { key: 'sponsor', strong: true, names: ['projektträger', 'träger', 'trägerschaft', 'anbieter', 'antragsteller', 'zuwendungsempfänger', 'projektträger und kontakt'] },
  { key: 'name', strong: false, names: ['name', 'name des trägers', 'organisation', 'institution'] },
  { key: 'address', strong: false, names: ['anschrift', 'adresse', 'postanschrift'] },
  { key: 'contact', strong: true, names: ['ansprechpartner', 'ansprechpartnerin', 'ansprechperson', 'ansprechpersonen', 'kontaktperson', 'projektleitung', 'projektleiter', 'projektleiterin', 'projektkoordination', 'kontaktdaten'] },
  { key: 'contact', strong: false, names: ['kontakt'] },
  { key: 'phone', strong: false, names: ['telefon', 'tel', 'tel.', 'fon', 'telefonnummer', 'tel.-nr.', 'telefon-nr.'] },
  { key: 'email', strong: false, names: ['e-mail', 'email', 'mail', 'e-mail-adresse'] },
  { key: 'place', strong: true, names: ['durchführungsort', 'durchführungsorte', 'projektort', 'projektorte', 'projektregion'] },
  { key: 'place', strong: false, names: ['ort', 'orte', 'region'] },
  { key: 'period', strong: true, names: ['projektlaufzeit', 'laufzeit', 'projektzeitraum', 'durchführungszeitraum'] },
  { key: 'period', strong: false, names: ['zeitraum'] },
  { key: 'description', strong: true, names: ['kurzbeschreibung', 'kurzbeschreibung des projekts', 'kurzbeschreibung des projektes', 'projektbeschreibung'] },
  { key: 'description', strong: false, names: ['beschreibung'] },
  { key: 'funding', strong: true, names: ['finanzierung', 'fördermittel', 'fördersumme', 'fördermittelgeber', 'fördergeber', 'finanzierungsplan', 'kosten und finanzierung', 'zuwendung', 'gesamtkosten', 'gesamtausgaben', 'eigenmittel', 'eigenanteil'] },
  { key: 'funding', strong: false, names: ['förderung', 'kosten'] },
  { key: 'partners', strong: true, names: ['kooperationspartner', 'projektpartner', 'netzwerkpartner'] },
  { key: 'partners', strong: false, names: ['partner', 'kooperationen'] },
  { key: 'targetGroups', strong: true, names: ['zielgruppe', 'zielgruppen'] },
  { key: 'legal', strong: true, names: ['rechtsgrundlage', 'rechtsgrundlagen', 'gesetzliche grundlage'] },
  { key: 'website', strong: false, names: ['internet', 'website', 'webseite', 'homepage', 'internetseite', 'internetadresse', 'web', 'url'] },
  { key: 'participation', strong: false, names: ['teilnahme', 'teilnahmemöglichkeit'] },
];

const labelIndex = new Map<string, LabelDef>();
for (const def of labelDefs) for (const name of def.names) labelIndex.set(name, def);

/** "Ansprechpartner/in", "Ansprechpartner*in", "Zielgruppe(n)", "Kooperationspartner:innen" → base form. */
export function normaliseLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\(n\)$/, 'n')
    .replace(/(?:\(in\)|\(innen\)|[/*:_]-?in(?:nen)?|innen)$/, '')
    .trim();
}

export function lookupLabel(label: string): LabelDef | undefined {
  const direct = labelIndex.get(normaliseLabel(label));
  if (direct) return direct;
  // Combined labels ("Anbieter/Projektleitung", "Träger und Ansprechpartner"): the first known part decides.
  const parts = label.split(/\s*\/\s*|\s+(?:und|bzw\.|oder)\s+|\s*&\s*/);
  if (parts.length < 2 || parts.length > 3) return undefined;
  for (const part of parts) {
    const def = labelIndex.get(normaliseLabel(part));
    if (def) return def;
  }
  return undefined;
}

export interface LabelLine {
  key: FieldKey;
  label: string;
  rest: string;
  strong: boolean;
}

/** Recognises a label at the start of a line, or returns null. */
export function matchLabelLine(line: string): LabelLine | null {
  let s = line.trim();
  if (!s) return null;
  const heading = /^#{1,6}\s+/.test(s);
  // List bullets ("- ", "* ", "• ") in front of a label; "**" has no space and is left alone.
  s = s.replace(/^#{1,6}\s+/, '').replace(/^[-*•]\s+/, '');

  const bold = /^(\*\*|__)(.+?)\1\s*(.*)$/.exec(s);
  if (bold) {
    let inner = (bold[2] ?? '').trim();
    let rest = bold[3] ?? '';
    let colon = false;
    if (inner.endsWith(':')) {
      colon = true;
      inner = inner.slice(0, -1).trim();
    } else if (rest.startsWith(':')) {
      colon = true;
      rest = rest.slice(1);
    }
    const def = lookupLabel(inner);
    // A bold label without colon counts only when it stands alone; "**Ziel** ist es …" is prose.
    if (def && (colon || rest.trim() === '')) return { key: def.key, label: inner, rest: rest.trim(), strong: def.strong };
    return null;
  }

  const plain = /^([^:]{1,60}?)\s*:\s*(.*)$/.exec(s);
  if (plain) {
    const def = lookupLabel(plain[1] ?? '');
    if (def) return { key: def.key, label: (plain[1] ?? '').trim(), rest: (plain[2] ?? '').trim(), strong: def.strong };
  }
  // A label alone on its line without colon (headings, converted tables): only specific labels.
  const def = lookupLabel(s);
  if (def && (def.strong || heading)) return { key: def.key, label: s, rest: '', strong: def.strong };
  return null;
}

/** Turns two-cell Markdown table rows "| Label | value |" into "Label: value" lines. */
function untable(text: string): string {
  return text
    .split('\n')
    .filter((l) => !/^\s*\|?\s*:?-{3,}/.test(l))
    .map((l) => {
      const m = /^\s*\|(.+?)\|(.*)\|\s*$/.exec(l);
      if (!m) return l;
      const label = (m[1] ?? '').trim().replace(/\*\*/g, '').replace(/:$/, '');
      return lookupLabel(label) ? `${label}: ${(m[2] ?? '').trim()}` : l;
    })
    .join('\n');
}

export interface ParsedFields {
  /** Text before the first label (title lines). */
  preamble: string;
  fields: Field[];
}

export function parseFields(text: string): ParsedFields {
  const lines = untable(text).split('\n');
  const fields: Field[] = [];
  const preamble: string[] = [];
  let current: { key: FieldKey; label: string; lines: string[] } | null = null;
  const flush = () => {
    if (current) fields.push({ key: current.key, label: current.label, value: current.lines.join('\n').trim() });
  };
  for (const line of lines) {
    const label = matchLabelLine(line);
    if (label) {
      flush();
      current = { key: label.key, label: label.label, lines: label.rest ? [label.rest] : [] };
    } else if (current) current.lines.push(line);
    else preamble.push(line);
  }
  flush();
  return { preamble: preamble.join('\n'), fields };
}

/** Number of distinct strong labels (for format detection). */
export function countStrongLabels(text: string): number {
  const seen = new Set<FieldKey>();
  for (const line of untable(text).split('\n')) {
    const m = matchLabelLine(line);
    if (m?.strong) seen.add(m.key);
  }
  return seen.size;
}
