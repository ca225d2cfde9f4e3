import { createCatalogSearch, type CatalogSearchService } from '../search/catalog-search.ts';
import { createContributionRepository, type ContributionRepository } from '../storage/contributions-repository.ts';
import { openDatabase, type Database, type DatabaseConfig } from '../storage/database.ts';
import { migrate } from '../storage/migrate.ts';
import { createApiTokensRepository, type ApiTokensRepository } from '../storage/api-tokens-repository.ts';
import { createAuditLog, type AuditLog } from '../storage/audit-log.ts';
import { createDraftsRepository, type DraftsRepository } from '../storage/drafts-repository.ts';
import { createEditorialRepository, type EditorialRepository } from '../storage/editorial-repository.ts';
import { createSettingsRepository, type SettingsRepository } from '../storage/settings-repository.ts';
import { createOutboxRepository, type OutboxRepository } from '../storage/outbox-repository.ts';
import { createRateLimits, type RateLimits } from '../storage/rate-limits.ts';
import { createSessionsRepository, type SessionsRepository } from '../storage/sessions-repository.ts';
import { createUsersRepository, type UsersRepository } from '../storage/users-repository.ts';
import { createTaxonomyRepository, type TaxonomyRepository } from '../storage/taxonomy-repository.ts';
import type { CatalogReader } from '../web/ports.ts';

/** The composition root: one database, the repositories over it, and the read port for the pages. */
export interface AppContext {
  db: Database;
  contributions: ContributionRepository;
  taxonomy: TaxonomyRepository;
  catalog: CatalogReader;
  /** The search index; empty until search.load() (serve does that, CLI commands need not). */
  search: CatalogSearchService;
  outbox: OutboxRepository;
  auditLog: AuditLog;
  rateLimits: RateLimits;
  users: UsersRepository;
  sessions: SessionsRepository;
  /** Public submissions in progress (/einreichen). */
  drafts: DraftsRepository;
  editorial: EditorialRepository;
  settings: SettingsRepository;
  /** API tokens of trusted systems (hashes only). */
  apiTokens: ApiTokensRepository;
  close(): Promise<void>;
}

/** The read port of the public pages over the repositories. */
export function catalogReader(contributions: ContributionRepository, taxonomy: TaxonomyRepository): CatalogReader {
  return {
    listPublished: contributions.listPublished,
    findPublishedBySlug: contributions.findPublishedBySlug,
    findPublishedById: contributions.findPublishedById,
    taxonomyNames: taxonomy.names,
  };
}

export async function openAppContext(database: DatabaseConfig, options: { migrate?: boolean } = {}): Promise<AppContext> {
  const db = await openDatabase(database);
  if (options.migrate !== false) await migrate(db);
  const contributions = createContributionRepository(db);
  const taxonomy = createTaxonomyRepository(db);
  const settings = createSettingsRepository(db);
  const search = createCatalogSearch({ contributions, settings });
  return {
    db,
    contributions,
    taxonomy,
    catalog: catalogReader(contributions, taxonomy),
    search,
    outbox: createOutboxRepository(db),
    auditLog: createAuditLog(db),
    rateLimits: createRateLimits(db),
    users: createUsersRepository(db),
    sessions: createSessionsRepository(db),
    drafts: createDraftsRepository(db),
    editorial: createEditorialRepository(db),
    settings,
    apiTokens: createApiTokensRepository(db),
    close: async () => {
      search.stop();
      await db.close();
    },
  };
}
