import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { defaultOpenDataSettings, openDataLicences } from './exports/settings.ts';

describe('open data configuration', () => {
  it('has defaults that name no organisation as fact and leave the GovData contributor id out', () => {
    expect(loadConfig({}).openData).toEqual(defaultOpenDataSettings);
    expect(defaultOpenDataSettings.licence.uri).toBe('http://dcat-ap.de/def/licenses/dl-by-de/2.0');
  });

  it('reads publisher, title, contributor id, contact and licence from the environment', () => {
    const settings = loadConfig({
      OPEN_DATA_TITLE: 'Gute Praxis – Daten',
      OPEN_DATA_PUBLISHER: 'Beispielamt',
      OPEN_DATA_CONTRIBUTOR_ID: 'openDataBeispiel',
      OPEN_DATA_CONTACT_EMAIL: 'daten@example.org',
      OPEN_DATA_LICENSE: 'http://dcat-ap.de/def/licenses/cc-by/4.0',
    }).openData;
    expect(settings).toEqual({
      title: 'Gute Praxis – Daten',
      publisherName: 'Beispielamt',
      contributorId: 'http://dcat-ap.de/def/contributors/openDataBeispiel',
      contactEmail: 'daten@example.org',
      licence: openDataLicences['cc-by/4.0'],
    });
    expect(loadConfig({ OPEN_DATA_CONTRIBUTOR_ID: 'http://dcat-ap.de/def/contributors/eigenes' }).openData.contributorId).toBe('http://dcat-ap.de/def/contributors/eigenes');
    expect(loadConfig({ OPEN_DATA_LICENSE: 'dl-zero-de/2.0' }).openData.licence).toBe(openDataLicences['dl-zero-de/2.0']);
  });

  it('falls back to the editors’ address for the contact and refuses an unknown licence', () => {
    expect(loadConfig({ EDITORS_EMAIL: 'redaktion@example.org' }).openData.contactEmail).toBe('redaktion@example.org');
    expect(() => loadConfig({ OPEN_DATA_LICENSE: 'MIT' })).toThrow(/OPEN_DATA_LICENSE must be one of dl-by-de\/2.0, .*got "MIT"/);
  });
});
