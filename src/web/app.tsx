import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Child } from 'hono/jsx';
import { DetailPage } from './detail-page.tsx';
import { NotFoundPage, ServerErrorPage } from './error-pages.tsx';
import { Layout, siteName, type PageMeta } from './layout.tsx';
import { excerpt } from './markdown.ts';
import type { CatalogReader } from './ports.ts';
import { StartPage, contributionPath, introText, pagePath, summaryOf } from './start-page.tsx';

export const pageSize = 20;

export interface WebAppDeps {
  catalog: CatalogReader;
  /** Public base URL for canonical links; without it the request's own origin is used. */
  siteUrl?: string;
  /** Where unexpected errors are reported; the visitor only ever sees a German message. */
  logError?: (error: unknown) => void;
}

// Read once at startup: a missing stylesheet should fail the deploy, not a request.
const stylesheet = readFileSync(new URL('./static/app.css', import.meta.url), 'utf8');
const stylesheetVersion = createHash('sha256').update(stylesheet).digest('hex').slice(0, 12);
const stylesheetHref = `/static/app.css?v=${stylesheetVersion}`;

const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

// No page needs scripts, so the policy forbids them: a second line of defence behind escaping.
const contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** ?seite= as a page number; anything that is not a plain positive integer is reported, not thrown. */
export function parsePageParam(raw: string | undefined): { page: number; invalid: string | null } {
  if (raw === undefined || raw.trim() === '') return { page: 1, invalid: null };
  if (/^\d{1,6}$/.test(raw) && Number(raw) >= 1) return { page: Number(raw), invalid: null };
  return { page: 1, invalid: raw.length > 40 ? `${raw.slice(0, 40)}…` : raw };
}

export function createWebApp(deps: WebAppDeps): Hono {
  const { catalog } = deps;
  const logError = deps.logError ?? ((error: unknown) => console.error(error));
  const app = new Hono();

  const absoluteUrl = (c: Context, path: string) => `${deps.siteUrl?.replace(/\/+$/, '') ?? new URL(c.req.url).origin}${path}`;

  const render = async (c: Context, meta: PageMeta, content: Child, status: 200 | 404 | 500 = 200) => {
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

  app.get('/static/app.css', (c) => {
    const etag = `"${stylesheetVersion}"`;
    // The page links a versioned URL, so that one may be cached for good; the bare URL only briefly.
    c.header('Cache-Control', c.req.query('v') === stylesheetVersion ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
    c.header('ETag', etag);
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304);
    c.header('Content-Type', 'text/css; charset=utf-8');
    return c.body(stylesheet);
  });

  app.get('/', async (c) => {
    const requested = parsePageParam(c.req.query('seite'));
    let page = requested.page;
    let hint = requested.invalid === null ? null : `Die Seitenangabe „${requested.invalid}“ ist keine gültige Seitenzahl. Angezeigt wird die erste Seite.`;
    let result = await catalog.listPublished({ limit: pageSize, offset: (page - 1) * pageSize });
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
    return render(c, meta, <StartPage items={result.items} total={result.total} page={page} pageCount={pageCount} hint={hint} />);
  });

  app.get('/beitraege/:slug', async (c) => {
    const slug = c.req.param('slug');
    // Malformed slugs cannot exist, so they never reach the database.
    if (slug.length > 200 || !slugPattern.test(slug)) return c.notFound();
    const [contribution, names] = await Promise.all([catalog.findPublishedBySlug(slug), catalog.taxonomyNames()]);
    if (!contribution) return c.notFound();
    const meta: PageMeta = {
      title: contribution.title,
      description: summaryOf(contribution, 160) ?? excerpt(`${contribution.title} – ein Beitrag im ${siteName}.`, 160),
      canonicalUrl: absoluteUrl(c, contributionPath(contribution.slug)),
    };
    return render(c, meta, <DetailPage contribution={contribution} names={names} />);
  });

  const notFound = (c: Context) =>
    render(c, { title: 'Seite nicht gefunden', description: 'Diese Seite gibt es nicht.', canonicalUrl: absoluteUrl(c, c.req.path), noindex: true }, <NotFoundPage />, 404);

  app.notFound(notFound);

  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status === 404) return notFound(c);
    if (error instanceof HTTPException && error.status < 500) return error.getResponse();
    logError(error);
    return render(c, { title: 'Fehler', description: 'Ein Fehler ist aufgetreten.', canonicalUrl: absoluteUrl(c, '/'), noindex: true }, <ServerErrorPage />, 500);
  });

  return app;
}
