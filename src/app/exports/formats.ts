/** The download formats of the open data exports, with what HTTP, the CLI and the DCAT-AP.de description say about each. */
export const exportFormats = ['csv', 'json', 'ndjson'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ExportFormatInfo {
  format: ExportFormat;
  /** Content-Type of the download. */
  contentType: string;
  /** File name offered by Content-Disposition. */
  fileName: string;
  /** Short German name, e.g. for link texts and dct:title. */
  title: string;
  /** One German sentence on what the file holds. */
  description: string;
  /** dct:format: an entry of the EU file-type authority table (DCAT-AP.de convention 32). */
  fileType: string;
  /** dcat:mediaType: the IANA media type, where one is registered. */
  mediaType: string | null;
}

const fileType = (code: string) => `http://publications.europa.eu/resource/authority/file-type/${code}`;
const ianaType = (type: string) => `https://www.iana.org/assignments/media-types/${type}`;

export const exportFormatInfo: Record<ExportFormat, ExportFormatInfo> = {
  csv: {
    format: 'csv',
    contentType: 'text/csv; charset=utf-8',
    fileName: 'nachhaltigkeitsbaukasten-beitraege.csv',
    title: 'Tabelle (CSV)',
    description: 'Eine Zeile je Beitrag, Spalten mit deutschen Namen, Semikolon als Trennzeichen, UTF-8 mit BOM – öffnet sich per Doppelklick in Excel und LibreOffice.',
    fileType: fileType('CSV'),
    mediaType: ianaType('text/csv'),
  },
  json: {
    format: 'json',
    contentType: 'application/json; charset=utf-8',
    fileName: 'nachhaltigkeitsbaukasten-beitraege.json',
    title: 'JSON',
    description: 'Ein JSON-Array mit allen Beiträgen in der Form der Schnittstelle.',
    fileType: fileType('JSON'),
    mediaType: ianaType('application/json'),
  },
  ndjson: {
    format: 'ndjson',
    contentType: 'application/x-ndjson',
    fileName: 'nachhaltigkeitsbaukasten-beitraege.ndjson',
    title: 'NDJSON (JSON Lines)',
    description: 'Ein JSON-Objekt je Zeile und Beitrag, in der Form der Schnittstelle – zum zeilenweisen Verarbeiten großer Bestände.',
    // The EU table has no entry for newline-delimited JSON that could be confirmed; JSON is the nearest one.
    fileType: fileType('JSON'),
    // application/x-ndjson is in common use but not registered with IANA.
    mediaType: null,
  },
};
