import { exportFormats, exportFormatInfo, type ExportFormat } from '../../app/exports/formats.ts';
import type { OpenDataSettings } from '../../app/exports/settings.ts';
import { escapeXml } from '../feeds.ts';
import { siteName } from '../layout.tsx';

/*
 * The DCAT-AP.de 2.x description of the open data, as RDF/XML (what GovData's and the state portals'
 * harvesters read): one dcat:Catalog with one dcat:Dataset, a dcat:Distribution per download format and
 * the read API as dcat:DataService.
 *
 * Written with a few string helpers instead of an XML or RDF library: the document is a fixed template,
 * every text and URI passes through the one escapeXml of feeds.ts, and the tests read the result back
 * with a real RDF/XML parser and check the triples.
 */

export interface DcatInput {
  settings: OpenDataSettings;
  /** From the data: first publication of a contribution still published, newest update of one (ISO); null when none is published. */
  issued: string | null;
  modified: string | null;
  urls: {
    /** Site root, e.g. "https://baukasten.example/". */
    home: string;
    /** The human page about the open data (/daten). */
    landingPage: string;
    downloads: Record<ExportFormat, string>;
    api: string;
    apiDescription: string;
    apiDocs: string;
    /** Where the operator can be reached (Impressum). */
    contactPage: string;
  };
}

const ns = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatde: 'http://dcat-ap.de/def/dcatde/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
};

const xsdDateTime = 'http://www.w3.org/2001/XMLSchema#dateTime';
const german = 'http://publications.europa.eu/resource/authority/language/DEU';
/** Hessen in the DCAT-AP.de political geocoding (Länderschlüssel 06). */
const hessen = 'http://dcat-ap.de/def/politicalGeocoding/stateKey/06';
const stateLevel = 'http://dcat-ap.de/def/politicalGeocoding/Level/state';
const dataThemes = 'http://publications.europa.eu/resource/authority/data-theme';
/** Environment, population and society, government and public sector, regions and cities. */
const themes = ['ENVI', 'SOCI', 'GOVE', 'REGI'].map((code) => `${dataThemes}/${code}`);
const continuousUpdates = 'http://publications.europa.eu/resource/authority/frequency/UPDATE_CONT';
const keywords = ['Nachhaltigkeit', 'Nachhaltigkeitsstrategie', 'Kommunen', 'Gute Praxis', 'Praxisbeispiele', 'Förderprogramme', 'Beratung', 'SDG', 'Hessen'];

const text = (element: string, value: string) => `<${element} xml:lang="de">${escapeXml(value)}</${element}>`;
const plain = (element: string, value: string) => `<${element}>${escapeXml(value)}</${element}>`;
const ref = (element: string, uri: string) => `<${element} rdf:resource="${escapeXml(uri)}"/>`;
const node = (element: string, nodeId: string) => `<${element} rdf:nodeID="${nodeId}"/>`;
const dateTime = (element: string, iso: string | null) => (iso ? `<${element} rdf:datatype="${xsdDateTime}">${escapeXml(iso)}</${element}>` : null);

function resource(type: string, about: { uri: string } | { nodeId: string }, properties: Array<string | null>): string {
  const subject = 'uri' in about ? `rdf:about="${escapeXml(about.uri)}"` : `rdf:nodeID="${about.nodeId}"`;
  const lines = properties.filter((p): p is string => p !== null).map((p) => `    ${p}`);
  return `  <${type} ${subject}>\n${lines.join('\n')}\n  </${type}>`;
}

export const datasetDescription =
  'Alle veröffentlichten Beiträge des Nachhaltigkeitsbaukastens Hessen: Praxisbeispiele, Materialien, Förderprogramme und ' +
  'Beratungsangebote von Kommunen für Kommunen, erschlossen nach den Leitsätzen der Hessischen Nachhaltigkeitsstrategie, den ' +
  'Zielen für nachhaltige Entwicklung (SDGs) und den Regionen Hessens. Ein Datensatz je Beitrag mit Beschreibung, Träger, ' +
  'Laufzeit, Finanzierung, Zielgruppen und Links. Namen und Kontaktdaten von Ansprechpersonen sind nur mit deren Einwilligung ' +
  'zur Veröffentlichung enthalten.';

export function dcatApDeRdfXml(input: DcatInput): string {
  const { settings, urls } = input;
  const catalogUri = `${urls.landingPage}#katalog`;
  const datasetUri = `${urls.landingPage}#beitraege`;
  const distributionUri = (format: ExportFormat) => `${urls.landingPage}#beitraege-${format}`;
  const licence = ref('dct:license', settings.licence.uri);
  const attribution = settings.licence.attribution ? text('dcatde:licenseAttributionByText', `${settings.publisherName}, ${siteName}`) : null;

  const catalog = resource('dcat:Catalog', { uri: catalogUri }, [
    text('dct:title', `${siteName} – Offene Daten`),
    text('dct:description', 'Offene Daten des Nachhaltigkeitsbaukastens Hessen: gute Praxis von Kommunen für Kommunen, als Download und über eine Schnittstelle.'),
    node('dct:publisher', 'herausgeber'),
    ref('foaf:homepage', urls.home),
    ref('dct:language', german),
    licence,
    ref('dct:spatial', hessen),
    ref('dcat:themeTaxonomy', dataThemes),
    dateTime('dct:issued', input.issued),
    dateTime('dct:modified', input.modified),
    ref('dcat:dataset', datasetUri),
    ref('dcat:service', urls.api),
  ]);

  const dataset = resource('dcat:Dataset', { uri: datasetUri }, [
    text('dct:title', settings.title),
    text('dct:description', datasetDescription),
    plain('dct:identifier', datasetUri),
    node('dct:publisher', 'herausgeber'),
    settings.contributorId ? ref('dcatde:contributorID', settings.contributorId) : null,
    node('dcat:contactPoint', 'kontakt'),
    ...themes.map((theme) => ref('dcat:theme', theme)),
    ...keywords.map((keyword) => text('dcat:keyword', keyword)),
    ref('dct:language', german),
    ref('dct:spatial', hessen),
    ref('dcatde:politicalGeocodingLevelURI', stateLevel),
    ref('dcatde:politicalGeocodingURI', hessen),
    text('dcatde:geocodingDescription', 'Hessen'),
    dateTime('dct:issued', input.issued),
    dateTime('dct:modified', input.modified),
    ref('dct:accrualPeriodicity', continuousUpdates),
    ref('dcat:landingPage', urls.landingPage),
    ...exportFormats.map((format) => ref('dcat:distribution', distributionUri(format))),
  ]);

  const distributions = exportFormats.map((format) => {
    const info = exportFormatInfo[format];
    return resource('dcat:Distribution', { uri: distributionUri(format) }, [
      text('dct:title', `Beiträge als ${info.title}`),
      text('dct:description', info.description),
      ref('dcat:accessURL', urls.downloads[format]),
      ref('dcat:downloadURL', urls.downloads[format]),
      ref('dct:format', info.fileType),
      info.mediaType ? ref('dcat:mediaType', info.mediaType) : null,
      licence,
      attribution,
      dateTime('dct:modified', input.modified),
      ref('foaf:page', urls.landingPage),
    ]);
  });

  const service = resource('dcat:DataService', { uri: urls.api }, [
    text('dct:title', 'Offene-Daten-Schnittstelle des Nachhaltigkeitsbaukastens'),
    text('dct:description', 'Lesende JSON-Schnittstelle: Beiträge mit Suche und Filtern, Taxonomien und Regionen; beschrieben als OpenAPI 3.1.'),
    ref('dcat:endpointURL', urls.api),
    ref('dcat:endpointDescription', urls.apiDescription),
    ref('dcat:servesDataset', datasetUri),
    ref('foaf:page', urls.apiDocs),
    licence,
    node('dct:publisher', 'herausgeber'),
    node('dcat:contactPoint', 'kontakt'),
  ]);

  const publisher = resource('foaf:Agent', { nodeId: 'herausgeber' }, [plain('foaf:name', settings.publisherName)]);
  const contact = resource('vcard:Organization', { nodeId: 'kontakt' }, [
    plain('vcard:fn', settings.publisherName),
    settings.contactEmail ? ref('vcard:hasEmail', `mailto:${settings.contactEmail}`) : null,
    ref('vcard:hasURL', urls.contactPage),
  ]);

  const namespaces = Object.entries(ns)
    .map(([prefix, uri]) => `xmlns:${prefix}="${uri}"`)
    .join('\n    ');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rdf:RDF\n    ${namespaces}>\n${[catalog, dataset, ...distributions, service, publisher, contact].join('\n')}\n</rdf:RDF>\n`;
}
