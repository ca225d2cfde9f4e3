import type { FC } from 'hono/jsx';
import { csvColumns, multiValueSeparator } from '../../app/exports/csv-columns.ts';
import { exportFormatInfo, exportFormats, type ExportFormat } from '../../app/exports/formats.ts';
import type { OpenDataSettings } from '../../app/exports/settings.ts';
import { siteName } from '../layout.tsx';

/* /daten: what the open data downloads are, what they hold, under which licence, and where the DCAT-AP.de description is. */

export interface OpenDataPageProps {
  count: number;
  lastUpdatedAt: string | null;
  settings: OpenDataSettings;
  downloads: Record<ExportFormat, string>;
  dcatHref: string;
  /** Absolute URL of the DCAT-AP.de description, to copy into a portal's harvester. */
  dcatUrl: string;
  apiDocsHref: string;
}

const formatDateTime = (iso: string) => new Date(iso).toLocaleString('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'long', timeStyle: 'short' });

const downloadLabels: Record<ExportFormat, string> = {
  csv: 'Alle Beiträge als Tabelle (CSV)',
  json: 'Alle Beiträge als JSON',
  ndjson: 'Alle Beiträge als NDJSON (ein Beitrag je Zeile)',
};

export const OpenDataPage: FC<OpenDataPageProps> = ({ count, lastUpdatedAt, settings, downloads, dcatHref, dcatUrl, apiDocsHref }) => (
  <article class="content-page open-data">
    <h1>Offene Daten</h1>
    <p>
      Alle veröffentlichten Beiträge des Nachhaltigkeitsbaukastens stehen als offene Daten bereit: als Dateien zum Herunterladen und über eine
      Schnittstelle. Sie dürfen die Daten unter den Bedingungen der Lizenz weiterverwenden, zum Beispiel für eigene Übersichten, Auswertungen oder
      Datenportale.
    </p>
    <p>
      {count === 0
        ? 'Noch ist kein Beitrag veröffentlicht: Die Tabelle enthält dann nur die Spaltenüberschriften, die JSON-Datei eine leere Liste.'
        : `Stand: ${count === 1 ? '1 veröffentlichter Beitrag' : `${count.toLocaleString('de-DE')} veröffentlichte Beiträge`}${lastUpdatedAt ? `, zuletzt geändert am ${formatDateTime(lastUpdatedAt)} Uhr` : ''}.`}
    </p>

    <section id="downloads" aria-labelledby="downloads-titel">
      <h2 id="downloads-titel">Downloads</h2>
      <ul class="downloads">
        {exportFormats.map((format) => (
          <li>
            <a href={downloads[format]}>{downloadLabels[format]}</a>
            <br />
            {exportFormatInfo[format].description}
          </li>
        ))}
      </ul>
      <p>
        Die Dateien werden bei jedem Abruf aus dem aktuellen Stand erzeugt. Für regelmäßige, automatische Abrufe tragen sie ETag und Last-Modified: Ein
        bedingter Abruf (If-None-Match oder If-Modified-Since) lädt sie nur, wenn sich etwas geändert hat. Andere Websites dürfen sie direkt abrufen
        (CORS).
      </p>
    </section>

    <section id="inhalt" aria-labelledby="inhalt-titel">
      <h2 id="inhalt-titel">Was die Dateien enthalten</h2>
      <p>
        Jeder veröffentlichte Beitrag ist ein Datensatz, geordnet nach dem Zeitpunkt der Veröffentlichung. JSON und NDJSON haben dieselbe Form wie die
        Schnittstelle; die Felder sind in der <a href={`${apiDocsHref}#schema-Contribution`}>Dokumentation der Schnittstelle</a> beschrieben (Schema
        „Contribution“). Enthalten sind nur veröffentlichte Beiträge, nie Entwürfe, Einreichungen in Prüfung, abgelehnte oder archivierte
        Beiträge.
      </p>
      <p>
        <strong>Datenschutz:</strong> Name, Telefonnummer und E-Mail-Adresse einer Ansprechperson sind nur enthalten, wenn sie der Veröffentlichung
        zugestimmt hat; sonst steht nur ihre Funktion dabei. Von der Herkunft eines Beitrags sind nur das Format der Quelle und der Zeitpunkt des Imports
        enthalten.
      </p>
    </section>

    <section id="tabelle" aria-labelledby="tabelle-titel">
      <h2 id="tabelle-titel">Hinweise zur Tabelle (CSV)</h2>
      <ul>
        <li>
          Eine Zeile je Beitrag. Die Spalten sind durch Semikolon getrennt, der Zeichensatz ist UTF-8 mit Byte Order Mark: Excel und LibreOffice öffnen
          die Datei per Doppelklick mit richtigen Umlauten.
        </li>
        <li>Mehrere Werte in einer Zelle, etwa Orte, Zielgruppen oder SDGs, sind durch „{multiValueSeparator.trim()}“ getrennt.</li>
        <li>
          Beträge stehen in Euro mit Dezimalkomma und ohne Tausenderpunkt (12500,50), Datumsangaben als JJJJ-MM-TT und Zeitpunkte in deutscher Zeit als
          JJJJ-MM-TT hh:mm:ss. Beginn und Ende einer Laufzeit sind so genau wie die Quelle, manchmal nur Jahr und Monat (JJJJ-MM) oder das Jahr.
        </li>
        <li>Beginnt ein Text mit =, +, - oder @, steht ein Apostroph davor, damit ein Tabellenprogramm ihn nicht als Formel ausführt.</li>
        <li>Längere Texte behalten ihre Absätze und enthalten Markdown-Auszeichnung, zum Beispiel **fett** oder Listen mit „-“.</li>
      </ul>
      <h3>Spalten</h3>
      <dl class="values">
        {csvColumns.map((column) => (
          <>
            <dt>{column.header}</dt>
            <dd>{column.description}</dd>
          </>
        ))}
      </dl>
    </section>

    <section id="lizenz" aria-labelledby="lizenz-titel">
      <h2 id="lizenz-titel">Lizenz</h2>
      <p>
        Die Daten stehen unter der Lizenz <a href={settings.licence.textUrl}>{settings.licence.name}</a>.
      </p>
      {settings.licence.attribution ? (
        <p>
          Bitte nennen Sie als Quelle „{settings.publisherName}, {siteName}“ mit einem Link auf diese Seite.
        </p>
      ) : null}
    </section>

    <section id="schnittstelle" aria-labelledby="schnittstelle-titel">
      <h2 id="schnittstelle-titel">Schnittstelle</h2>
      <p>
        Wer suchen, filtern oder einzelne Beiträge abrufen möchte, nutzt die <a href={apiDocsHref}>Offene-Daten-Schnittstelle (API)</a>: JSON mit
        denselben Filtern wie die Suche, beschrieben als OpenAPI 3.1.
      </p>
    </section>

    <section id="metadaten" aria-labelledby="metadaten-titel">
      <h2 id="metadaten-titel">Metadaten für Datenportale (DCAT-AP.de)</h2>
      <p>
        Den Datensatz beschreibt eine <a href={dcatHref}>Metadaten-Datei nach DCAT-AP.de (RDF/XML)</a>, dem deutschen Standard für offene
        Verwaltungsdaten. Datenportale wie GovData oder das Portal eines Landes können sie regelmäßig abrufen und den Datensatz mit seinen Downloads
        verzeichnen. Adresse für den Abruf: <code>{dcatUrl}</code>
      </p>
    </section>
  </article>
);
