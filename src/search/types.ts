import type { Contribution, ContributionContent, ContributionKind } from '../domain/contribution.ts';
import type { ProjectStatus } from '../domain/period.ts';

/** The search contract between the search engine and its users (pages, API). */

export const sortOrders = ['relevanz', 'neueste', 'titel'] as const;
export type SortOrder = (typeof sortOrders)[number];

export interface SearchFilters {
  kinds: ContributionKind[];
  /** Leitbild area ids. */
  areas: string[];
  leitsaetze: number[];
  sdgs: number[];
  /** Gazetteer ids; a Regierungsbezirk or Hessen matches everything inside it. */
  regions: string[];
  targetGroups: string[];
  statuses: ProjectStatus[];
  /** Only contributions whose participation is open. */
  participationOpen: boolean;
  /** Funding source kinds (FundingSource.kind). */
  fundingKinds: string[];
}

export interface SearchQuery {
  text: string;
  filters: SearchFilters;
  sort: SortOrder;
  /** 1-based. */
  page: number;
  pageSize: number;
  /** Cursor paging (the API): where the page starts instead of `page`. */
  window?: SearchWindow;
}

/**
 * Where a cursor page starts. Ties in every sort order are broken by id, so the order is the same
 * on every instance and after every restart.
 * - after: keyset, the hits strictly after this sort position ("neueste": publishedAt desc, id;
 *   "titel": German collation of the title, id). Contributions published later sort before the
 *   position and never shift the pages after it.
 * - offset with publishedUpTo: for "relevanz", whose scores change with the catalog; contributions
 *   published after that moment are left out of result, total and facets.
 */
export interface SearchWindow {
  after?: SearchAfter;
  offset?: number;
  publishedUpTo?: string;
}

export type SearchAfter = { sort: 'neueste'; publishedAt: string | null; id: string } | { sort: 'titel'; title: string; id: string };

/** A piece of text with the parts that matched the query marked; the page escapes and wraps them in <mark>. */
export type Snippet = Array<{ text: string; match: boolean }>;

export interface SearchHit {
  contribution: Contribution;
  score: number;
  /** Best-matching excerpt(s), at most two. */
  snippets: Snippet[];
  /** The title with matched words marked. */
  title: Snippet;
}

export const facetNames = ['kind', 'area', 'leitsatz', 'sdg', 'region', 'targetGroup', 'status', 'participation', 'funding'] as const;
export type FacetName = (typeof facetNames)[number];

export interface FacetValue {
  /** Stable id (as used in the URL). */
  value: string;
  count: number;
  selected: boolean;
  /** For regions: the parent id (Regierungsbezirk for a Landkreis), so pages can roll up. */
  parent?: string | null;
  /** For values without a taxonomy name (target groups): the display form. */
  label?: string;
}

export interface SearchResult {
  query: SearchQuery;
  total: number;
  hits: SearchHit[];
  /** Counts for each facet value, computed for the result set with every other facet's filter applied. */
  facets: Record<FacetName, FacetValue[]>;
  /** A corrected query when the given one found little, e.g. "Klimschutz" → "Klimaschutz". */
  didYouMean: string | null;
  /** True while the index is still being built after a start: not every contribution is found yet. */
  incomplete: boolean;
}

export interface CatalogSearch {
  search(query: SearchQuery): Promise<SearchResult>;
  /** Published contributions most similar to the given one (by shared words and taxonomy), excluding itself. */
  similar(contribution: Contribution, limit: number): Promise<Contribution[]>;
}

/** Ids of published contributions most like some content, which need not be stored (yet): for finding likely duplicates. */
export interface SimilarContent {
  similarIds(content: ContributionContent, limit: number, excludeId?: string | null): string[];
}

export const emptyFilters = (): SearchFilters => ({
  kinds: [],
  areas: [],
  leitsaetze: [],
  sdgs: [],
  regions: [],
  targetGroups: [],
  statuses: [],
  participationOpen: false,
  fundingKinds: [],
});
