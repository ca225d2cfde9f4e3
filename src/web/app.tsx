import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Hono, type Context } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import type { Child } from 'hono/jsx';
import { kindLabels, type Contribution } from '../domain/contribution.ts';
import { emptyFilters, type SearchQuery, type SearchResult } from '../search/types.ts';
import { createContentStore, contentPages, type ContentPageName } from './content-pages.ts';
import { DetailPage } from './detail-page.tsx';
import { CrossSiteRequestPage, NotFoundPage, ServerErrorPage } from './error-pages.tsx';
import { createApiRoutes, type ApiDeps } from './api/routes.tsx';
import { createOpenDataRoutes, type OpenDataDeps } from './open-data/routes.tsx';
import { createBackOfficeRoutes } from './backoffice/routes.tsx';
import type { BackOfficeDeps } from './backoffice/env.ts';
import type { SubmissionDeps } from '../app/submissions/deps.ts';
import { createSubmissionRoutes } from './submission/routes.tsx';
import { atomFeed, sitemapXml, type SitemapEntry } from './feeds.ts';
import { contributionJsonLd, jsonForScript } from './json-ld.ts';
import { Layout, feedPath, openDataPath, siteName, type PageMeta } from './layout.tsx';
import { excerpt } from './markdown.ts';
import type { CatalogReader, CatalogSearch } from './ports.ts';
import { RegionsPage } from './regions-page.tsx';
import { SearchPage, searchHeading } from './search-page.tsx';
import { parseSearchParams, searchPath } from './search-params.ts';
import { StartPage, contributionPath, introText, pagePath, summaryOf } from './start-page.tsx';

export const pageSize = 20;

export interface WebAppDeps {
  catalog: CatalogReader;
  /** The catalog search (src/search); pages only use the CatalogSearch contract. */
  search: CatalogSearch;
  /** Directory of the editable page texts (impressum.md, datenschutz.md, barrierefreiheit.md); default: content/. */
  contentDir?: string;
  /** Public base URL for canonical links; without it the request's own origin is used. */
  siteUrl?: string;
  /** Where unexpected errors are reported; the visitor only ever sees a German message. */
  logError?: (error: unknown) => void;
  /** The editorial back office under /redaktion; left out, the site is read-only. */
  backOffice?: BackOfficeDeps;
  /** The public submission questionnaire under /einreichen; left out, there is none. */
  submissions?: SubmissionDeps;
  /** API tokens, rate limits and write endpoints under /api/v1; left out, the API is read-only and unlimited. */
  apiAccess?: ApiDeps['access'];
  /** Open data downloads and their DCAT-AP.de description under /daten; left out, there are none. */
  openData?: OpenDataDeps;
}

interface StaticAsset {
  body: string;
  version: string;
  contentType: string;
  /** Versioned URL the pages link, cacheable for good. */
  href: string;
}

// Read once at startup: a missing asset should fail the deploy, not a request.
function loadAsset(name: string, contentType: string): StaticAsset {
  const body = readFileSync(new URL(`./static/${name}`, import.meta.url), 'utf8');
  const version = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { body, version, contentType, href: `/static/${name}?v=${version}` };
}

const assets: Record<string, StaticAsset> = {
  'app.css': loadAsset('app.css', 'text/css; charset=utf-8'),
  'enhance.js': loadAsset('enhance.js', 'text/javascript; charset=utf-8'),
};
const stylesheetHref = assets['app.css']!.href;
const enhanceScriptHref = assets['enhance.js']!.href;

const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

// Only the site's own script files may run (no inline scripts, no eval): a second line of defence behind escaping.
// JSON-LD blocks are data, not scripts, and are never executed.
const contentSecurityPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** ?seite= as a page number; anything that is not a plain positive integer is reported, not thrown. */
export function parsePageParam(raw: string | undefined): { page: number; invalid: string | null } {
  if (raw === undefined || raw.trim() === '') return { page: 1, invalid: null };
  if (/^\d{1,6}$/.test(raw) && Number(raw) >= 1) return { page: Number(raw), invalid: null };
  return { page: 1, invalid: raw.length > 40 ? `${raw.slice(0, 40)}…` : raw };
}

/** Everything after "?" in the request URL, exactly as sent (percent-encoding untouched). */
export function rawQueryString(url: string): string {
  const start = url.indexOf('?');
  if (start < 0) return '';
  const hash = url.indexOf('#', start);
  return url.slice(start + 1, hash < 0 ? undefined : hash);
}

const emptyQuery = (pageSize: number): SearchQuery => ({ text: '', filters: emptyFilters(), sort: 'neueste', page: 1, pageSize });

export function createWebApp(deps: WebAppDeps): Hono {
  const { catalog, search } = deps;
  const content = createContentStore(deps.contentDir);
  const logError = deps.logError ?? ((error: unknown) => console.error(error));
  const app = new Hono();

  const absoluteUrl = (c: Context, path: string) => `${deps.siteUrl?.replace(/\/+$/, '') ?? new URL(c.req.url).origin}${path}`;

  const render = async (c: Context, meta: PageMeta, content: Child, status: 200 | 400 | 401 | 403 | 404 | 409 | 410 | 413 | 429 | 500 = 200) => {
    const page = await (
      <Layout meta={meta} stylesheetHref={stylesheetHref}>
        {content}
      </Layout>
    );
    return c.html(`<!DOCTYPE html>${page}`, status);
  };

  app.use(async (c, next) => {
    await next();
    c.header('Content-Security-Policy', contentSecurityPolicy);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
  });

  // The JSON API answers before the Origin check below: reads are open to every origin, and writes
  // need a bearer token, which a browser never sends on its own (no cross-site request forgery).
  app.route('/api/v1', createApiRoutes({ catalog, search, logError, render, absoluteUrl, access: deps.apiAccess }));
  // Open data downloads: read-only and open to every origin as well.
  if (deps.openData) app.route(openDataPath, createOpenDataRoutes({ ...deps.openData, taxonomyNames: catalog.taxonomyNames, render, absoluteUrl, logError }));

  // Cross-site form posts are refused for every state-changing request (Origin check); the back
  // office additionally requires its per-session CSRF token.
  // Behind a proxy the request URL is internal, so the configured public origin counts as well.
  const publicOrigin = deps.siteUrl ? new URL(deps.siteUrl).origin : null;
  app.use(csrf({ origin: (origin, c) => origin === new URL(c.req.url).origin || origin === publicOrigin }));

  if (deps.backOffice) app.route('/redaktion', createBackOfficeRoutes(deps.backOffice, render).app);
  if (deps.submissions) app.route('/einreichen', createSubmissionRoutes(deps.submissions, { render, scripts: [enhanceScriptHref], absoluteUrl }));

  app.get('/static/:name', (c) => {
    const asset = assets[c.req.param('name')];
    if (!asset || !Object.hasOwn(assets, c.req.param('name'))) return c.notFound();
    const etag = `"${asset.version}"`;
    // The page links a versioned URL, so that one may be cached for good; the bare URL only briefly.
    c.header('Cache-Control', rawQueryString(c.req.url) === `v=${asset.version}` ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
    c.header('ETag', etag);
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304);
    c.header('Content-Type', asset.contentType);
    return c.body(asset.body);
  });

  app.get('/', async (c) => {
    const requested = parsePageParam(c.req.query('seite'));
    let page = requested.page;
    let hint = requested.invalid === null ? null : `Die Seitenangabe „${requested.invalid}“ ist keine gültige Seitenzahl. Angezeigt wird die erste Seite.`;
    const [firstResult, names, newest] = await Promise.all([
      catalog.listPublished({ limit: pageSize, offset: (page - 1) * pageSize }),
      catalog.taxonomyNames(),
      search.search({ ...emptyQuery(6), sort: 'neueste' }),
    ]);
    let result = firstResult;
    const pageCount = Math.max(1, Math.ceil(result.total / pageSize));
    if (page > pageCount) {
      hint = `Seite ${page} gibt es nicht, die Liste hat ${pageCount === 1 ? 'nur eine Seite' : `${pageCount} Seiten`}. Angezeigt wird die erste Seite.`;
      page = 1;
      result = await catalog.listPublished({ limit: pageSize, offset: 0 });
    }
    const meta: PageMeta = {
      title: page === 1 ? siteName : `Beiträge, Seite ${page}`,
      description: introText,
      canonicalUrl: absoluteUrl(c, pagePath(page)),
      noindex: hint !== null,
    };
    return render(
      c,
      meta,
      <StartPage
        items={result.items}
        total={result.total}
        page={page}
        pageCount={pageCount}
        hint={hint}
        newest={newest.hits.map((hit) => hit.contribution)}
        names={names}
      />,
    );
  });

  app.get('/suche', async (c) => {
    // Parsed from the raw URL: Hono's own query parsing is not made for malformed percent-encoding.
    const parsed = parseSearchParams(rawQueryString(c.req.url));
    const notices = [...parsed.notices];
    let query = parsed.query;
    const [names, firstResult] = await Promise.all([catalog.taxonomyNames(), search.search(query)]);
    let result: SearchResult = firstResult;
    const pageCount = Math.max(1, Math.ceil(result.total / query.pageSize));
    if (query.page > pageCount) {
      notices.push(
        `Seite ${query.page} gibt es nicht, die Ergebnisliste hat ${pageCount === 1 ? 'nur eine Seite' : `${pageCount} Seiten`}. Angezeigt wird die ${pageCount === 1 ? 'erste' : 'letzte'} Seite.`,
      );
      query = { ...query, page: pageCount };
      result = await search.search(query);
    }
    const meta: PageMeta = {
      title: query.page > 1 ? `${searchHeading(query)}, Seite ${query.page}` : searchHeading(query),
      description: 'Suche im Nachhaltigkeitsbaukasten: Praxisbeispiele, Materialien, Förderprogramme und Beratung, gefiltert nach Bereich, SDG, Region und mehr.',
      canonicalUrl: absoluteUrl(c, searchPath(query)),
      noindex: notices.length > 0 || result.total === 0,
      scripts: [enhanceScriptHref],
    };
    return render(c, meta, <SearchPage query={query} result={result} pageCount={pageCount} names={names} notices={notices} />);
  });

  app.get('/regionen', async (c) => {
    const [names, result] = await Promise.all([catalog.taxonomyNames(), search.search(emptyQuery(1))]);
    const meta: PageMeta = {
      title: 'Beiträge nach Regionen',
      description: 'Beiträge des Nachhaltigkeitsbaukastens je Landkreis und kreisfreier Stadt, geordnet nach Regierungsbezirken.',
      canonicalUrl: absoluteUrl(c, '/regionen'),
    };
    return render(c, meta, <RegionsPage facet={result.facets.region} names={names} />);
  });

  for (const name of Object.keys(contentPages) as ContentPageName[]) {
    app.get(`/${name}`, async (c) => {
      const page = await content.load(name);
      if (!page) {
        logError(new Error(`Seitentext content/${contentPages[name].file} fehlt`));
        return c.notFound();
      }
      const meta: PageMeta = { title: page.title, description: contentPages[name].description, canonicalUrl: absoluteUrl(c, `/${name}`) };
      return render(
        c,
        meta,
        <article class="content-page">
          <h1>{page.title}</h1>
          <div class="prose" dangerouslySetInnerHTML={{ __html: page.html }} />
        </article>,
      );
    });
  }

  const allPublished = async (): Promise<Contribution[]> => {
    const items: Contribution[] = [];
    for (let offset = 0; ; offset += 1000) {
      const batch = await catalog.listPublished({ limit: 1000, offset });
      items.push(...batch.items);
      if (batch.items.length < 1000 || items.length >= batch.total) return items;
    }
  };

  app.get('/sitemap.xml', async (c) => {
    const contributions = await allPublished();
    const entries: SitemapEntry[] = [
      { loc: absoluteUrl(c, '/') },
      { loc: absoluteUrl(c, '/suche') },
      { loc: absoluteUrl(c, '/regionen') },
      ...(deps.openData ? [{ loc: absoluteUrl(c, openDataPath) }] : []),
      ...(Object.keys(contentPages) as ContentPageName[]).map((name) => ({ loc: absoluteUrl(c, `/${name}`) })),
      ...contributions.map((item) => ({ loc: absoluteUrl(c, contributionPath(item.slug)), lastmod: item.updatedAt })),
    ];
    c.header('Content-Type', 'application/xml; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(sitemapXml(entries));
  });

  app.get(feedPath, async (c) => {
    const newest = await search.search({ ...emptyQuery(20), sort: 'neueste' });
    const xml = atomFeed({
      selfUrl: absoluteUrl(c, feedPath),
      siteUrl: absoluteUrl(c, ''),
      entries: newest.hits.map((hit) => ({
        contribution: hit.contribution,
        url: absoluteUrl(c, contributionPath(hit.contribution.slug)),
        summary: summaryOf(hit.contribution, 400),
      })),
    });
    c.header('Content-Type', 'application/atom+xml; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(xml);
  });

  app.get('/robots.txt', (c) => {
    c.header('Content-Type', 'text/plain; charset=utf-8');
    return c.body(`User-agent: *\nAllow: /\nSitemap: ${absoluteUrl(c, '/sitemap.xml')}\n`);
  });

  app.get('/beitraege/:slug', async (c) => {
    const slug = c.req.param('slug');
    // Malformed slugs cannot exist, so they never reach the database.
    if (slug.length > 200 || !slugPattern.test(slug)) return c.notFound();
    const [contribution, names] = await Promise.all([catalog.findPublishedBySlug(slug), catalog.taxonomyNames()]);
    if (!contribution) return c.notFound();
    // "Similar" is a convenience: if it fails, the contribution is still shown.
    const similar = await search.similar(contribution, 4).catch((error: unknown) => {
      logError(error);
      return [];
    });
    const canonicalUrl = absoluteUrl(c, contributionPath(contribution.slug));
    const description = summaryOf(contribution, 160) ?? excerpt(`${contribution.title} – ein Beitrag im ${siteName}.`, 160);
    const meta: PageMeta = {
      title: contribution.title,
      description,
      canonicalUrl,
      jsonLd: jsonForScript(
        contributionJsonLd(contribution, { url: canonicalUrl, description: summaryOf(contribution, 500), names, kindLabel: kindLabels[contribution.kind] }),
      ),
    };
    return render(c, meta, <DetailPage contribution={contribution} names={names} similar={similar} />);
  });

  const notFound = (c: Context) =>
    render(c, { title: 'Seite nicht gefunden', description: 'Diese Seite gibt es nicht.', canonicalUrl: absoluteUrl(c, c.req.path), noindex: true }, <NotFoundPage />, 404);

  app.notFound(notFound);

  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status === 404) return notFound(c);
    if (error instanceof HTTPException && error.status === 403) {
      return render(c, { title: 'Anfrage abgelehnt', description: 'Anfrage abgelehnt.', canonicalUrl: absoluteUrl(c, '/'), noindex: true }, <CrossSiteRequestPage />, 403);
    }
    if (error instanceof HTTPException && error.status < 500) return error.getResponse();
    logError(error);
    return render(c, { title: 'Fehler', description: 'Ein Fehler ist aufgetreten.', canonicalUrl: absoluteUrl(c, '/'), noindex: true }, <ServerErrorPage />, 500);
  });

  return app;
}
