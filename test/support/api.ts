import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import { createApiToken } from '../../src/app/api-tokens/create-api-token.ts';
import { catalogReader } from '../../src/app/context.ts';
import type { ApiScope } from '../../src/domain/api-token.ts';
import { createCatalogSearch, type CatalogSearchService } from '../../src/search/catalog-search.ts';
import { createApiTokensRepository, type ApiTokensRepository } from '../../src/storage/api-tokens-repository.ts';
import { createAuditLog, type AuditLog } from '../../src/storage/audit-log.ts';
import { createContributionRepository, type ContributionRepository } from '../../src/storage/contributions-repository.ts';
import type { Database } from '../../src/storage/database.ts';
import { createRateLimits } from '../../src/storage/rate-limits.ts';
import { createTaxonomyRepository } from '../../src/storage/taxonomy-repository.ts';
import type { ApiRateLimits } from '../../src/web/api/access.ts';
import { createWebApp } from '../../src/web/app.tsx';

/** The demo questionnaire, as a trusted system would send it to POST /api/v1/imports. */
export const questionnaireBytes = () => readFileSync(new URL('../../data/demo/frageformular-vag.txt', import.meta.url));

export interface ApiInstance {
  app: Hono;
  db: Database;
  contributions: ContributionRepository;
  apiTokens: ApiTokensRepository;
  auditLog: AuditLog;
  search: CatalogSearchService;
  /** A new token with these scopes; returns the secret. */
  token(scopes: ApiScope[], options?: { name?: string; validDays?: number | null }): Promise<string>;
}

/**
 * One app instance over the given database with tokens, rate limits and write endpoints, wired as
 * `serve` wires them. Several instances over one database behave like servers behind a load balancer.
 */
export async function createApiInstance(db: Database, limits: ApiRateLimits = { anonymousPerMinute: 0, tokenPerMinute: 0 }, clientAddress = () => '192.0.2.1'): Promise<ApiInstance> {
  const contributions = createContributionRepository(db);
  const apiTokens = createApiTokensRepository(db);
  const auditLog = createAuditLog(db);
  const taxonomy = createTaxonomyRepository(db);
  const search = createCatalogSearch({ contributions });
  await search.load();
  const app = createWebApp({
    catalog: catalogReader(contributions, taxonomy),
    search,
    siteUrl: 'https://baukasten.example',
    apiAccess: { apiTokens, rateLimits: createRateLimits(db), limits, clientAddress, writes: { db, contributions, auditLog, search } },
  });
  return {
    app,
    db,
    contributions,
    apiTokens,
    auditLog,
    search,
    async token(scopes, options = {}) {
      const created = await createApiToken({ db, apiTokens, auditLog }, { name: options.name ?? `Testsystem ${scopes.join('+')}`, scopes, validDays: options.validDays ?? null }, { id: null, label: 'test' });
      if (!created.ok) throw new Error(JSON.stringify(created.errors));
      return created.secret;
    },
  };
}
