import type { ImportWarning } from './types.ts';

/*
 * German texts for rejections and warnings in one place, so wording stays consistent
 * and every message names the file or the field in words an editor understands.
 */

export const q = (name: string): string => `„${name}“`;

export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 }).format(mb)} MB`;
}

export const rejectionReasons = {
  empty: (file: string) => `${q(file)} ist leer und wurde nicht importiert.`,
  blank: (file: string) => `${q(file)} ist leer (enthält nur Leerzeichen oder Leerzeilen) und wurde nicht importiert.`,
  binary: (file: string) =>
    `${q(file)} ist keine Textdatei (enthält Binärdaten, z. B. ein Bild oder ein Office-Dokument) und wurde nicht importiert. Bitte speichern Sie das Dokument als Text (.txt oder .md).`,
  tooLarge: (file: string, size: number, max: number) =>
    `${q(file)} ist größer als ${formatMegabytes(max)} (${formatMegabytes(size)}) und wurde nicht importiert.`,
  unrecognised: (file: string) =>
    `${q(file)} wurde weder als Frageformular noch als Projektsteckbrief erkannt und daher nicht importiert.`,
  noTitle: (file: string) =>
    `${q(file)} enthält keinen Titel (erste Zeile oder Feld „Projekttitel“) und wurde nicht importiert.`,
  noContent: (file: string) =>
    `${q(file)} enthält weder einen Projektnamen noch beantwortete Fragen und wurde nicht importiert.`,
  invalid: (file: string, details: string) => `${q(file)} konnte nicht übernommen werden: ${details}`,
};

/** Field names as editors know them, for warnings. */
export const fieldLabels: Record<string, string> = {
  title: 'Titel',
  purpose: 'Projektzweck',
  description: 'Kurzbeschreibung',
  sponsor: 'Projektträger',
  'sponsor.postcode': 'Postleitzahl des Projektträgers',
  'sponsor.website': 'Internetseite des Projektträgers',
  contacts: 'Ansprechperson',
  places: 'Durchführungsort',
  period: 'Projektlaufzeit',
  funding: 'Finanzierung',
  partners: 'Kooperationspartner',
  targetGroups: 'Zielgruppen',
  links: 'Links',
  'answers.decision': 'Antwort auf Frage 1 (Entscheidung zur Umsetzung)',
  'answers.support': 'Antwort auf Frage 2 (Unterstützung bei der Umsetzung)',
  'answers.challenges': 'Antwort auf Frage 3 (Herausforderungen und Tipps)',
  'answers.prerequisites': 'Antwort auf Frage 4 (Voraussetzungen)',
};

export function missing(field: string, message?: string): ImportWarning {
  return { field, code: 'missing', message: message ?? `${fieldLabels[field] ?? field}: im Dokument nicht gefunden.` };
}

export function warning(field: string, code: ImportWarning['code'], message: string): ImportWarning {
  return { field, code, message };
}
