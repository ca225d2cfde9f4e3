import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import type { Child } from 'hono/jsx';
import type { CsvContext } from '../../app/exports/csv-columns.ts';
import { exportFormatInfo, exportFormats, type ExportFormat } from '../../app/exports/formats.ts';
import type { OpenDataSettings } from '../../app/exports/settings.ts';
import { contributionExport, defaultExportPageSize, exportFingerprint, type PublishedContributionsSource } from '../../app/exports/write-export.ts';
import { todayInBerlin } from '../../domain/partial-date.ts';
import type { TaxonomyNames } from '../../domain/taxonomy.ts';
import { notModified } from '../api/http.ts';
import { openDataPath, type PageMeta } from '../layout.tsx';
import { dcatApDeRdfXml } from './dcat-ap.ts';
import { OpenDataPage } from './page.tsx';

/*
 * Open data under /daten: the page explaining it, the downloads of all published contributions (CSV,
 * JSON, NDJSON, streamed page by page) and their DCAT-AP.de description. Read-only and open to every
 * origin. Query parameters are ignored: a download has no options, and cache-busting or tracking
 * parameters that links add must not break it.
 */

/** What the open data part needs from storage; the contributions repository implements it. */
export interface OpenDataSource extends PublishedContributionsSource {
  publishedSummary(): Promise<{ count: number; firstPublishedAt: string | null; lastUpdatedAt: string | null; changeMark: string }>;
}

export interface OpenDataDeps {
  source: OpenDataSource;
  settings: OpenDataSettings;
  /** Contributions per database read (tests use small pages). */
  pageSize?: number;
  now?: () => Date;
}

interface RouteDeps extends OpenDataDeps {
  taxonomyNames: () => Promise<TaxonomyNames>;
  render: (c: Context, meta: PageMeta, content: Child) => Promise<Response>;
  absoluteUrl: (c: Context, path: string) => string;
  logError: (error: unknown) => void;
}

export const downloadPaths: Record<ExportFormat, string> = {
  csv: `${openDataPath}/beitraege.csv`,
  json: `${openDataPath}/beitraege.json`,
  ndjson: `${openDataPath}/beitraege.ndjson`,
};
export const dcatPath = `${openDataPath}/dcat-ap.rdf`;
const apiPath = '/api/v1';

const readMethods = ['GET', 'HEAD', 'OPTIONS'];
const cacheControl = 'public, max-age=300';

/**
 * The start of today in Germany. A contribution's status is derived from its period and today, so a download
 * may change at midnight without any write: Last-Modified is never earlier than that.
 */
export function startOfDayInBerlin(now: Date): Date {
  const day = todayInBerlin(now);
  // Midnight in Berlin is 22:00 or 23:00 UTC of the day before (summer or winter time).
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(Date.parse(`${day}T00:00:00Z`) - offsetHours * 3_600_000);
    if (todayInBerlin(candidate) === day && todayInBerlin(new Date(candidate.getTime() - 1)) !== day) return candidate;
  }
  return now;
}

/** Text chunks as a byte stream that reads the next chunk only when the client takes one (backpressure). */
function byteStream(chunks: AsyncGenerator<string>, onError: (error: unknown) => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        } catch (error) {
          // Headers are sent by now: the transfer is aborted, so the client never takes a cut-off file for a whole one.
          onError(error);
          controller.error(error);
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}

export function createOpenDataRoutes(deps: RouteDeps): Hono {
  const routes = new Hono();
  const now = deps.now ?? (() => new Date());
  const pageSize = deps.pageSize ?? defaultExportPageSize;
  const local = (path: string) => path.slice(openDataPath.length) || '/';
  const files = [...Object.values(downloadPaths), dcatPath].map(local);

  for (const path of files) {
    routes.use(path, cors({ origin: '*', allowMethods: readMethods, exposeHeaders: ['ETag', 'Last-Modified', 'Content-Disposition'], maxAge: 86_400 }));
  }
  // Anything but reading is refused, before the site's Origin check would answer it.
  routes.on(['POST', 'PUT', 'PATCH', 'DELETE'], ['/', ...files], (c) => {
    c.header('Allow', readMethods.join(', '));
    return c.text('Die offenen Daten können nur gelesen werden (GET oder HEAD).', 405);
  });

  const siteUrl = (c: Context) => deps.absoluteUrl(c, '');

  for (const format of exportFormats) {
    routes.get(local(downloadPaths[format]), async (c) => {
      const info = exportFormatInfo[format];
      const [summary, names] = await Promise.all([deps.source.publishedSummary(), deps.taxonomyNames()]);
      const current = now();
      const context: CsvContext = { siteUrl: siteUrl(c), names };
      const etag = `"${exportFingerprint({ format, changeMark: summary.changeMark, names, siteUrl: context.siteUrl, today: todayInBerlin(current) })}"`;
      const dayStart = startOfDayInBerlin(current);
      const lastModified = summary.lastUpdatedAt && new Date(summary.lastUpdatedAt) > dayStart ? new Date(summary.lastUpdatedAt) : dayStart;
      c.header('ETag', etag);
      c.header('Last-Modified', lastModified.toUTCString());
      c.header('Cache-Control', cacheControl);
      if (notModified(c.req.header('If-None-Match'), c.req.header('If-Modified-Since'), etag, lastModified)) return c.body(null, 304);
      c.header('Content-Type', info.contentType);
      c.header('Content-Disposition', `attachment; filename="${info.fileName}"`);
      if (c.req.method === 'HEAD') return c.body(null, 200);
      return c.body(byteStream(contributionExport({ scope: 'public', source: deps.source, format, csv: context, pageSize }), deps.logError), 200);
    });
  }

  const dcatInput = async (c: Context) => {
    const summary = await deps.source.publishedSummary();
    return {
      settings: deps.settings,
      issued: summary.firstPublishedAt,
      modified: summary.lastUpdatedAt,
      urls: {
        home: deps.absoluteUrl(c, '/'),
        landingPage: deps.absoluteUrl(c, openDataPath),
        downloads: Object.fromEntries(exportFormats.map((format) => [format, deps.absoluteUrl(c, downloadPaths[format])])) as Record<ExportFormat, string>,
        api: deps.absoluteUrl(c, apiPath),
        apiDescription: deps.absoluteUrl(c, `${apiPath}/openapi.json`),
        apiDocs: deps.absoluteUrl(c, `${apiPath}/docs`),
        contactPage: deps.absoluteUrl(c, '/impressum'),
      },
    };
  };

  routes.get(local(dcatPath), async (c) => {
    const xml = dcatApDeRdfXml(await dcatInput(c));
    const etag = `"${createHash('sha256').update(xml).digest('base64url').slice(0, 32)}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', cacheControl);
    if (notModified(c.req.header('If-None-Match'), undefined, etag, null)) return c.body(null, 304);
    c.header('Content-Type', 'application/rdf+xml; charset=utf-8');
    return c.body(xml);
  });

  routes.get('/', async (c) => {
    const summary = await deps.source.publishedSummary();
    const downloads = Object.fromEntries(exportFormats.map((format) => [format, downloadPaths[format]])) as Record<ExportFormat, string>;
    const meta: PageMeta = {
      title: 'Offene Daten',
      description: 'Alle veröffentlichten Beiträge des Nachhaltigkeitsbaukastens als offene Daten: CSV, JSON und NDJSON zum Herunterladen, Schnittstelle und DCAT-AP.de-Metadaten.',
      canonicalUrl: deps.absoluteUrl(c, openDataPath),
      alternates: [{ type: 'application/rdf+xml', href: dcatPath, title: 'Metadaten nach DCAT-AP.de' }],
    };
    return deps.render(
      c,
      meta,
      <OpenDataPage
        count={summary.count}
        lastUpdatedAt={summary.lastUpdatedAt}
        settings={deps.settings}
        downloads={downloads}
        dcatHref={dcatPath}
        dcatUrl={deps.absoluteUrl(c, dcatPath)}
        apiDocsHref={`${apiPath}/docs`}
      />,
    );
  });

  return routes;
}
