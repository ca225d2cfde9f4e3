import { Hono, type Context } from 'hono';
import { authenticate, invalidToken, rateLimit, requireScope, type ApiAccessDeps, type ApiEnv } from './access.ts';
import { limitBody } from './body.ts';
import { createContributionHandler, createOperation, patchContributionHandler, patchOperation, type ContributionWriteDeps } from './contribution-writes.ts';
import { importDocumentHandler, importOperation } from './imports.ts';
import { pathPattern } from './operation.ts';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import type { Child } from 'hono/jsx';
import type { PageMeta } from '../layout.tsx';
import type { CatalogReader, CatalogSearch } from '../ports.ts';
import { getContribution, listContributions } from './contributions.ts';
import { ApiDocsPage } from './docs-page.tsx';
import { acceptsJson, jsonResponse } from './http.ts';
import { apiBasePath, openApiDocument, operations } from './openapi.ts';
import { problem, type ProblemType } from './problem.ts';
import { listRegions } from './regions.ts';
import { getTaxonomies } from './taxonomies.ts';

/*
 * The open data API under /api/v1: thin handlers, one module per endpoint group, the OpenAPI
 * document generated from their schemas. Reads are open to everyone; writes need an API token
 * with a scope (access.ts). Every answer, errors included, is JSON (problem+json for errors)
 * except the docs page.
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
  /** Tokens, rate limits and the write endpoints; left out, the API is read-only and unlimited (e.g. in tests of the read API). */
  access?: ApiAccessDeps & { writes: ContributionWriteDeps };
}

/** Read requests take no body; anything larger than this is refused before anything else. */
export const maxRequestBodyBytes = 16 * 1024;
const readMethods = ['GET', 'HEAD', 'OPTIONS'];

/** Allowed methods per path, from the operations (GET implies HEAD; OPTIONS is CORS). */
const methodsByPath = [...new Set(operations.map((o) => o.path))].map((path) => {
  const methods = operations.filter((o) => o.path === path).map((o) => o.method.toUpperCase());
  return { pattern: pathPattern(`${apiBasePath}${path}`), methods: [...methods, ...(methods.includes('GET') ? ['HEAD', 'OPTIONS'] : [])] };
});

export function createApiRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const api = new Hono<ApiEnv>();
  const access = deps.access ?? null;
  const contributions = {
    catalog: deps.catalog,
    search: deps.search,
    relevanceSettleMs: deps.relevanceSettleMs ?? 0,
    now: deps.now ?? Date.now,
    editing: access ? access.writes.contributions : null,
  };

  // Open data: every origin may read; preflight requests are answered here. Writes come from
  // servers of trusted systems, not from browsers, so no other origin is allowed to send them.
  api.use('*', cors({ origin: '*', allowMethods: readMethods, exposeHeaders: ['ETag', 'Last-Modified', 'Link', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'Retry-After'], maxAge: 86_400 }));
  api.use('*', authenticate(access));
  api.use('*', rateLimit(access));

  api.use('*', async (c, next) => {
    const route = methodsByPath.find((r) => r.pattern.test(c.req.path));
    const allowed = route?.methods ?? readMethods;
    if (!allowed.includes(c.req.method)) {
      c.header('Allow', allowed.join(', '));
      return problem(c, 'method-not-allowed', `${c.req.method} ist hier nicht erlaubt, nur ${allowed.join(', ')}.`);
    }
    if (c.req.path !== '/api/v1/docs' && !acceptsJson(c.req.header('Accept'))) {
      return problem(c, 'not-acceptable', 'Die Schnittstelle antwortet nur mit JSON (application/json).');
    }
    if (readMethods.includes(c.req.method)) {
      const length = Number(c.req.header('Content-Length') ?? '0');
      if (!Number.isFinite(length) || length > maxRequestBodyBytes) {
        return problem(c, 'payload-too-large', `Lesende Anfragen dürfen höchstens ${maxRequestBodyBytes / 1024} KiB Inhalt haben; sie brauchen keinen.`);
      }
      const hasBody = length > 0 || c.req.header('Transfer-Encoding') !== undefined || c.req.raw.body !== null;
      if (hasBody) return problem(c, 'unsupported-media-type', 'Lesende Anfragen nehmen keinen Anfrageinhalt an.');
    }
    await next();
  });

  api.get('/contributions', listContributions(contributions));
  api.get('/contributions/:idOrSlug', getContribution(contributions));
  // Writes: scope and body size come from each operation (the same values the OpenAPI document states).
  const readOnly = (c: Context<ApiEnv>) => invalidToken(c, 'Diese Instanz nimmt keine Zugangsschlüssel an; die Schnittstelle ist hier nur lesbar.', null);
  const writes = [
    { operation: createOperation, handler: createContributionHandler },
    { operation: patchOperation, handler: patchContributionHandler },
    { operation: importOperation, handler: importDocumentHandler },
  ];
  for (const { operation, handler } of writes) {
    const path = operation.path.replace(/\{(\w+)\}/g, ':$1');
    const method = operation.method.toUpperCase();
    if (!access) api.on(method, path, readOnly);
    else api.on(method, path, requireScope(operation.scope!), limitBody(operation.requestBody!.maxBytes), handler(access.writes));
  }
  api.get('/taxonomies', getTaxonomies(deps));
  api.get('/regions', listRegions(deps));
  api.get('/openapi.json', (c) => jsonResponse(c, openApiDocument(), { maxAge: 3600 }));
  api.get('/docs', (c) =>
    deps.render(
      c,
      {
        title: 'Offene-Daten-Schnittstelle (API)',
        description: 'Dokumentation der Schnittstelle des Nachhaltigkeitsbaukastens: Beiträge, Suche, Taxonomien und Regionen als JSON; Import und Bearbeitung für berechtigte Systeme.',
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
