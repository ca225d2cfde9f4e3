import type { Contribution } from '../domain/contribution.ts';
import type { TaxonomyNames } from '../domain/taxonomy.ts';
import type { CatalogSearch } from '../search/types.ts';

export type { CatalogSearch, TaxonomyNames };

/** What the public pages need from storage; the storage repository implements it. */
export interface CatalogReader {
  listPublished(page: { limit: number; offset: number }): Promise<{ items: Contribution[]; total: number }>;
  findPublishedBySlug(slug: string): Promise<Contribution | null>;
  findPublishedById(id: string): Promise<Contribution | null>;
  /** Names are editable in the database, so pages read them from there, keyed by stable id. */
  taxonomyNames(): Promise<TaxonomyNames>;
}
