/*
 * What the operator says about the open data: who publishes it, under which licence, whom to ask.
 * Configured by environment variables (src/app/config.ts); nothing here names a real organisation.
 */

export interface OpenDataLicence {
  /** URI of the DCAT-AP.de licence vocabulary (http://dcat-ap.de/def/licenses/…), as dct:license. */
  uri: string;
  /** German name as shown on /daten. */
  name: string;
  /** The licence text for people. */
  textUrl: string;
  /** Whether reusers must name the source (then the page says how). */
  attribution: boolean;
}

/** The licences of the DCAT-AP.de vocabulary that suit a catalog of texts; keyed by the URI's last part(s). */
export const openDataLicences = {
  'dl-by-de/2.0': {
    uri: 'http://dcat-ap.de/def/licenses/dl-by-de/2.0',
    name: 'Datenlizenz Deutschland – Namensnennung – Version 2.0',
    textUrl: 'https://www.govdata.de/dl-de/by-2-0',
    attribution: true,
  },
  'dl-zero-de/2.0': {
    uri: 'http://dcat-ap.de/def/licenses/dl-zero-de/2.0',
    name: 'Datenlizenz Deutschland – Zero – Version 2.0',
    textUrl: 'https://www.govdata.de/dl-de/zero-2-0',
    attribution: false,
  },
  'cc-by/4.0': {
    uri: 'http://dcat-ap.de/def/licenses/cc-by/4.0',
    name: 'Creative Commons Namensnennung 4.0 International (CC BY 4.0)',
    textUrl: 'https://creativecommons.org/licenses/by/4.0/deed.de',
    attribution: true,
  },
  'cc-by-sa/4.0': {
    uri: 'http://dcat-ap.de/def/licenses/cc-by-sa/4.0',
    name: 'Creative Commons Namensnennung – Weitergabe unter gleichen Bedingungen 4.0 International (CC BY-SA 4.0)',
    textUrl: 'https://creativecommons.org/licenses/by-sa/4.0/deed.de',
    attribution: true,
  },
  'cc-zero': {
    uri: 'http://dcat-ap.de/def/licenses/cc-zero',
    name: 'Creative Commons Zero 1.0 Universell (CC0 1.0)',
    textUrl: 'https://creativecommons.org/publicdomain/zero/1.0/deed.de',
    attribution: false,
  },
} as const satisfies Record<string, OpenDataLicence>;
export type OpenDataLicenceKey = keyof typeof openDataLicences;
export const defaultLicenceKey: OpenDataLicenceKey = 'dl-by-de/2.0';

/** A licence by its key ("cc-by/4.0") or full vocabulary URI; null when it is not one of the list. */
export function findLicence(value: string): OpenDataLicence | null {
  const key = value.trim().replace(/^https?:\/\/(www\.)?dcat-ap\.de\/def\/licenses\//, '');
  return Object.hasOwn(openDataLicences, key) ? openDataLicences[key as OpenDataLicenceKey] : null;
}

export interface OpenDataSettings {
  /** dct:title of the dataset. */
  title: string;
  /** dct:publisher's foaf:name: the organisation that publishes the data. */
  publisherName: string;
  /** dcatde:contributorID (http://dcat-ap.de/def/contributors/…), assigned by GovData; left out while null. */
  contributorId: string | null;
  /** dcat:contactPoint's e-mail; without it the contact point names the Impressum page only. */
  contactEmail: string | null;
  licence: OpenDataLicence;
}

export const defaultOpenDataSettings: OpenDataSettings = {
  title: 'Nachhaltigkeitsbaukasten – Beiträge',
  publisherName: 'Redaktion des Nachhaltigkeitsbaukastens',
  contributorId: null,
  contactEmail: null,
  licence: openDataLicences[defaultLicenceKey],
};

/** A contributor id as configured: a full URI stays, a bare id ("openDataBeispiel") gets the vocabulary's prefix. */
export function contributorUri(value: string): string {
  const trimmed = value.trim();
  return /^https?:\/\//.test(trimmed) ? trimmed : `http://dcat-ap.de/def/contributors/${trimmed}`;
}
