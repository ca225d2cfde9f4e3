import { createConfig, lintFromString } from '@redocly/openapi-core';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentOf, type Contribution } from '../../domain/contribution.ts';
import { createCatalogSearch, type CatalogSearchService } from '../../search/catalog-search.ts';
import { createContributionRepository, type ContributionRepository } from '../../storage/contributions-repository.ts';
import { createTaxonomyRepository } from '../../storage/taxonomy-repository.ts';
import { bfaFactsheet, repairCafe, vagQuestionnaire } from '../../../test/support/contributions.ts';
import { createTestDatabase, testEngines, type TestDatabase } from '../../../test/support/databases.ts';
import { textOf } from '../../../test/support/html.ts';
import { createWebApp } from '../app.tsx';
import type { CatalogReader } from '../ports.ts';
import { encodeCursor, queryHash } from './cursor.ts';
import { catalogReader } from '../../app/context.ts';
import { openApiDocument } from './openapi.ts';
import { createApiRoutes } from './routes.tsx';

type Json = Record<string, any>;

describe('OpenAPI document', () => {
  it('passes the Redocly linter (recommended rules) without errors or warnings', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: JSON.stringify(openApiDocument()), absoluteRef: '/api/v1/openapi.json', config });
    expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} @ ${p.location[0]?.pointer}`)).toEqual([]);
  });

  it('is generated from the schemas: the contribution schema has every field of the canonical shape', () => {
    const schemas = (openApiDocument().components as Json).schemas as Json;
    expect(Object.keys(schemas.Contribution.properties)).toEqual(expect.arrayContaining(['id', 'slug', 'title', 'contacts', 'taxonomy', 'places', 'updatedAt']));
    expect(schemas.ContributionList.properties.items.items).toEqual({ $ref: '#/components/schemas/Contribution' });
  });
});

describe.each(testEngines)('read API on %s', (engine) => {
  let database: TestDatabase;
  let repository: ContributionRepository;
  let search: CatalogSearchService;
  let catalog: CatalogReader;
  let app: Hono;
  let published: Contribution[];
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    repository = createContributionRepository(database.db);
    const taxonomy = createTaxonomyRepository(database.db);
    catalog = catalogReader(repository, taxonomy);
    published = await repository.createMany([bfaFactsheet, vagQuestionnaire, repairCafe].map((c) => ({ content: contentOf(c) })), { state: 'published', actor: 'test' });
    // A draft whose contact did not consent: never visible.
    await repository.create({ ...contentOf(repairCafe), title: 'Entwurf mit geheimer Kontaktperson' }, { state: 'draft', actor: 'test' });
    search = createCatalogSearch({ contributions: repository });
    await search.load();
    app = createWebApp({ catalog, search, siteUrl: 'https://baukasten.example' });
    ajv.addSchema({ ...openApiDocument(), $id: 'openapi' }, 'openapi');
  }, 60_000);

  afterAll(async () => {
    search?.stop();
    await database?.dispose();
  });

  /** Validates a body against the document's schema for that path and status (the contract). */
  function expectMatchesContract(path: string, status: string, body: unknown, mediaType = status.startsWith('2') ? 'application/json' : 'application/problem+json') {
    const pointer = `openapi#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/get/responses/${status}/content/${mediaType.replace(/\//g, '~1')}/schema`;
    const validate = ajv.getSchema(pointer);
    expect(validate, `no schema at ${pointer}`).toBeDefined();
    const valid = validate!(body);
    expect(valid ? [] : validate!.errors).toEqual([]);
  }

  async function get(path: string, headers: Record<string, string> = {}, on: { request: Hono['request'] } = app) {
    const response = await on.request(path, { headers });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: text ? (JSON.parse(text) as Json) : null };
  }

  describe('contract: real responses of every endpoint match the OpenAPI document', () => {
    it('GET /contributions (with query, filters and facets)', async () => {
      const all = await get('/api/v1/contributions');
      expect(all.status).toBe(200);
      expectMatchesContract('/contributions', '200', all.json);
      expect(all.json!.total).toBe(3);

      const filtered = await get('/api/v1/contributions?q=Budget&bereich=soziales&sdg=8&region=lk-lahn-dill');
      expectMatchesContract('/contributions', '200', filtered.json);
      expect(filtered.json!.items.map((c: Json) => c.slug)).toEqual([published[0]!.slug]);
      expect(filtered.json!.query).toEqual({ q: ['Budget'], bereich: ['soziales'], sdg: ['8'], region: ['lk-lahn-dill'] });
      expect(filtered.json!.facets.sdg).toContainEqual(expect.objectContaining({ value: '8', selected: true, label: expect.stringMatching(/\w/) }));
    });

    it('GET /contributions/{idOrSlug} by slug and by id, with Last-Modified', async () => {
      const bySlug = await get(`/api/v1/contributions/${published[2]!.slug}`);
      expect(bySlug.status).toBe(200);
      expectMatchesContract('/contributions/{idOrSlug}', '200', bySlug.json);
      expect(bySlug.headers.get('Last-Modified')).toBe(new Date(published[2]!.updatedAt).toUTCString());
      const byId = await get(`/api/v1/contributions/${published[2]!.id}`);
      expect(byId.json).toEqual(bySlug.json);
    });

    it('GET /taxonomies and /regions with current names', async () => {
      const taxonomies = await get('/api/v1/taxonomies');
      expectMatchesContract('/taxonomies', '200', taxonomies.json);
      expect(taxonomies.json!.leitsaetze).toHaveLength(22);
      expect(taxonomies.json!.sdgs).toHaveLength(17);
      await createTaxonomyRepository(database.db).rename('sdgs', '13', 'Klimaschutz (umbenannt)');
      const renamedApp = createWebApp({ catalog: { ...catalog, taxonomyNames: createTaxonomyRepository(database.db).names }, search });
      const renamed = await get('/api/v1/taxonomies', {}, renamedApp);
      expect(renamed.json!.sdgs.find((s: Json) => s.number === 13).title).toBe('Klimaschutz (umbenannt)');

      const regions = await get('/api/v1/regions');
      expectMatchesContract('/regions', '200', regions.json);
      expect(regions.json!.items.find((r: Json) => r.id === 'lk-lahn-dill')).toMatchObject({ type: 'landkreis', parent: 'rb-giessen' });
    });

    it('errors of each endpoint are problem+json as documented', async () => {
      const cases: Array<[string, string, string, number]> = [
        ['/api/v1/contributions?sdg=99', '/contributions', '400', 400],
        ['/api/v1/contributions/gibt-es-nicht', '/contributions/{idOrSlug}', '404', 404],
        ['/api/v1/contributions/00000000-0000-4000-8000-000000000000', '/contributions/{idOrSlug}', '404', 404],
        ['/api/v1/contributions/NICHT%20G%C3%9CLTIG', '/contributions/{idOrSlug}', '400', 400],
      ];
      for (const [url, path, status, code] of cases) {
        const response = await get(url);
        expect(response.status, url).toBe(code);
        expect(response.headers.get('Content-Type')).toBe('application/problem+json; charset=utf-8');
        expectMatchesContract(path, status, response.json);
      }
    });
  });

  it('shows personal contact data only with consent, no internal provenance, no drafts', async () => {
    const list = await get('/api/v1/contributions?limit=100');
    const everything = [list.text, (await get(`/api/v1/contributions/${published[0]!.slug}`)).text].join('\n');
    // bfaFactsheet's contact did not consent.
    for (const secret of ['Jörg Heyer', '9277607', 'j.heyer@lag-werkstaetten.de', 'projektsteckbrief-bfa.txt', 'Entwurf mit geheimer Kontaktperson']) {
      expect(everything).not.toContain(secret);
    }
    const bfa = list.json!.items.find((c: Json) => c.id === published[0]!.id);
    expect(bfa.contacts).toEqual([{ name: null, role: 'Projektleitung', phone: null, email: null, publishConsent: false }]);
    // repairCafe's contact consented.
    const cafe = list.json!.items.find((c: Json) => c.id === published[2]!.id);
    expect(cafe.contacts[0]).toMatchObject({ name: 'Erika Musterfrau', email: 'erika.musterfrau@example.org', phone: '+49 6151 123456' });
    expect((await get(`/api/v1/contributions/${encodeURIComponent('entwurf-mit-geheimer-kontaktperson')}`)).status).toBe(404);
  });

  describe('conditional requests', () => {
    it('answers 304 to a matching If-None-Match, and to If-Modified-Since when unchanged', async () => {
      for (const path of ['/api/v1/contributions?sdg=8', `/api/v1/contributions/${published[1]!.slug}`, '/api/v1/taxonomies', '/api/v1/regions', '/api/v1/openapi.json']) {
        const first = await get(path);
        const etag = first.headers.get('ETag')!;
        expect(etag, path).toMatch(/^"[\w-]+"$/);
        const again = await get(path, { 'If-None-Match': etag });
        expect(again.status, path).toBe(304);
        expect(again.text).toBe('');
        expect((await get(path, { 'If-None-Match': `"anders", W/${etag}` })).status).toBe(304);
        expect((await get(path, { 'If-None-Match': '"anders"' })).status).toBe(200);
      }
      const detail = `/api/v1/contributions/${published[1]!.slug}`;
      const lastModified = (await get(detail)).headers.get('Last-Modified')!;
      expect((await get(detail, { 'If-Modified-Since': lastModified })).status).toBe(304);
      expect((await get(detail, { 'If-Modified-Since': new Date(Date.parse(lastModified) - 1000).toUTCString() })).status).toBe(200);
    });
  });

  describe('CORS and methods', () => {
    it('allows every origin to read and answers preflight requests', async () => {
      const response = await app.request('/api/v1/regions', { headers: { Origin: 'https://andere-seite.example' } });
      expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
      expect(response.headers.get('Access-Control-Expose-Headers')).toContain('ETag');
      const preflight = await app.request('/api/v1/contributions', {
        method: 'OPTIONS',
        headers: { Origin: 'https://andere-seite.example', 'Access-Control-Request-Method': 'GET' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe('*');
      expect(preflight.headers.get('Access-Control-Allow-Methods')).toContain('GET');
      const head = await app.request('/api/v1/regions', { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(await head.text()).toBe('');
    });

    it('refuses other methods with 405, bodies with 413/415 and non-JSON Accept with 406, all as problem+json (never the csrf page)', async () => {
      const post = await app.request('/api/v1/regions', {
        method: 'POST',
        headers: { Origin: 'https://fremd.example', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'a=1',
      });
      expect(post.status).toBe(405);
      expect(post.headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
      expect(post.headers.get('Content-Type')).toBe('application/problem+json; charset=utf-8');
      expect(((await post.json()) as Json).title).toBe('Methode nicht erlaubt');
      const put = await app.request('/api/v1/contributions', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      expect(put.status).toBe(405);
      expect(put.headers.get('Allow')).toBe('GET, POST, HEAD, OPTIONS');

      // This instance takes no tokens: a write is refused as unauthorised, as JSON, not with the site's csrf page.
      const write = await app.request('/api/v1/contributions', {
        method: 'POST',
        headers: { Origin: 'https://fremd.example', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'a=1',
      });
      expect(write.status).toBe(401);
      expect(write.headers.get('Content-Type')).toBe('application/problem+json; charset=utf-8');

      const big = await app.request('/api/v1/contributions', { method: 'GET', headers: { 'Content-Type': 'application/json', 'Content-Length': '20010' } });
      expect(big.status).toBe(413);
      const withBody = await app.request(new Request('http://localhost/api/v1/regions', { method: 'GET', headers: { 'Content-Length': '7', 'Content-Type': 'application/json' } }));
      expect(withBody.status).toBe(415);
      const xml = await app.request('/api/v1/regions', { headers: { Accept: 'application/xml' } });
      expect(xml.status).toBe(406);
      expect((await app.request('/api/v1/regions', { headers: { Accept: 'text/html, */*;q=0.1' } })).status).toBe(200);
      expect((await app.request('/api/v1/gibt-es-nicht')).status).toBe(404);
    });
  });

  describe('bad input gives 400 problem+json, never 500', () => {
    it.each([
      ['unknown filter value', '/api/v1/contributions?art=raumschiff', 'art'],
      ['unknown parameter', '/api/v1/contributions?seite=2', 'seite'],
      ['unknown sort', '/api/v1/contributions?sortierung=zufall', 'sortierung'],
      ['bad limit', '/api/v1/contributions?limit=1000', 'limit'],
      ['repeated q', '/api/v1/contributions?q=a&q=b', 'q'],
      ['malformed percent-encoding', '/api/v1/contributions?q=%E0%A4%A', '(Adresse)'],
      ['too long q', `/api/v1/contributions?q=${'x'.repeat(201)}`, 'q'],
    ])('%s', async (_name, url, parameter) => {
      const response = await get(url);
      expect(response.status).toBe(400);
      expect(response.json).toMatchObject({ type: '/api/v1/docs#problem-invalid-parameter', status: 400, title: 'Ungültiger Parameter' });
      expect(response.json!.errors.map((e: Json) => e.parameter)).toContain(parameter);
    });

    it.each([
      ['garbage', 'kein-cursor!', 'invalid-cursor'],
      ['base64 of nonsense', Buffer.from('{"v":2}').toString('base64url'), 'invalid-cursor'],
      ['from another query', encodeCursor(queryHash({ text: 'x', filters: { kinds: [], areas: [], leitsaetze: [], sdgs: [], regions: [], targetGroups: [], statuses: [], participationOpen: false, fundingKinds: [] }, sort: 'neueste' }), {}, Date.now()), 'invalid-cursor'],
      ['expired', encodeCursor(queryHash({ text: '', filters: { kinds: [], areas: [], leitsaetze: [], sdgs: [], regions: [], targetGroups: [], statuses: [], participationOpen: false, fundingKinds: [] }, sort: 'neueste' }), {}, Date.now() - 25 * 3600_000), 'expired-cursor'],
    ])('cursor: %s', async (_name, cursor, type) => {
      const response = await get(`/api/v1/contributions?cursor=${encodeURIComponent(cursor)}`);
      expect(response.status).toBe(400);
      expect(response.json!.type).toBe(`/api/v1/docs#problem-${type}`);
      expectMatchesContract('/contributions', '400', response.json);
    });
  });

  describe('cursor pagination is stable under inserts', () => {
    async function pageThrough(on: { request: Hono['request'] }, first: string, between: (page: number) => Promise<void>): Promise<string[]> {
      const seen: string[] = [];
      let url: string | null = first;
      for (let page = 1; url && page < 50; page++) {
        const response = await get(url, {}, on);
        expect(response.status, url).toBe(200);
        seen.push(...response.json!.items.map((c: Json) => c.title));
        url = response.json!.next;
        await between(page);
      }
      return seen;
    }

    async function publish(title: string): Promise<void> {
      await repository.create({ ...contentOf(repairCafe), title, teaser: 'Kursor Stabilitaet', taxonomy: { ...repairCafe.taxonomy, sdgs: [14] } }, { state: 'published', actor: 'test' });
      await search.refresh();
    }

    it('"neueste" and "titel": a contribution published between two pages causes no duplicate and no gap', async () => {
      for (let i = 1; i <= 5; i++) await publish(`Kursor Beispiel ${i}`);
      const before = (await get('/api/v1/contributions?sdg=14&limit=100')).json!.items.map((c: Json) => c.title) as string[];
      expect(before).toHaveLength(5);

      const newest = await pageThrough(app, '/api/v1/contributions?sdg=14&limit=2', (page) => (page === 1 ? publish('Kursor Beispiel neu') : Promise.resolve()));
      expect(newest).toEqual(before);

      // Title order: one new title sorts before the position reached, one after it; the later one is met once.
      const byTitle = await pageThrough(app, '/api/v1/contributions?sdg=14&sortierung=titel&limit=2', async (page) => {
        if (page === 1) {
          await publish('Kursor A ganz vorn');
          await publish('Kursor Z ganz hinten');
        }
      });
      const titles = ((await get('/api/v1/contributions?sdg=14&sortierung=titel&limit=100')).json!.items as Json[]).map((c) => c.title as string);
      expect(new Set(byTitle).size).toBe(byTitle.length);
      expect(byTitle).toEqual(titles.filter((t) => t !== 'Kursor A ganz vorn'));
    });

    it('"relevanz": contributions published after the first page stay out of the following pages', async () => {
      const relevanceApp = new Hono().route('/api/v1', createApiRoutes({ catalog, search, logError: (e) => console.error(e), render: async () => new Response(''), absoluteUrl: (_c, p) => p }));
      await new Promise((resolve) => setTimeout(resolve, 5));
      const before = (await get('/api/v1/contributions?q=Kursor&limit=100', {}, relevanceApp)).json!.items.map((c: Json) => c.title) as string[];
      let n = 0;
      const paged = await pageThrough(relevanceApp, '/api/v1/contributions?q=Kursor&limit=3', () => publish(`Kursor Nachzügler ${++n}`));
      expect(paged).toEqual(before);
    });
  });

  it('serves a readable German docs page generated from the document, without scripts', async () => {
    const response = await app.request('/api/v1/docs');
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toContain('text/html');
    expect(html).toContain('<html lang="de">');
    expect(html).not.toContain('<script');
    const text = textOf(html);
    for (const expected of ['GET /api/v1/contributions', 'GET /api/v1/contributions/{idOrSlug}', 'GET /api/v1/taxonomies', 'GET /api/v1/regions', 'sortierung', 'contacts', 'problem+json']) {
      expect(text).toContain(expected);
    }
  });
});
