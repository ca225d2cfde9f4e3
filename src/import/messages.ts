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
    `${q(file)} ist keine Textdatei und kein unterstütztes Dokument (enthält Binärdaten, z. B. ein Bild) und wurde nicht importiert. ${supportedFormats}`,
  tooLarge: (file: string, size: number, max: number) =>
    `${q(file)} ist größer als ${formatMegabytes(max)} (${formatMegabytes(size)}) und wurde nicht importiert.`,
  unrecognised: (file: string) =>
    `${q(file)} wurde weder als Frageformular noch als Projektsteckbrief erkannt und daher nicht importiert.`,
  noTitle: (file: string) =>
    `${q(file)} enthält keinen Titel (erste Zeile oder Feld „Projekttitel“) und wurde nicht importiert.`,
  noContent: (file: string) =>
    `${q(file)} enthält weder einen Projektnamen noch beantwortete Fragen und wurde nicht importiert.`,
  invalid: (file: string, details: string) => `${q(file)} konnte nicht übernommen werden: ${details}`,
  legacyWord: (file: string) =>
    `${q(file)} ist ein Dokument im alten Word-Format (.doc) und wurde nicht importiert. Bitte speichern Sie es in Word als .docx oder als PDF.`,
  openDocument: (file: string) =>
    `${q(file)} ist ein OpenDocument-Text (.odt) und wurde nicht importiert. Bitte speichern Sie es als Word-Dokument (.docx) oder als PDF.`,
  zipNotDocx: (file: string) => `${q(file)} ist ein ZIP-Archiv, aber kein Word-Dokument (.docx), und wurde nicht importiert.`,
  damaged: (file: string, kind: DocumentKind) => `${q(file)} ist ${damagedKinds[kind]} und konnte nicht gelesen werden.`,
  misnamed: (file: string, kind: DocumentKind) =>
    `${q(file)} ist als ${kindNames[kind]} benannt, hat aber nicht deren Aufbau (Datei beschädigt oder falsch benannt) und wurde nicht importiert.`,
  encrypted: (file: string) => `${q(file)} ist passwortgeschützt und konnte nicht gelesen werden. Bitte laden Sie eine Fassung ohne Kennwort hoch.`,
  noText: (file: string) =>
    `${q(file)} enthält keinen Text (gescanntes Dokument?) und wurde nicht importiert. Bitte laden Sie eine PDF-Datei mit Textebene oder das Word-Dokument hoch.`,
  zipBomb: (file: string, unpacked: number, max: number) =>
    `${q(file)} würde entpackt ${formatMegabytes(unpacked)} groß (erlaubt sind ${formatMegabytes(max)}) und wurde zum Schutz vor ZIP-Bomben nicht importiert.`,
  zipEntries: (file: string, entries: number, max: number) =>
    `${q(file)} enthält ${formatCount(entries)} Teile im ZIP-Archiv (erlaubt sind ${formatCount(max)}) und wurde zum Schutz vor ZIP-Bomben nicht importiert.`,
  timeout: (file: string, ms: number) => {
    const seconds = Math.ceil(ms / 1000);
    return `${q(file)} konnte nicht innerhalb von ${seconds === 1 ? 'einer Sekunde' : `${formatCount(seconds)} Sekunden`} gelesen werden und wurde nicht importiert.`;
  },
  tooComplex: (file: string) => `${q(file)} ist zu aufwendig aufgebaut, um ausgelesen zu werden, und wurde nicht importiert.`,
  lineTooLong: (file: string, max: number) =>
    `${q(file)} enthält eine Zeile mit mehr als ${formatCount(max)} Zeichen und wurde nicht importiert.`,
  textTooLong: (file: string, max: number) => `${q(file)} enthält mehr als ${formatCount(max)} Zeichen Text und wurde nicht importiert.`,
  tooDeep: (file: string, max: number) =>
    `${q(file)} ist zu tief verschachtelt (mehr als ${formatCount(max)} Ebenen von Listen, Zitaten oder Elementen) und wurde nicht importiert.`,
};

/** The document kinds besides plain text, for messages. */
export type DocumentKind = 'docx' | 'pdf' | 'html';

const kindNames: Record<DocumentKind, string> = { docx: 'Word-Dokument (.docx)', pdf: 'PDF-Datei', html: 'HTML-Seite' };
const damagedKinds: Record<DocumentKind, string> = {
  docx: 'ein beschädigtes Word-Dokument (.docx)',
  pdf: 'eine beschädigte PDF-Datei',
  html: 'eine HTML-Seite, die nicht gelesen werden kann,',
};

const supportedFormats =
  'Bitte laden Sie das Dokument als Text (.txt oder .md), Word-Dokument (.docx), PDF mit Textebene oder gespeicherte HTML-Seite hoch.';

export const formatCount = (n: number): string => new Intl.NumberFormat('de-DE').format(n);

/** Warnings about the document as a whole (not a field). */
export const documentWarnings = {
  guessedEncoding: (file: string) =>
    `${q(file)} ist nicht UTF-8-kodiert und wurde als Windows-1252 gelesen. Bitte Umlaute und Sonderzeichen prüfen.`,
  controlCharacters: (file: string, count: number) =>
    `${q(file)} enthielt ${formatCount(count)} Steuerzeichen (Hinweis auf eine beschädigte Datei); sie wurden entfernt. Bitte den Text prüfen.`,
  pagesSkipped: (file: string, read: number, total: number) =>
    `${q(file)} hat ${formatCount(total)} Seiten; nur die ersten ${formatCount(read)} wurden gelesen.`,
};

/** Field names as editors know them, for warnings. */
export const fieldLabels: Record<string, string> = {
  kind: 'Art des Beitrags',
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
