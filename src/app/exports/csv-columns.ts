import { editorialStateLabels, fundingKindLabels, kindLabels, sourceFormatLabels, type Participation } from '../../domain/contribution.ts';
import { statusLabels } from '../../domain/period.ts';
import type { PublicContribution } from '../../domain/public-contribution.ts';
import { findRegion, type TaxonomyNames } from '../../domain/taxonomy.ts';

/*
 * The columns of the CSV export, defined once: the header row, the values and the explanations on
 * /daten all come from this list. One row per contribution; a field with several values (places,
 * target groups, SDGs …) is one cell with the values joined by " | ".
 *
 * Number and date forms are chosen so that German Excel (double-click) and LibreOffice read them as
 * numbers and dates without an import dialog:
 * - amounts in euros with a decimal comma and no thousands separator ("12500,50"): the comma matches
 *   the semicolon-separated German CSV dialect, and a thousands point could be read as a date;
 * - calendar dates in ISO form (YYYY-MM-DD), which both programs recognise in every locale; partial
 *   dates of a period keep their precision (YYYY-MM or YYYY), as the source said no more;
 * - timestamps as German local time (Europe/Berlin) "YYYY-MM-DD hh:mm:ss"; the exact UTC instants are
 *   in the JSON downloads.
 */

/** A record of the export: the public shape, or (operators' export) the full canonical shape, which fits it. */
export type ExportRecord = PublicContribution;

export interface CsvContext {
  /** Public base URL without trailing slash, for the link to each contribution's page. */
  siteUrl: string;
  /** Current taxonomy names (editable in the back office). */
  names: TaxonomyNames;
}

export interface CsvColumn {
  header: string;
  /** What the column holds, in German, for the explanation on /daten. */
  description: string;
  value(record: ExportRecord, context: CsvContext): string | null;
}

/** Separator of several values in one cell. */
export const multiValueSeparator = ' | ';

const joined = (values: ReadonlyArray<string | null | undefined>): string | null => {
  const present = values.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  return present.length > 0 ? present.join(multiValueSeparator) : null;
};

/** Cents as euros with a decimal comma: 1250050 → "12500,50". */
export function csvAmount(cents: number | null): string | null {
  if (cents === null) return null;
  return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
}

// Swedish conventions happen to be ISO 8601 with a space: "2024-03-02 10:00:00".
const berlinTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An ISO instant as German local time, "YYYY-MM-DD hh:mm:ss". */
export function csvTimestamp(iso: string | null): string | null {
  return iso === null ? null : berlinTime.format(new Date(iso));
}

const yesNo = (value: boolean) => (value ? 'ja' : 'nein');

const participationLabels: Record<Participation['status'], string> = { open: 'ja', closed: 'nein', unknown: 'keine Angabe' };

function contactText(contact: ExportRecord['contacts'][number]): string {
  const details = [contact.name, contact.role, contact.phone, contact.email].filter((v): v is string => !!v).join(', ');
  if (contact.publishConsent) return details;
  // Public downloads: without consent only the role is left (see presentContribution).
  if (contact.name === null) return `${details || 'Ansprechperson'} (Name und Kontaktdaten nicht veröffentlicht)`;
  return `${details} (keine Einwilligung zur Veröffentlichung)`;
}

const column = (header: string, description: string, value: CsvColumn['value']): CsvColumn => ({ header, description, value });
const dateNote = 'Datum JJJJ-MM-TT; nur JJJJ-MM oder JJJJ, wenn die Quelle nicht genauer ist';
const amountNote = 'Betrag in Euro mit Dezimalkomma, ohne Tausenderpunkt (z. B. 12500,50)';
const timeNote = 'Datum und Uhrzeit (deutsche Zeit), JJJJ-MM-TT hh:mm:ss';

export const csvColumns: readonly CsvColumn[] = [
  column('ID', 'Dauerhafte Kennung des Beitrags (UUID), dieselbe wie in JSON und Schnittstelle', (c) => c.id),
  column('Adresse', 'Seite des Beitrags im Nachhaltigkeitsbaukasten', (c, ctx) => `${ctx.siteUrl}/beitraege/${c.slug}`),
  column('Art', 'Praxisbeispiel, Material, Förderung oder Beratung', (c) => kindLabels[c.kind]),
  column('Titel', 'Titel des Beitrags', (c) => c.title),
  column('Kurzbeschreibung', 'Ein bis zwei Sätze für Übersichten', (c) => c.teaser),
  column('Beschreibung', 'Beschreibung, Text mit Markdown-Auszeichnung', (c) => c.description),
  column('Ziel und Hintergrund', 'Projektzweck, Text mit Markdown-Auszeichnung', (c) => c.purpose),
  column('Bausteine', 'Bestandteile des Projekts, je Baustein „Titel: Beschreibung“', (c) => joined(c.components.map((x) => (x.text ? `${x.title}: ${x.text}` : x.title)))),
  column('Entscheidung und Idee', 'Frage 1 des Frageformulars: Wie kam es zur Entscheidung, wessen Idee war es?', (c) => c.answers.decision),
  column('Unterstützung', 'Frage 2: Wer oder was hat geholfen?', (c) => c.answers.support),
  column('Herausforderungen und Tipps', 'Frage 3: Herausforderungen, Neues, Tipps für andere Kommunen', (c) => c.answers.challenges),
  column('Voraussetzungen', 'Frage 4: Voraussetzungen; für welche Kommunen es sich eignet', (c) => c.answers.prerequisites),
  column('Träger', 'Name des Trägers', (c) => c.sponsor?.name ?? null),
  column('Träger Straße', 'Straße und Hausnummer des Trägers', (c) => c.sponsor?.street ?? null),
  column('Träger PLZ', 'Postleitzahl des Trägers', (c) => c.sponsor?.postcode ?? null),
  column('Träger Ort', 'Ort des Trägers', (c) => c.sponsor?.city ?? null),
  column('Träger Website', 'Website des Trägers', (c) => c.sponsor?.website ?? null),
  column(
    'Ansprechpartner*innen',
    'Je Person Name, Funktion, Telefon und E-Mail – Name und Kontaktdaten nur mit Einwilligung der Person zur Veröffentlichung, sonst nur die Funktion',
    (c) => joined(c.contacts.map(contactText)),
  ),
  column('Partner', 'Je Partner „Name (Rolle)“', (c) => joined(c.partners.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)))),
  column('Orte', 'Orte in der Schreibweise der Quelle; Schwerpunkt- und Modellregionen mit „(Schwerpunkt)“', (c) =>
    joined(c.places.map((p) => (p.focus ? `${p.label} (Schwerpunkt)` : p.label))),
  ),
  column('Regionen', 'Hessen, Regierungsbezirke, Landkreise und kreisfreie Städte aus dem Ortsverzeichnis', (c, ctx) =>
    joined([...new Set(c.places.flatMap((p) => (p.regionId ? [ctx.names.regions.get(p.regionId) ?? findRegion(p.regionId)?.name ?? p.regionId] : [])))]),
  ),
  column('Beginn', dateNote, (c) => c.period.start),
  column('Ende', `${dateNote}; leer bei offenem Ende`, (c) => c.period.end),
  column('Laufzeit in Worten', 'Angabe der Quelle, z. B. „seit Sommer 2019“', (c) => c.period.text),
  column('Projektstatus', 'geplant, laufend, abgeschlossen oder unbekannt – aus der Laufzeit berechnet am Tag des Downloads', (c) => statusLabels[c.status]),
  column('Teilnahme möglich', 'Können weitere Kommunen mitmachen? ja, nein oder keine Angabe', (c) => participationLabels[c.participation.status]),
  column('Teilnahme Erläuterung', 'Wie man mitmachen kann oder warum nicht', (c) => c.participation.text),
  column('Förderquellen', `Je Quelle „Name (Art): Betrag“, ${amountNote}`, (c) =>
    joined(
      c.funding.sources.map((s) => {
        const amount = csvAmount(s.amountCents);
        return `${s.name} (${fundingKindLabels[s.kind]})${amount === null ? '' : `: ${amount}`}`;
      }),
    ),
  ),
  column('Gesamtkosten (Euro)', amountNote, (c) => csvAmount(c.funding.totalCents)),
  column('Fördermittel (Euro)', amountNote, (c) => csvAmount(c.funding.grantCents)),
  column('Eigenmittel (Euro)', amountNote, (c) => csvAmount(c.funding.ownCents)),
  column('Finanzierung Erläuterung', 'Weitere Angaben zur Finanzierung', (c) => c.funding.text),
  column('Rechtsgrundlagen', 'Wie zitiert, z. B. „§ 61 SGB IX“', (c) => joined(c.legalReferences.map((r) => r.label))),
  column('Zielgruppen', 'Zielgruppen des Beitrags', (c) => joined(c.targetGroups)),
  column('Links', 'Adressen weiterführender Seiten; Links ohne Ziel fehlen', (c) => joined(c.links.map((l) => l.url))),
  column('Bereich des Leitbilds', 'Bereich der Hessischen Nachhaltigkeitsstrategie', (c, ctx) =>
    c.taxonomy.leitbildArea ? (ctx.names.leitbildAreas.get(c.taxonomy.leitbildArea) ?? c.taxonomy.leitbildArea) : null,
  ),
  column('Leitsätze', 'Je Leitsatz „Nummer Titel“', (c, ctx) => joined(c.taxonomy.leitsaetze.map((n) => `${n} ${ctx.names.leitsaetze.get(n) ?? ''}`.trim()))),
  column('SDGs', 'Ziele für nachhaltige Entwicklung, je Ziel „SDG Nummer Titel“', (c, ctx) => joined(c.taxonomy.sdgs.map((n) => `SDG ${n} ${ctx.names.sdgs.get(n) ?? ''}`.trim()))),
  column('Schwerpunkt Kommunen', 'Von besonderer Bedeutung für Kommunen: ja oder nein', (c) => yesNo(c.taxonomy.kommunenFocus)),
  column('Herkunft', 'Frageformular, Projektsteckbrief, Online-Formular oder Schnittstelle', (c) => (c.provenance ? sourceFormatLabels[c.provenance.format] : null)),
  column('Importiert am', timeNote, (c) => csvTimestamp(c.provenance?.importedAt ?? null)),
  column('Redaktioneller Stand', 'In den öffentlichen Downloads immer „veröffentlicht“', (c) => editorialStateLabels[c.state]),
  column('Version', 'Zählt jede Änderung des Beitrags', (c) => String(c.version)),
  column('Angelegt am', timeNote, (c) => csvTimestamp(c.createdAt)),
  column('Geändert am', timeNote, (c) => csvTimestamp(c.updatedAt)),
  column('Veröffentlicht am', timeNote, (c) => csvTimestamp(c.publishedAt)),
  column('Geprüft am', `${timeNote}; zuletzt redaktionell auf Aktualität geprüft`, (c) => csvTimestamp(c.reviewedAt)),
];
