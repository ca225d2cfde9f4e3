// A deliberately simple in-memory CatalogSearch for page tests: case-insensitive substring
// match of every query word, real disjunctive facet counts over the given contributions.
// It is not the product's search engine (src/search); it only honours the contract.
import type { Contribution } from '../../src/domain/contribution.ts';
import { regionAncestry } from '../../src/domain/taxonomy.ts';
import {
  facetNames,
  type CatalogSearch,
  type FacetName,
  type FacetValue,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  type Snippet,
} from '../../src/search/types.ts';
import { fixtureContributions } from './contributions.ts';
import { selectedValues } from '../../src/search/facets.ts';

function searchableText(c: Contribution): string {
  return [
    c.title,
    c.teaser,
    c.description,
    c.purpose,
    ...c.components.flatMap((x) => [x.title, x.text]),
    c.answers.decision,
    c.answers.support,
    c.answers.challenges,
    c.answers.prerequisites,
    ...c.targetGroups,
    ...c.places.map((p) => p.label),
  ]
    .filter((t): t is string => typeof t === 'string')
    .join('\n');
}

/** Region facet values as the real index derives them: tagged regions plus their RB; Hessen only when tagged itself. */
function regionsOf(c: Contribution): string[] {
  const ids = new Set<string>();
  for (const place of c.places) {
    if (!place.regionId) continue;
    for (const region of regionAncestry(place.regionId)) if (region.id !== 'hessen' || place.regionId === 'hessen') ids.add(region.id);
  }
  return [...ids];
}

function facetValuesOf(c: Contribution): Record<FacetName, string[]> {
  return {
    kind: [c.kind],
    area: c.taxonomy.leitbildArea ? [c.taxonomy.leitbildArea] : [],
    leitsatz: c.taxonomy.leitsaetze.map(String),
    sdg: c.taxonomy.sdgs.map(String),
    region: regionsOf(c),
    targetGroup: [...new Set(c.targetGroups.map((g) => g.trim().toLowerCase()))],
    status: [c.status],
    participation: c.participation.status === 'open' ? ['open'] : [],
    funding: [...new Set(c.funding.sources.map((s) => s.kind))],
  };
}


const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);

/** Marks every occurrence of any query word (case-insensitive substring). */
export function markWords(text: string, queryWords: string[]): Snippet {
  if (queryWords.length === 0) return [{ text, match: false }];
  const escaped = queryWords.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(${escaped.join('|')})`, 'giu');
  return text
    .split(pattern)
    .filter((part) => part !== '')
    .map((part) => ({ text: part, match: queryWords.some((w) => part.toLowerCase() === w) }));
}

function snippetOf(c: Contribution, queryWords: string[]): Snippet[] {
  const source = [c.teaser, c.description, c.purpose, c.answers.decision].find((t): t is string => typeof t === 'string' && t.trim() !== '');
  if (!source) return [];
  const lower = source.toLowerCase();
  const positions = queryWords.map((w) => lower.indexOf(w)).filter((i) => i >= 0);
  const at = positions.length > 0 ? Math.max(0, Math.min(...positions) - 40) : 0;
  const excerpt = source.slice(at, at + 200);
  return [markWords(excerpt, queryWords)];
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}

export interface FakeSearch extends CatalogSearch {
  /** Every query received, for assertions on what the pages asked for. */
  readonly queries: SearchQuery[];
}

export function createFakeSearch(contributions: Contribution[] = fixtureContributions, options: { incomplete?: boolean } = {}): FakeSearch {
  const published = contributions.filter((c) => c.state === 'published');
  const texts = new Map(published.map((c) => [c.id, searchableText(c).toLowerCase()]));
  const vocabulary = [...new Set(published.flatMap((c) => searchableText(c).split(/[^\p{L}]+/u)).filter((w) => w.length >= 5))];
  const queries: SearchQuery[] = [];

  async function search(query: SearchQuery): Promise<SearchResult> {
    queries.push(query);
    const queryWords = words(query.text);
    const upTo = query.window?.publishedUpTo;
    const textMatches = published.filter(
      (c) => queryWords.every((w) => (texts.get(c.id) ?? '').includes(w)) && (!upTo || (c.publishedAt ?? '') <= upTo),
    );
    const selected = selectedValues(query.filters);
    const counters = Object.fromEntries(facetNames.map((f) => [f, new Map<string, number>()])) as Record<FacetName, Map<string, number>>;
    const hits: Contribution[] = [];
    for (const c of textMatches) {
      const values = facetValuesOf(c);
      const failed = facetNames.filter((f) => selected[f].length > 0 && !selected[f].some((v) => values[f].includes(v)));
      if (failed.length === 0) hits.push(c);
      // Disjunctive faceting: a facet's counts ignore that facet's own filter.
      for (const f of facetNames) {
        if (failed.length > 1 || (failed.length === 1 && failed[0] !== f)) continue;
        for (const v of values[f]) counters[f].set(v, (counters[f].get(v) ?? 0) + 1);
      }
    }
    const facets = {} as Record<FacetName, FacetValue[]>;
    for (const f of facetNames) {
      const counts = new Map(counters[f]);
      for (const v of selected[f]) if (!counts.has(v)) counts.set(v, 0);
      facets[f] = [...counts.entries()]
        .map(([value, count]) => ({
          value,
          count,
          selected: selected[f].includes(value),
          ...(f === 'region' ? { parent: regionAncestry(value)[1]?.id ?? null } : {}),
          ...(f === 'targetGroup' ? { label: published.flatMap((c) => c.targetGroups).find((g) => g.trim().toLowerCase() === value) ?? value } : {}),
        }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'de', { numeric: true }));
    }
    const byId = (a: Contribution, b: Contribution) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const sorted = [...hits].sort((a, b) =>
      query.sort === 'titel'
        ? a.title.localeCompare(b.title, 'de') || byId(a, b)
        : (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || (query.window ? 0 : a.title.localeCompare(b.title, 'de')) || byId(a, b),
    );
    // Cursor paging as the contract describes it (keyset for "neueste"/"titel", else offset).
    const after = query.window?.after;
    const rankable = after
      ? sorted.filter((c) =>
          after.sort === 'titel'
            ? c.title.localeCompare(after.title, 'de') > 0 || (c.title.localeCompare(after.title, 'de') === 0 && c.id > after.id)
            : (c.publishedAt ?? '') < (after.publishedAt ?? '') || ((c.publishedAt ?? '') === (after.publishedAt ?? '') && c.id > after.id),
        )
      : sorted;
    const start = query.window ? (query.window.offset ?? 0) : (query.page - 1) * query.pageSize;
    const pageHits: SearchHit[] = rankable.slice(start, start + query.pageSize).map((c) => ({
      contribution: c,
      score: 1,
      title: markWords(c.title, queryWords),
      snippets: snippetOf(c, queryWords),
    }));
    let didYouMean: string | null = null;
    if (hits.length === 0 && queryWords.length > 0) {
      const corrected = queryWords.map((w) => vocabulary.find((v) => v.toLowerCase() !== w && editDistance(v.toLowerCase(), w) <= 2) ?? w);
      if (corrected.some((w, i) => w !== queryWords[i])) didYouMean = corrected.join(' ');
    }
    return { query, total: hits.length, hits: pageHits, facets, didYouMean, incomplete: options.incomplete ?? false };
  }

  async function similar(contribution: Contribution, limit: number): Promise<Contribution[]> {
    return published
      .filter((c) => c.id !== contribution.id)
      .map((c) => ({
        c,
        shared:
          (c.taxonomy.leitbildArea !== null && c.taxonomy.leitbildArea === contribution.taxonomy.leitbildArea ? 2 : 0) +
          c.taxonomy.sdgs.filter((n) => contribution.taxonomy.sdgs.includes(n)).length,
      }))
      .filter((x) => x.shared > 0)
      .sort((a, b) => b.shared - a.shared)
      .slice(0, limit)
      .map((x) => x.c);
  }

  return { search, similar, queries };
}
