import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import type { Child } from 'hono/jsx';
import type { PageMeta } from '../layout.tsx';
import type { CatalogReader, CatalogSearch } from '../ports.ts';
import { getContribution, listContributions } from './contributions.ts';
import { ApiDocsPage } from './docs-page.tsx';
import { acceptsJson, jsonResponse } from './http.ts';
import { openApiDocument } from './openapi.ts';
import { problem, type ProblemType } from './problem.ts';
import { listRegions } from './regions.ts';
import { getTaxonomies } from './taxonomies.ts';

/*
 * The read-only open data API under /api/v1: thin handlers, one module per endpoint group, the
 * OpenAPI document generated from their schemas. Every answer, errors included, is JSON
 * (problem+json for errors) except the docs page.
 */

export interface ApiDeps {
  catalog: CatalogReader;
  search: CatalogSearch;
  logError: (error: unknown) => void;
  render: (c: Context, meta: PageMeta, content: Child) => Promise<Response>;
  absoluteUrl: (c: Context, path: string) => string;
  /** See cursor.ts; default 0 (a contribution published just before a first page but not yet indexed may show up on a later page). */
  relevanceSettleMs?: number;
  now?: () => number;
}

/** Read endpoints take no request body; anything larger than this is refused before anything else. */
export const maxRequestBodyBytes = 16 * 1024;
const readMethods = ['GET', 'HEAD', 'OPTIONS'];

export function createApiRoutes(deps: ApiDeps): Hono {
  const api = new Hono();
  const contributions = { catalog: deps.catalog, search: deps.search, relevanceSettleMs: deps.relevanceSettleMs ?? 0, now: deps.now ?? Date.now };

  // Open data: every origin may read; preflight requests are answered here.
  api.use('*', cors({ origin: '*', allowMethods: readMethods, exposeHeaders: ['ETag', 'Last-Modified', 'Link'], maxAge: 86_400 }));

  api.use('*', async (c, next) => {
    const length = Number(c.req.header('Content-Length') ?? '0');
    const hasBody = (Number.isFinite(length) && length > 0) || c.req.header('Transfer-Encoding') !== undefined || c.req.raw.body !== null;
    if (!Number.isFinite(length) || length > maxRequestBodyBytes) {
      return problem(c, 'payload-too-large', `Anfragen an die API dürfen höchstens ${maxRequestBodyBytes / 1024} KiB Inhalt haben; die Lese-Endpunkte brauchen keinen.`);
    }
    if (!readMethods.includes(c.req.method)) {
      c.header('Allow', readMethods.join(', '));
      return problem(c, 'method-not-allowed', `Die Schnittstelle ist nur lesbar: ${c.req.method} ist nicht erlaubt, nur ${readMethods.join(', ')}.`);
    }
    if (hasBody) return problem(c, 'unsupported-media-type', 'Die Lese-Endpunkte nehmen keinen Anfrageinhalt an.');
    if (c.req.path !== '/api/v1/docs' && !acceptsJson(c.req.header('Accept'))) {
      return problem(c, 'not-acceptable', 'Die Schnittstelle antwortet nur mit JSON (application/json).');
    }
    await next();
  });

  api.get('/contributions', listContributions(contributions));
  api.get('/contributions/:idOrSlug', getContribution(contributions));
  api.get('/taxonomies', getTaxonomies(deps));
  api.get('/regions', listRegions(deps));
  api.get('/openapi.json', (c) => jsonResponse(c, openApiDocument(), { maxAge: 3600 }));
  api.get('/docs', (c) =>
    deps.render(
      c,
      {
        title: 'Offene-Daten-Schnittstelle (API)',
        description: 'Dokumentation der lesenden Schnittstelle des Nachhaltigkeitsbaukastens: Beiträge, Suche, Taxonomien und Regionen als JSON.',
        canonicalUrl: deps.absoluteUrl(c, '/api/v1/docs'),
      },
      <ApiDocsPage document={openApiDocument()} />,
    ),
  );
  api.all('*', (c) => problem(c, 'not-found', `Den Endpunkt ${c.req.path.slice(0, 200)} gibt es nicht. Übersicht: /api/v1/docs`));

  api.onError((error, c) => {
    if (error instanceof HTTPException && error.status < 500) {
      const type: ProblemType = error.status === 404 ? 'not-found' : error.status === 413 ? 'payload-too-large' : error.status === 415 ? 'unsupported-media-type' : 'invalid-parameter';
      return problem(c, type, 'Die Anfrage konnte nicht verarbeitet werden.');
    }
    deps.logError(error);
    return problem(c, 'server-error', 'Ein Fehler ist aufgetreten. Bitte später erneut versuchen.');
  });

  return api;
}
