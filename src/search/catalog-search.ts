import type { Contribution } from '../domain/contribution.ts';
import { todayInBerlin } from '../domain/partial-date.ts';
import type { ChangeCursor, ContributionRepository } from '../storage/contributions-repository.ts';
import { toIndexedDocument } from './documents.ts';
import { SearchIndex } from './search-index.ts';
import { bestSnippet, highlight } from './snippets.ts';
import type { SettingsRepository } from '../storage/settings-repository.ts';
import { loadSynonyms, parseSynonyms, readSynonymSetting, SYNONYMS_SETTING, type SynonymTable } from './synonyms.ts';
import type { CatalogSearch, SearchHit, SearchQuery, SearchResult, SimilarContent, Snippet } from './types.ts';

// Small pages keep the event loop free for requests while the index is built after a start.
const LOAD_PAGE = 500;
// Transactions stamp updated_at with their start time but may commit later; re-reading a
// window of recent changes on every poll catches those late commits.
const LATE_COMMIT_WINDOW_MS = 10_000;
const CONTRIBUTION_CACHE_LIMIT = 5000;
const RESULT_CACHE_LIMIT = 1000;

export interface CatalogSearchService extends CatalogSearch, SimilarContent {
  /** Loads all published contributions; call once before serving. */
  load(): Promise<void>;
  /** Applies changes made since the last refresh (by this or any other instance). */
  refresh(): Promise<number>;
  /** Polls for changes every intervalMs until stop(). */
  start(intervalMs?: number): void;
  stop(): void;
  readonly size: number;
}

/**
 * Keeps an in-memory SearchIndex in step with the database (published contributions only)
 * and answers searches from it. Every instance polls the same change feed, so a change made
 * through one instance is searchable through all others after one poll interval.
 */
export function createCatalogSearch(deps: {
  contributions: ContributionRepository;
  /** A fixed synonym list (tests, benchmarks); ignored when settings are given. */
  synonyms?: SynonymTable;
  /** The editors' synonym list, followed on every refresh like the contributions. */
  settings?: Pick<SettingsRepository, 'get' | 'updatedAt' | 'insertIfMissing'>;
  today?: () => string;
}): CatalogSearchService {
  const { contributions } = deps;
  const index = new SearchIndex(deps.synonyms ?? loadSynonyms());
  const today = deps.today ?? (() => todayInBerlin());
  // Recently shown contributions, so result pages need no database round trip (PGlite shares the event loop).
  const cache = new Map<string, Contribution>();
  const versions = new Map<string, number>();
  let lastPollStartedAt: string | null = null;
  let timer: NodeJS.Timeout | null = null;
  let refreshing: Promise<number> | null = null;
  let loaded = false;
  let synonymsVersion: string | null = null;

  /** Reads the synonym list again when an editor changed it (through any instance). */
  async function followSynonyms(): Promise<void> {
    if (!deps.settings) return;
    if (synonymsVersion !== null && (await deps.settings.updatedAt(SYNONYMS_SETTING)) === synonymsVersion) return;
    const { text, updatedAt } = await readSynonymSetting(deps.settings);
    index.setSynonyms(parseSynonyms(text));
    synonymsVersion = updatedAt;
  }

  function apply(contribution: Contribution): boolean {
    if (versions.get(contribution.id) === contribution.version && contribution.state === 'published') return false;
    cache.delete(contribution.id);
    if (contribution.state === 'published') {
      index.upsert(toIndexedDocument(contribution.id, contribution, contribution.publishedAt));
      versions.set(contribution.id, contribution.version);
      // During the first load the cache would only keep whatever came last; afterwards, changed contributions are likely shown soon.
      if (loaded) remember(contribution);
    } else {
      if (!versions.has(contribution.id)) return false;
      index.remove(contribution.id);
      versions.delete(contribution.id);
    }
    return true;
  }

  function remember(contribution: Contribution): void {
    if (cache.size >= CONTRIBUTION_CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(contribution.id, contribution);
  }

  async function readChanges(since: ChangeCursor | null): Promise<number> {
    let cursor = since;
    let applied = 0;
    for (;;) {
      const page = await contributions.changedSince(cursor, LOAD_PAGE);
      for (const contribution of page.items) if (apply(contribution)) applied++;
      if (page.items.length < LOAD_PAGE) return applied;
      cursor = page.cursor;
      // PGlite answers within the same promise chain, which would starve incoming requests
      // until the whole load is done; give the event loop a turn between pages.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async function load(): Promise<void> {
    lastPollStartedAt = await contributions.now();
    await followSynonyms();
    await readChanges(null);
    index.prepare(today());
    loaded = true;
  }

  async function refresh(): Promise<number> {
    // One refresh at a time; callers during a refresh share its result.
    refreshing ??= (async () => {
      const startedAt = await contributions.now();
      await followSynonyms();
      const since = lastPollStartedAt ? new Date(Date.parse(lastPollStartedAt) - LATE_COMMIT_WINDOW_MS).toISOString() : null;
      const applied = await readChanges(since ? { updatedAt: since, id: '00000000-0000-0000-0000-000000000000' } : null);
      lastPollStartedAt = startedAt;
      return applied;
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  async function contributionsFor(ids: string[]): Promise<Map<string, Contribution>> {
    const found = new Map<string, Contribution>();
    const missing: string[] = [];
    for (const id of ids) {
      const cached = cache.get(id);
      if (cached) found.set(id, cached);
      else missing.push(id);
    }
    for (const contribution of await contributions.findManyByIds(missing)) {
      if (contribution.state !== 'published') continue;
      remember(contribution);
      found.set(contribution.id, contribution);
    }
    return found;
  }

  // Finished results (with snippets and contributions) for repeated requests; valid for one index generation.
  const results = new Map<string, SearchResult>();
  let resultsGeneration = -1;

  async function search(query: SearchQuery): Promise<SearchResult> {
    const key = `${today()}\u0000${JSON.stringify(query)}`;
    if (resultsGeneration !== index.generation) {
      results.clear();
      resultsGeneration = index.generation;
    }
    const cached = results.get(key);
    if (cached) return cached;
    const result = await computeSearch(query);
    // Keep only a complete result that is still current: contributions may have been applied while the hits
    // were fetched, and a result from a half-loaded index would otherwise outlive the load.
    if (!result.incomplete && resultsGeneration === index.generation) {
      if (results.size >= RESULT_CACHE_LIMIT) results.delete(results.keys().next().value!);
      results.set(key, result);
    }
    return result;
  }

  async function computeSearch(query: SearchQuery): Promise<SearchResult> {
    const result = index.search({
      text: query.text,
      filters: query.filters,
      sort: query.sort,
      offset: query.window ? (query.window.offset ?? 0) : (query.page - 1) * query.pageSize,
      limit: query.pageSize,
      today: today(),
      ...(query.window?.after ? { after: query.window.after } : {}),
      ...(query.window?.publishedUpTo ? { publishedUpToMs: Date.parse(query.window.publishedUpTo) } : {}),
    });
    const byId = await contributionsFor(result.hits.map((h) => h.id));
    const hits: SearchHit[] = [];
    for (const hit of result.hits) {
      const contribution = byId.get(hit.id);
      if (!contribution) continue;
      hits.push({ contribution, score: hit.score, title: highlight(contribution.title, result.matchedTerms), snippets: snippetsFor(contribution, result.matchedTerms) });
    }
    return { query, total: result.total, hits, facets: result.facets, didYouMean: result.didYouMean, incomplete: !loaded };
  }

  async function similar(contribution: Contribution, limit: number): Promise<Contribution[]> {
    const ids = index.similarTo(toIndexedDocument(contribution.id, contribution, contribution.publishedAt), limit);
    const byId = await contributionsFor(ids);
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  return {
    search,
    similar,
    similarIds: (content, limit, excludeId) => index.similarTo(toIndexedDocument(excludeId ?? '', content, null), limit),
    load,
    refresh,
    start(intervalMs = 1000) {
      if (timer) return;
      timer = setInterval(() => void refresh().catch((error: unknown) => console.error('Suchindex: Aktualisierung fehlgeschlagen', error)), intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
    get size() {
      return index.size;
    },
  };
}

/** Up to two excerpts from the fields that matched best; the teaser when nothing matched in the text. */
function snippetsFor(contribution: Contribution, matched: ReadonlySet<string>): Snippet[] {
  const { answers } = contribution;
  const fields = [
    contribution.teaser,
    contribution.description,
    contribution.purpose,
    ...contribution.components.map((c) => c.text),
    answers.decision,
    answers.support,
    answers.challenges,
    answers.prerequisites,
  ].filter((text): text is string => Boolean(text));
  const candidates = fields.flatMap((text) => bestSnippet(text, matched) ?? []);
  const withMatches = candidates.filter((c) => c.matches > 0).sort((a, b) => b.matches - a.matches);
  if (withMatches.length) return withMatches.slice(0, 2).map((c) => c.snippet);
  return candidates.slice(0, 1).map((c) => c.snippet);
}
