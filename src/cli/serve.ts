import { serve } from '@hono/node-server';
import type { AppConfig } from '../app/config.ts';
import { describeDatabase } from '../app/config.ts';
import type { AppContext } from '../app/context.ts';
import { createMailDelivery } from '../notifications/delivery.ts';
import { createWebApp } from '../web/app.tsx';
import { clientAddress } from '../web/client-address.ts';

const SEARCH_POLL_MS = 1000;
const SHUTDOWN_GRACE_MS = 10_000;
const KEEP_ALIVE_MS = 65_000;
const MAIL_POLL_MS = 5000;
const HOUSEKEEPING_MS = 10 * 60_000;
// Rate-limit events older than the longest window in use (login back-off, submissions per hour).
const RATE_LIMIT_RETENTION_MS = 24 * 60 * 60_000;

/** Serves the web app until SIGINT/SIGTERM, then closes the database cleanly. */
export async function startServer(context: AppContext, config: AppConfig): Promise<void> {
  // Pages are served at once; the index fills in the background (search says so until it is complete),
  // then follows changes made through other instances or the CLI within a second.
  const indexing = context.search
    .load()
    .then(() => context.search.start(SEARCH_POLL_MS))
    .catch((error: unknown) => console.error('Suchindex konnte nicht aufgebaut werden:', error));
  const app = createWebApp({
    catalog: context.catalog,
    search: context.search,
    siteUrl: config.siteUrl,
    backOffice: { ...context, siteUrl: config.siteUrl, secureCookies: config.siteUrl.startsWith('https://') },
    submissions: { ...context, editorsAddress: config.mail.editorsAddress, siteUrl: config.siteUrl },
    apiAccess: {
      apiTokens: context.apiTokens,
      rateLimits: context.rateLimits,
      limits: config.apiRateLimits,
      // TRUST_PROXY is read where the address is taken, as for logins and submissions.
      clientAddress: (c) => clientAddress(c),
      writes: { db: context.db, contributions: context.contributions, auditLog: context.auditLog, search: context.search },
    },
    openData: { source: context.contributions, settings: config.openData },
  });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    console.log(`Baukasten läuft auf http://localhost:${info.port} (${describeDatabase(config.database)})`);
    void indexing.then(() => console.log(`Suchindex bereit: ${context.search.size} Beiträge.`));
  });
  // Behind a load balancer or reverse proxy, idle keep-alive connections must outlive the proxy's own
  // idle timeout (commonly 60 s); otherwise the server closes a connection just as the proxy reuses it
  // and the request fails with a reset. Node's default is 5 s.
  if ('keepAliveTimeout' in server) {
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    server.headersTimeout = KEEP_ALIVE_MS + 1000;
  }
  // Mails wait in the outbox; with SMTP configured they are sent from there (retried on failure).
  const mail = createMailDelivery(context.outbox, config.mail);
  mail.start(MAIL_POLL_MS);
  if (!mail.enabled) console.log('Kein SMTP_URL gesetzt: E-Mails bleiben im Postausgang der Redaktion.');
  const housekeeping = setInterval(() => {
    void Promise.all([context.sessions.removeExpired(), context.rateLimits.prune(RATE_LIMIT_RETENTION_MS)]).catch((error: unknown) =>
      console.error('Aufräumen fehlgeschlagen', error),
    );
  }, HOUSEKEEPING_MS);
  housekeeping.unref();
  // Stop accepting connections, let requests in flight finish, then close the database.
  const shutdown = () => {
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    mail.stop();
    clearInterval(housekeeping);
    server.close(() => void context.close().finally(() => process.exit(0)));
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
