import { parse } from 'csv-parse/sync';
import type { Hono } from 'hono';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvHeader } from '../../app/exports/write-export.ts';
import { defaultOpenDataSettings, openDataLicences, type OpenDataSettings } from '../../app/exports/settings.ts';
import { contentOf, type Contribution } from '../../domain/contribution.ts';
import { PublicContributionSchema } from '../../domain/public-contribution.ts';
import { createContributionRepository, type ContributionRepository } from '../../storage/contributions-repository.ts';
import { createTaxonomyRepository } from '../../storage/taxonomy-repository.ts';
import { bfaFactsheet, createFakeCatalog, fixtureContributions, repairCafe, vagQuestionnaire } from '../../../test/support/contributions.ts';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../test/support/databases.ts';
import { createFakeSearch } from '../../../test/support/fake-search.ts';
import { createFakeOpenDataSource } from '../../../test/support/open-data.ts';
import { anchors, headings, hrefs, textOf } from '../../../test/support/html.ts';
import { createWebApp } from '../app.tsx';
import { startOfDayInBerlin } from './routes.tsx';

const siteUrl = 'https://baukasten.example';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const DCATDE = 'http://dcat-ap.de/def/dcatde/';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const VCARD = 'http://www.w3.org/2006/vcard/ns#';

/** Subject, predicate, object (IRI, blank node id or literal value), language and datatype of each triple. */
interface Triple {
  s: string;
  p: string;
  o: string;
  lang: string;
  datatype: string | null;
}

function parseRdfXml(xml: string): Promise<Triple[]> {
  return new Promise((resolve, reject) => {
    const triples: Triple[] = [];
    const parser = new RdfXmlParser({ baseIRI: `${siteUrl}/daten/dcat-ap.rdf` });
    parser.on('data', (quad) =>
      triples.push({
        s: quad.subject.value,
        p: quad.predicate.value,
        o: quad.object.value,
        lang: quad.object.termType === 'Literal' ? quad.object.language : '',
        datatype: quad.object.termType === 'Literal' ? quad.object.datatype.value : null,
      }),
    );
    parser.on('error', reject);
    parser.on('end', () => resolve(triples));
    parser.write(xml);
    parser.end();
  });
}

const objects = (triples: Triple[], s: string, p: string) => triples.filter((t) => t.s === s && t.p === p).map((t) => t.o);
const one = (triples: Triple[], s: string, p: string) => {
  const found = objects(triples, s, p);
  expect(found, `${s} ${p}`).toHaveLength(1);
  return found[0]!;
};
const subjectsOfType = (triples: Triple[], type: string) => triples.filter((t) => t.p === `${RDF}type` && t.o === type).map((t) => t.s);

describe.each(testEngines)('open data downloads on %s', (engine) => {
  let database: TestDatabase;
  let repository: ContributionRepository;
  let published: Contribution[];
  let draft: Contribution;
  let pageReads: number;
  const settings: OpenDataSettings = {
    ...defaultOpenDataSettings,
    title: 'Gute Praxis & Klima <Hessen>',
    publisherName: 'Amt für Umwelt & Natur "Beispiel"',
    contributorId: 'http://dcat-ap.de/def/contributors/beispielportal',
    contactEmail: 'offene-daten@example.org',
    licence: openDataLicences['cc-by/4.0'],
  };

  function appWith(options: { pageSize?: number; settings?: OpenDataSettings; repo?: ContributionRepository } = {}): Hono {
    const repo = options.repo ?? repository;
    const taxonomy = createTaxonomyRepository(database.db);
    const source = {
      publishedSummary: repo.publishedSummary,
      publishedAfter: (...args: Parameters<ContributionRepository['publishedAfter']>) => {
        pageReads++;
        return repo.publishedAfter(...args);
      },
    };
    return createWebApp({
      catalog: { listPublished: repo.listPublished, findPublishedBySlug: repo.findPublishedBySlug, findPublishedById: repo.findPublishedById, taxonomyNames: taxonomy.names },
      search: createFakeSearch([]),
      siteUrl,
      openData: { source, settings: options.settings ?? settings, pageSize: options.pageSize ?? 2 },
    });
  }

  async function get(path: string, headers: Record<string, string> = {}, app = appWith()) {
    const response = await app.request(path, { headers });
    const body = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, body, text: body.toString('utf8') };
  }

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    repository = createContributionRepository(database.db);
    // Each published on its own, so the publication order is the order of creation.
    published = [];
    for (const fixture of [bfaFactsheet, vagQuestionnaire, repairCafe]) {
      published.push((await repository.createMany([{ content: contentOf(fixture) }], { state: 'published', actor: 'test' }))[0]!);
    }
    draft = await repository.create({ ...contentOf(repairCafe), title: 'Entwurf mit geheimer Kontaktperson', contacts: [{ name: 'Gisela Geheim', role: 'Leitung', phone: '+49 6151 999999', email: 'gisela.geheim@example.org', publishConsent: true }] }, { state: 'draft', actor: 'test' });
    await repository.create({ ...contentOf(vagQuestionnaire), title: 'Eingereicht und noch ungeprüft' }, { state: 'submitted', actor: 'test' });
  }, 60_000);

  afterAll(async () => database?.dispose());

  it('serves all published contributions as CSV, JSON and NDJSON downloads with the right headers, read in pages', async () => {
    const expectedIds = published.map((c) => c.id);
    for (const [format, contentType] of [
      ['csv', 'text/csv; charset=utf-8'],
      ['json', 'application/json; charset=utf-8'],
      ['ndjson', 'application/x-ndjson'],
    ] as const) {
      pageReads = 0;
      const response = await get(`/daten/beitraege.${format}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toBe(contentType);
      expect(response.headers.get('Content-Disposition')).toBe(`attachment; filename="nachhaltigkeitsbaukasten-beitraege.${format}"`);
      expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
      expect(response.headers.get('ETag')).toMatch(/^"[\w-]{32}"$/);
      // Three published contributions in pages of two: read in two pages, never all at once.
      expect(pageReads).toBe(2);

      const ids =
        format === 'csv'
          ? (parse(response.text, { bom: true, delimiter: ';' }) as string[][]).slice(1).map((row) => row[0])
          : format === 'json'
            ? (JSON.parse(response.text) as Array<{ id: string }>).map((r) => r.id)
            : response.text.trimEnd().split('\n').map((line) => (JSON.parse(line) as { id: string }).id);
      expect(ids).toEqual(expectedIds);
    }
  });

  it('JSON and NDJSON records have the API’s public shape', async () => {
    const json = JSON.parse((await get('/daten/beitraege.json')).text) as unknown[];
    for (const record of json) expect(PublicContributionSchema.safeParse(record).success).toBe(true);
    const ndjson = (await get('/daten/beitraege.ndjson')).text.trimEnd().split('\n').map((line) => JSON.parse(line) as unknown);
    expect(ndjson).toEqual(json);
    const detail = await get(`/api/v1/contributions/${published[2]!.id}`);
    expect(json[2]).toEqual(JSON.parse(detail.text));
  });

  it('carries personal contact data only with consent, in every format, and never a draft or submission', async () => {
    for (const format of ['csv', 'json', 'ndjson']) {
      const { text } = await get(`/daten/beitraege.${format}`);
      // Without consent (fact sheet BfA): no name, phone or e-mail.
      for (const secret of ['Jörg Heyer', 'j.heyer@lag-werkstaetten.de', '6441 9277607']) expect(text, `${format}: ${secret}`).not.toContain(secret);
      // With consent (Repair-Café): all of it.
      for (const shown of ['Erika Musterfrau', 'erika.musterfrau@example.org', '+49 6151 123456']) expect(text, `${format}: ${shown}`).toContain(shown);
      // Drafts and submissions are not published data, whatever their consent says.
      for (const hidden of [draft.id, 'Gisela Geheim', 'Eingereicht und noch ungeprüft']) expect(text, `${format}: ${hidden}`).not.toContain(hidden);
      // Provenance is reduced to format and import time.
      expect(text).not.toContain('sourceFile');
    }
    const csv = parse((await get('/daten/beitraege.csv')).text, { bom: true, delimiter: ';' }) as string[][];
    expect(csv[1]![csvHeader.indexOf('Ansprechpartner*innen')]).toBe('Projektleitung (Name und Kontaktdaten nicht veröffentlicht)');
  });

  it('answers conditional requests with 304 until the published data changes', async () => {
    const first = await get('/daten/beitraege.csv');
    const etag = first.headers.get('ETag')!;
    const lastModified = first.headers.get('Last-Modified')!;
    expect(new Date(lastModified).getTime()).toBeGreaterThanOrEqual(Math.floor(startOfDayInBerlin(new Date()).getTime() / 1000) * 1000);

    const cached = await get('/daten/beitraege.csv', { 'If-None-Match': etag });
    expect(cached.status).toBe(304);
    expect(cached.body.length).toBe(0);
    expect(cached.headers.get('ETag')).toBe(etag);
    expect((await get('/daten/beitraege.csv', { 'If-Modified-Since': lastModified })).status).toBe(304);
    // Each format has its own ETag.
    expect((await get('/daten/beitraege.json', { 'If-None-Match': etag })).status).toBe(200);

    const target = (await repository.get(published[1]!.id))!;
    const edited = await repository.update(target.id, target.version, { ...contentOf(target), teaser: 'Neuer Anreißer für den Export.' }, 'editor');
    const changed = await get('/daten/beitraege.csv', { 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('ETag')).not.toBe(etag);
    expect(changed.text).toContain('Neuer Anreißer für den Export.');
    expect(new Date(changed.headers.get('Last-Modified')!).getTime()).toBe(Math.floor(Date.parse(edited.updatedAt) / 1000) * 1000);
    expect((await get('/daten/beitraege.csv', { 'If-None-Match': changed.headers.get('ETag')! })).status).toBe(304);
  });

  it('answers HEAD with the headers and no body, ignores query parameters and refuses writes', async () => {
    const full = await get('/daten/beitraege.ndjson');
    const head = await appWith().request('/daten/beitraege.ndjson', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('ETag')).toBe(full.headers.get('ETag'));
    expect(head.headers.get('Content-Type')).toBe('application/x-ndjson');
    expect(await head.text()).toBe('');

    // Cache busters and tracking parameters change nothing.
    const withQuery = await get('/daten/beitraege.ndjson?v=2&utm_source=portal&%zz');
    expect(withQuery.status).toBe(200);
    expect(withQuery.headers.get('ETag')).toBe(full.headers.get('ETag'));
    expect(withQuery.text).toBe(full.text);

    const post = await appWith().request('/daten/beitraege.csv', { method: 'POST', body: 'x', headers: { 'Content-Type': 'text/plain' } });
    expect(post.status).toBe(405);
    expect(post.headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
    expect(await post.text()).toContain('nur gelesen werden');

    const preflight = await appWith().request('/daten/beitraege.json', {
      method: 'OPTIONS',
      headers: { Origin: 'https://anderes-portal.example', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'if-none-match' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect((await get('/daten/beitraege.xlsx')).status).toBe(404);
  });

  it('describes the dataset in DCAT-AP.de (RDF/XML) with distributions that really download', async () => {
    const app = appWith();
    const response = await get('/daten/dcat-ap.rdf', {}, app);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/rdf+xml; charset=utf-8');
    expect((await get('/daten/dcat-ap.rdf', { 'If-None-Match': response.headers.get('ETag')! }, app)).status).toBe(304);
    const triples = await parseRdfXml(response.text);

    const [catalog] = subjectsOfType(triples, `${DCAT}Catalog`);
    expect(subjectsOfType(triples, `${DCAT}Catalog`)).toHaveLength(1);
    const dataset = one(triples, catalog!, `${DCAT}dataset`);
    expect(subjectsOfType(triples, `${DCAT}Dataset`)).toEqual([dataset]);

    // German text, escaped on the way in and read back exactly.
    expect(one(triples, dataset, `${DCT}title`)).toBe('Gute Praxis & Klima <Hessen>');
    expect(triples.find((t) => t.s === dataset && t.p === `${DCT}title`)!.lang).toBe('de');
    expect(one(triples, dataset, `${DCT}description`)).toContain('Förderprogramme');
    const publisher = one(triples, dataset, `${DCT}publisher`);
    expect(one(triples, publisher, `${RDF}type`)).toBe(`${FOAF}Agent`);
    expect(one(triples, publisher, `${FOAF}name`)).toBe('Amt für Umwelt & Natur "Beispiel"');
    expect(one(triples, dataset, `${DCATDE}contributorID`)).toBe('http://dcat-ap.de/def/contributors/beispielportal');
    const contact = one(triples, dataset, `${DCAT}contactPoint`);
    expect(one(triples, contact, `${VCARD}hasEmail`)).toBe('mailto:offene-daten@example.org');
    expect(one(triples, contact, `${VCARD}hasURL`)).toBe(`${siteUrl}/impressum`);

    // Themes, place, language, dates, landing page.
    expect(objects(triples, dataset, `${DCAT}theme`)).toEqual(expect.arrayContaining(['ENVI', 'SOCI', 'GOVE'].map((code) => `http://publications.europa.eu/resource/authority/data-theme/${code}`)));
    expect(objects(triples, dataset, `${DCAT}keyword`)).toContain('Nachhaltigkeit');
    expect(one(triples, dataset, `${DCT}spatial`)).toBe('http://dcat-ap.de/def/politicalGeocoding/stateKey/06');
    expect(one(triples, dataset, `${DCATDE}politicalGeocodingURI`)).toBe('http://dcat-ap.de/def/politicalGeocoding/stateKey/06');
    expect(one(triples, dataset, `${DCATDE}politicalGeocodingLevelURI`)).toBe('http://dcat-ap.de/def/politicalGeocoding/Level/state');
    expect(one(triples, dataset, `${DCT}language`)).toBe('http://publications.europa.eu/resource/authority/language/DEU');
    expect(one(triples, dataset, `${DCAT}landingPage`)).toBe(`${siteUrl}/daten`);
    const current = await Promise.all(published.map((c) => repository.get(c.id)));
    const newest = current.map((c) => c!.updatedAt).sort().at(-1)!;
    expect(one(triples, dataset, `${DCT}modified`)).toBe(newest);
    expect(triples.find((t) => t.s === dataset && t.p === `${DCT}modified`)!.datatype).toBe('http://www.w3.org/2001/XMLSchema#dateTime');
    expect(one(triples, dataset, `${DCT}issued`)).toBe(published[0]!.publishedAt);

    // One distribution per format, each downloadable from the app itself.
    const distributions = objects(triples, dataset, `${DCAT}distribution`);
    expect(distributions).toHaveLength(3);
    const formats: string[] = [];
    for (const distribution of distributions) {
      expect(one(triples, distribution, `${RDF}type`)).toBe(`${DCAT}Distribution`);
      expect(one(triples, distribution, `${DCT}license`)).toBe('http://dcat-ap.de/def/licenses/cc-by/4.0');
      expect(one(triples, distribution, `${DCATDE}licenseAttributionByText`)).toContain('Amt für Umwelt & Natur');
      formats.push(one(triples, distribution, `${DCT}format`));
      const download = one(triples, distribution, `${DCAT}downloadURL`);
      expect(one(triples, distribution, `${DCAT}accessURL`)).toBe(download);
      expect(download.startsWith(`${siteUrl}/daten/`)).toBe(true);
      const answer = await app.request(download.slice(siteUrl.length));
      expect(answer.status, download).toBe(200);
      await answer.arrayBuffer();
    }
    expect(formats.sort()).toEqual(['CSV', 'JSON', 'JSON'].map((code) => `http://publications.europa.eu/resource/authority/file-type/${code}`));

    // The API as a data service.
    const [service] = subjectsOfType(triples, `${DCAT}DataService`);
    expect(objects(triples, catalog!, `${DCAT}service`)).toEqual([service]);
    expect(one(triples, service!, `${DCAT}endpointURL`)).toBe(`${siteUrl}/api/v1`);
    expect(one(triples, service!, `${DCAT}endpointDescription`)).toBe(`${siteUrl}/api/v1/openapi.json`);
    expect(one(triples, service!, `${DCAT}servesDataset`)).toBe(dataset);
    expect((await app.request('/api/v1/openapi.json')).status).toBe(200);
  });

  it('leaves the contributor id out while none is configured', async () => {
    const triples = await parseRdfXml((await get('/daten/dcat-ap.rdf', {}, appWith({ settings: defaultOpenDataSettings }))).text);
    expect(triples.filter((t) => t.p === `${DCATDE}contributorID`)).toEqual([]);
    const [dataset] = subjectsOfType(triples, `${DCAT}Dataset`);
    expect(one(triples, dataset!, `${DCT}title`)).toBe('Nachhaltigkeitsbaukasten – Beiträge');
  });

  it('explains the open data on /daten, linked from every page’s footer', async () => {
    const { status, text: html } = await get('/daten');
    expect(status).toBe(200);
    expect(headings(html, 1)).toEqual(['Offene Daten']);
    expect(headings(html, 2)).toEqual(['Downloads', 'Was die Dateien enthalten', 'Hinweise zur Tabelle (CSV)', 'Lizenz', 'Schnittstelle', 'Metadaten für Datenportale (DCAT-AP.de)']);
    expect(hrefs(html)).toEqual(expect.arrayContaining(['/daten/beitraege.csv', '/daten/beitraege.json', '/daten/beitraege.ndjson', '/daten/dcat-ap.rdf', '/api/v1/docs']));
    expect(html).toContain('<link rel="alternate" type="application/rdf+xml" href="/daten/dcat-ap.rdf" title="Metadaten nach DCAT-AP.de"/>');
    const pageText = textOf(html);
    expect(pageText).toContain('Stand: 3 veröffentlichte Beiträge');
    expect(pageText).toContain('Creative Commons Namensnennung 4.0 International (CC BY 4.0)');
    expect(pageText).toContain('Bitte nennen Sie als Quelle „Amt für Umwelt & Natur "Beispiel", Nachhaltigkeitsbaukasten Hessen“');
    expect(pageText).toContain(`${siteUrl}/daten/dcat-ap.rdf`);
    // Column explanations come from the CSV's own column list.
    for (const header of csvHeader) expect(pageText).toContain(header);

    const footer = /<footer[\s\S]*<\/footer>/.exec((await get('/')).text)?.[0] ?? '';
    expect(anchors(footer)).toContainEqual({ text: 'Offene Daten', href: '/daten' });
    expect((await get('/sitemap.xml')).text).toContain(`<loc>${siteUrl}/daten</loc>`);
  });

  it('an empty catalog still gives valid files and a description without dates', async () => {
    const empty = await createTestDatabase(engine);
    try {
      const repo = createContributionRepository(empty.db);
      const app = appWith({ repo });
      expect(parse((await get('/daten/beitraege.csv', {}, app)).text, { bom: true, delimiter: ';' })).toEqual([[...csvHeader]]);
      expect(JSON.parse((await get('/daten/beitraege.json', {}, app)).text)).toEqual([]);
      expect((await get('/daten/beitraege.ndjson', {}, app)).text).toBe('');
      const triples = await parseRdfXml((await get('/daten/dcat-ap.rdf', {}, app)).text);
      expect(triples.filter((t) => t.p === `${DCT}modified` || t.p === `${DCT}issued`)).toEqual([]);
      expect(textOf((await get('/daten', {}, app)).text)).toContain('Noch ist kein Beitrag veröffentlicht');
    } finally {
      await empty.dispose();
    }
  });
});

describe('start of the day in Berlin (floor of Last-Modified)', () => {
  it('is midnight German time in winter and in summer', () => {
    expect(startOfDayInBerlin(new Date('2024-01-15T12:00:00Z')).toISOString()).toBe('2024-01-14T23:00:00.000Z');
    expect(startOfDayInBerlin(new Date('2024-07-15T12:00:00Z')).toISOString()).toBe('2024-07-14T22:00:00.000Z');
    // 23:30 UTC on 14 July is already 15 July in Berlin.
    expect(startOfDayInBerlin(new Date('2024-07-14T23:30:00Z')).toISOString()).toBe('2024-07-14T22:00:00.000Z');
    // The day clocks go forward: midnight was still winter time.
    expect(startOfDayInBerlin(new Date('2024-03-31T12:00:00Z')).toISOString()).toBe('2024-03-30T23:00:00.000Z');
  });
});

describe('a download that fails halfway', () => {
  it('is aborted, not ended as if complete, and the error is reported', async () => {
    const source = createFakeOpenDataSource(fixtureContributions);
    let reads = 0;
    const failing = {
      ...source,
      publishedAfter: async (...args: Parameters<typeof source.publishedAfter>) => {
        if (++reads === 2) throw new Error('Datenbank weg');
        return source.publishedAfter(...args);
      },
    };
    const errors: unknown[] = [];
    const app = createWebApp({
      catalog: createFakeCatalog(),
      search: createFakeSearch(),
      logError: (error) => errors.push(error),
      openData: { source: failing, settings: defaultOpenDataSettings, pageSize: 1 },
    });
    const response = await app.request('/daten/beitraege.ndjson');
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow('Datenbank weg');
    expect(errors).toHaveLength(1);
  });
});
