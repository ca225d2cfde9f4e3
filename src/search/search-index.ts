import { terms as analyze } from './analyzer.ts';
import { fieldWeights, searchFields, type IndexedDocument, type SearchField } from './documents.ts';
import { parseQuery, type QueryGroup } from './query.ts';
import type { SynonymTable } from './synonyms.ts';
import { TermDictionary } from './term-dictionary.ts';
import type { FacetName, FacetValue, SearchFilters, SortOrder } from './types.ts';
import { statusFromDays, type ProjectStatus } from '../domain/period.ts';
import { findRegion } from '../domain/taxonomy.ts';

/*
 * The catalog's own search index, held in memory (why: PGlite runs on the event loop and
 * ts_rank over many rows is slow on both engines, see tech notes). Ranking is BM25F over
 * weighted fields, with German compounds, synonyms and typo tolerance handled at query time.
 * Written by hand because ranking is the product's own; stemming comes from Snowball.
 */

const K1 = 1.2;
const fieldB: Record<SearchField, number> = { title: 0.4, tags: 0, teaser: 0.6, meta: 0.5, body: 0.75 };
// How much a partial match counts compared with the word itself.
const HEAD_COMPOUND_WEIGHT = 0.7; // "Förderung" in "Gesundheitsförderung"
const MODIFIER_COMPOUND_WEIGHT = 0.45; // "Gesundheit" in "Gesundheitsförderung"
const TYPO_WEIGHT = 0.6;
const COMPOUND_SPLIT_WEIGHT = 0.8; // "Jugendbeteiligung" as "Jugend" + "Beteiligung"
const FIELD_COUNT = searchFields.length;
const TF_CAP = 255;

interface Posting {
  docs: number[];
  /** Per posting, FIELD_COUNT term frequencies packed as bytes (5 fields: 40 bits, exact in a double). */
  freqs: number[];
}

export interface IndexHit {
  id: string;
  score: number;
}

export interface IndexSearchOptions {
  text: string;
  filters: SearchFilters;
  sort: SortOrder;
  offset: number;
  limit: number;
  today: string;
}

export interface IndexSearchResult {
  total: number;
  hits: IndexHit[];
  facets: Record<FacetName, FacetValue[]>;
  didYouMean: string | null;
  /** Index terms that matched, for highlighting. */
  matchedTerms: Set<string>;
}

export class SearchIndex {
  private readonly docs: IndexedDocument[] = [];
  private readonly live: boolean[] = [];
  private readonly fieldLengths: number[][] = [];
  private readonly slotById = new Map<string, number>();
  private readonly postings = new Map<string, Posting>();
  private readonly dictionary = new TermDictionary();
  private readonly lengthSums = new Array<number>(FIELD_COUNT).fill(0);
  private liveCount = 0;
  private titleOrder: Map<number, number> | null = null;
  /** Display form of each target-group facet key, as first seen. */
  private readonly targetGroupLabels = new Map<string, string>();
  private readonly collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true });

  constructor(private synonyms: SynonymTable) {}

  get size(): number {
    return this.liveCount;
  }

  setSynonyms(synonyms: SynonymTable): void {
    this.synonyms = synonyms;
  }

  has(id: string): boolean {
    return this.slotById.has(id);
  }

  /** Adds or replaces a document. A replaced document's old slot is left dead (postings skip it). */
  upsert(doc: IndexedDocument): void {
    this.remove(doc.id);
    const slot = this.docs.length;
    this.docs.push(doc);
    this.live.push(true);
    this.slotById.set(doc.id, slot);
    const lengths: number[] = [];
    const frequencies = new Map<string, number[]>();
    searchFields.forEach((field, f) => {
      const fieldTerms = analyze(doc.texts[field]);
      lengths.push(fieldTerms.length);
      this.lengthSums[f]! += fieldTerms.length;
      for (const term of fieldTerms) {
        let tf = frequencies.get(term);
        if (!tf) frequencies.set(term, (tf = new Array<number>(FIELD_COUNT).fill(0)));
        tf[f] = Math.min(TF_CAP, tf[f]! + 1);
      }
    });
    this.fieldLengths.push(lengths);
    for (const [term, tf] of frequencies) {
      let posting = this.postings.get(term);
      if (!posting) {
        this.postings.set(term, (posting = { docs: [], freqs: [] }));
        this.dictionary.add(term);
      }
      posting.docs.push(slot);
      posting.freqs.push(pack(tf));
    }
    for (const group of doc.targetGroups) if (!this.targetGroupLabels.has(group.key)) this.targetGroupLabels.set(group.key, group.label);
    this.liveCount++;
    this.titleOrder = null;
  }

  remove(id: string): void {
    const slot = this.slotById.get(id);
    if (slot === undefined) return;
    this.live[slot] = false;
    this.slotById.delete(id);
    this.fieldLengths[slot]!.forEach((length, f) => (this.lengthSums[f]! -= length));
    this.liveCount--;
    this.titleOrder = null;
  }

  search(options: IndexSearchOptions): IndexSearchResult {
    const groups = parseQuery(options.text, this.synonyms);
    const matchedTerms = new Set<string>();
    let didYouMean: string | null = null;
    let scores: Float64Array | null = null;
    let matchCounts: Uint8Array | null = null;

    if (groups.length > 0) {
      scores = new Float64Array(this.docs.length);
      matchCounts = new Uint8Array(this.docs.length);
      const corrections: Array<{ surface: string; replacement: string }> = [];
      for (const group of groups) {
        const groupScores = this.scoreGroup(this.withCompoundSplit(group), matchedTerms, corrections);
        for (let slot = 0; slot < groupScores.length; slot++) {
          const s = groupScores[slot]!;
          if (s > 0) {
            scores[slot]! += s;
            matchCounts[slot]!++;
          }
        }
      }
      if (corrections.length) didYouMean = corrections.reduce((q, c) => q.replace(c.surface, c.replacement), options.text.trim());
    }

    // Short queries need every word; longer ones two thirds of them (people type filler words).
    // If no document reaches that, those matching the most words are shown.
    let required = groups.length <= 2 ? groups.length : Math.ceil(groups.length * 0.66);
    if (matchCounts && required > 1) {
      let best = 0;
      for (let slot = 0; slot < matchCounts.length; slot++) if (this.live[slot] && matchCounts[slot]! > best) best = matchCounts[slot]!;
      required = Math.min(required, Math.max(1, best));
    }
    if (scores && matchCounts && groups.length > 1) {
      // Coordination: documents that match more of the query's words rank higher.
      for (let slot = 0; slot < scores.length; slot++) scores[slot]! *= (matchCounts[slot]! / groups.length) ** 2;
    }
    const textMatches = (slot: number) => !matchCounts || matchCounts[slot]! >= required;

    const filterChecks = this.filterChecks(options.filters);
    const facetCounts = createFacetCounters();
    const selected: number[] = [];
    for (let slot = 0; slot < this.docs.length; slot++) {
      if (!this.live[slot] || !textMatches(slot)) continue;
      const doc = this.docs[slot]!;
      const status = statusFromDays(doc.startDay, doc.endDay, options.today);
      // Disjunctive faceting: a facet's counts ignore that facet's own filter.
      let failed: FacetName | null = null;
      let failures = 0;
      for (const check of filterChecks) {
        if (!check.passes(doc, status)) {
          failures++;
          failed = check.facet;
          if (failures > 1) break;
        }
      }
      if (failures === 0) selected.push(slot);
      if (failures > 1) continue;
      countFacets(facetCounts, doc, status, failed);
    }

    const ranked = this.sortSlots(selected, options.sort, scores, groups.length > 0);
    const hits = ranked.slice(options.offset, options.offset + options.limit).map((slot) => ({ id: this.docs[slot]!.id, score: scores?.[slot] ?? 0 }));
    return { total: selected.length, hits, facets: toFacetValues(facetCounts, options.filters, this.targetGroupLabels), didYouMean, matchedTerms };
  }

  /**
   * A query compound the index does not contain ("Jugendbeteiligung") is also tried as its
   * two parts ("jugend" + "beteilig"), when both parts are index terms.
   */
  private withCompoundSplit(group: QueryGroup): QueryGroup {
    const own = group.alternatives[0];
    const term = own?.terms.length === 1 ? own.terms[0]! : null;
    // Only unknown compounds: splitting known ones ("Arbeitsuchende" → "Arbeit" + "suchende") adds noise.
    if (!term || term.length < 8 || this.postings.has(term)) return group;
    let best: [string, string] | null = null;
    for (let i = 3; i <= term.length - 3; i++) {
      const right = term.slice(i);
      const rawLeft = term.slice(0, i);
      for (const left of [rawLeft, rawLeft.replace(/(s|es|n|en)$/, '')]) {
        if (left.length < 3 || !this.postings.has(left) || !this.postings.has(right)) continue;
        if (!best || Math.min(left.length, right.length) > Math.min(best[0].length, best[1].length)) best = [left, right];
      }
    }
    return best ? { ...group, alternatives: [...group.alternatives, { terms: best, weight: COMPOUND_SPLIT_WEIGHT }] } : group;
  }

  /** Scores of one query group per slot: the best alternative, each alternative needing all its terms. */
  private scoreGroup(group: QueryGroup, matchedTerms: Set<string>, corrections: Array<{ surface: string; replacement: string }>): Float64Array {
    const best = new Float64Array(this.docs.length);
    for (const alternative of group.alternatives) {
      let combined: Float64Array | null = null;
      for (const term of alternative.terms) {
        const termScores = this.scoreTerm(term, matchedTerms, alternative.weight === 1 && alternative.terms.length === 1 ? { group, corrections } : null);
        if (!combined) combined = termScores;
        else for (let slot = 0; slot < combined.length; slot++) combined[slot] = termScores[slot]! > 0 && combined[slot]! > 0 ? combined[slot]! + termScores[slot]! : 0;
      }
      if (!combined) continue;
      for (let slot = 0; slot < combined.length; slot++) {
        const s = combined[slot]! * alternative.weight;
        if (s > best[slot]!) best[slot] = s;
      }
    }
    return best;
  }

  /** Per-slot score of one term and its compound and typo expansions (the best expansion per document). */
  private scoreTerm(term: string, matchedTerms: Set<string>, typoContext: { group: QueryGroup; corrections: Array<{ surface: string; replacement: string }> } | null): Float64Array {
    const scores = new Float64Array(this.docs.length);
    const expansions: Array<{ term: string; weight: number }> = [];
    if (this.postings.has(term)) expansions.push({ term, weight: 1 });
    if (term.length >= 3) for (const t of this.dictionary.compoundsEndingWith(term)) expansions.push({ term: t, weight: HEAD_COMPOUND_WEIGHT });
    if (term.length >= 4) for (const t of this.dictionary.compoundsStartingWith(term)) expansions.push({ term: t, weight: MODIFIER_COMPOUND_WEIGHT });
    if (expansions.length === 0 && typoContext) {
      // Nothing matches as typed: search the closest spelling (with its compounds) instead.
      const closest = this.dictionary.nearTerms(term)[0];
      if (closest) {
        const surface = typoContext.group.surface;
        typoContext.corrections.push({ surface, replacement: this.surfaceFor(closest.term, surface) });
        const corrected = this.scoreTerm(closest.term, matchedTerms, null);
        for (let slot = 0; slot < corrected.length; slot++) corrected[slot]! *= TYPO_WEIGHT;
        return corrected;
      }
    }
    const averages = this.lengthSums.map((sum) => (this.liveCount ? sum / this.liveCount : 1) || 1);
    // A compound is rarer than its head word; scoring it with its own rarity would rank
    // "Gesundheitsförderung" above "Förderung" for the query "Förderung".
    const ownIdf = this.postings.has(term) ? this.idf(term) : Infinity;
    for (const { term: t, weight } of expansions) {
      const posting = this.postings.get(t);
      if (!posting) continue;
      const termIdf = this.idf(t);
      if (termIdf === 0) continue;
      matchedTerms.add(t);
      const idf = Math.min(termIdf, ownIdf);
      for (let i = 0; i < posting.docs.length; i++) {
        const slot = posting.docs[i]!;
        if (!this.live[slot]) continue;
        const packed = posting.freqs[i]!;
        const lengths = this.fieldLengths[slot]!;
        let weightedTf = 0;
        for (let f = 0; f < FIELD_COUNT; f++) {
          const tf = Math.floor(packed / 2 ** (8 * f)) % 256;
          if (tf === 0) continue;
          const field = searchFields[f]!;
          const b = fieldB[field];
          weightedTf += (fieldWeights[field] * tf) / (1 - b + (b * lengths[f]!) / averages[f]!);
        }
        const s = (weight * idf * (weightedTf * (K1 + 1))) / (K1 + weightedTf);
        if (s > scores[slot]!) scores[slot] = s;
      }
    }
    return scores;
  }

  private idf(term: string): number {
    const posting = this.postings.get(term);
    let df = 0;
    if (posting) for (const slot of posting.docs) if (this.live[slot]) df++;
    return df === 0 ? 0 : Math.log(1 + (this.liveCount - df + 0.5) / (df + 0.5));
  }

  /** A readable spelling for a corrected term: the word as it appears in some document. */
  private surfaceFor(term: string, fallback: string): string {
    // The term may be only the beginning of indexed compounds: then show that beginning of the word.
    const indexed = this.postings.has(term) ? term : this.dictionary.compoundsStartingWith(term, 1, 1)[0];
    const posting = indexed ? this.postings.get(indexed) : undefined;
    const slot = posting?.docs.find((s) => this.live[s]);
    if (!indexed || slot === undefined) return fallback;
    const doc = this.docs[slot]!;
    for (const field of searchFields) {
      for (const match of doc.texts[field].matchAll(/[\p{L}\p{N}]+/gu)) {
        if (analyze(match[0])[0] === indexed) return indexed === term ? match[0] : match[0].slice(0, term.length);
      }
    }
    return fallback;
  }

  private filterChecks(filters: SearchFilters): Array<{ facet: FacetName; passes: (doc: IndexedDocument, status: ProjectStatus) => boolean }> {
    const checks: Array<{ facet: FacetName; passes: (doc: IndexedDocument, status: ProjectStatus) => boolean }> = [];
    const anyOf = <T,>(wanted: T[], has: (doc: IndexedDocument) => T[]) => {
      const set = new Set(wanted);
      return (doc: IndexedDocument) => has(doc).some((v) => set.has(v));
    };
    if (filters.kinds.length) checks.push({ facet: 'kind', passes: (d) => filters.kinds.includes(d.kind) });
    if (filters.areas.length) checks.push({ facet: 'area', passes: (d) => d.area !== null && filters.areas.includes(d.area) });
    if (filters.leitsaetze.length) checks.push({ facet: 'leitsatz', passes: anyOf(filters.leitsaetze, (d) => d.leitsaetze) });
    if (filters.sdgs.length) checks.push({ facet: 'sdg', passes: anyOf(filters.sdgs, (d) => d.sdgs) });
    if (filters.regions.length) checks.push({ facet: 'region', passes: anyOf(filters.regions, (d) => d.regions) });
    if (filters.targetGroups.length)
      checks.push({ facet: 'targetGroup', passes: anyOf(filters.targetGroups.map((g) => g.toLowerCase()), (d) => d.targetGroups.map((g) => g.key)) });
    if (filters.statuses.length) checks.push({ facet: 'status', passes: (_d, status) => filters.statuses.includes(status) });
    if (filters.participationOpen) checks.push({ facet: 'participation', passes: (d) => d.participationOpen });
    if (filters.fundingKinds.length) checks.push({ facet: 'funding', passes: anyOf(filters.fundingKinds, (d) => d.fundingKinds) });
    return checks;
  }

  private sortSlots(slots: number[], sort: SortOrder, scores: Float64Array | null, hasText: boolean): number[] {
    const newest = (a: number, b: number) => (this.docs[b]!.publishedAt ?? '').localeCompare(this.docs[a]!.publishedAt ?? '') || a - b;
    if (sort === 'titel') {
      const order = this.titleRanks();
      return slots.sort((a, b) => order.get(a)! - order.get(b)!);
    }
    if (sort === 'neueste' || !hasText || !scores) return slots.sort(newest);
    return slots.sort((a, b) => scores[b]! - scores[a]! || newest(a, b));
  }

  /** Title order by German collation, computed once per change (sorting by collator per query is slow). */
  private titleRanks(): Map<number, number> {
    if (this.titleOrder) return this.titleOrder;
    const slots = [...this.slotById.values()].sort((a, b) => this.collator.compare(this.docs[a]!.title, this.docs[b]!.title) || a - b);
    this.titleOrder = new Map(slots.map((slot, rank) => [slot, rank]));
    return this.titleOrder;
  }

  /**
   * Documents most like the given one: shared distinctive words of title, teaser and tags,
   * plus shared Leitbild area, Leitsätze and SDGs. The document itself is excluded.
   */
  similarTo(id: string, limit: number): string[] {
    const slot = this.slotById.get(id);
    if (slot === undefined) return [];
    const doc = this.docs[slot]!;
    const scores = new Float64Array(this.docs.length);
    const words = new Set(analyze(`${doc.texts.title} ${doc.texts.teaser} ${doc.texts.tags}`));
    for (const term of words) {
      const posting = this.postings.get(term);
      if (!posting) continue;
      const idf = this.idf(term);
      for (const other of posting.docs) if (this.live[other]) scores[other]! += idf;
    }
    const candidates: number[] = [];
    for (let other = 0; other < this.docs.length; other++) {
      if (!this.live[other] || other === slot) continue;
      const o = this.docs[other]!;
      const shared = (a: number[], b: number[]) => a.filter((x) => b.includes(x)).length;
      scores[other]! += (o.area !== null && o.area === doc.area ? 1 : 0) + 0.5 * shared(o.leitsaetze, doc.leitsaetze) + 0.5 * shared(o.sdgs, doc.sdgs);
      if (scores[other]! > 0) candidates.push(other);
    }
    return candidates
      .sort((a, b) => scores[b]! - scores[a]! || a - b)
      .slice(0, limit)
      .map((s) => this.docs[s]!.id);
  }
}

function pack(tf: number[]): number {
  let packed = 0;
  for (let f = 0; f < FIELD_COUNT; f++) packed += tf[f]! * 2 ** (8 * f);
  return packed;
}

type FacetCounters = Record<FacetName, Map<string, number>>;

function createFacetCounters(): FacetCounters {
  return {
    kind: new Map(),
    area: new Map(),
    leitsatz: new Map(),
    sdg: new Map(),
    region: new Map(),
    targetGroup: new Map(),
    status: new Map(),
    participation: new Map(),
    funding: new Map(),
  };
}

function countFacets(counters: FacetCounters, doc: IndexedDocument, status: ProjectStatus, failedFacet: FacetName | null): void {
  const bump = (facet: FacetName, value: string) => {
    if (failedFacet !== null && failedFacet !== facet) return;
    counters[facet].set(value, (counters[facet].get(value) ?? 0) + 1);
  };
  bump('kind', doc.kind);
  if (doc.area) bump('area', doc.area);
  for (const n of doc.leitsaetze) bump('leitsatz', String(n));
  for (const n of doc.sdgs) bump('sdg', String(n));
  for (const r of doc.regions) bump('region', r);
  for (const g of doc.targetGroups) bump('targetGroup', g.key);
  bump('status', status);
  if (doc.participationOpen) bump('participation', 'open');
  for (const k of doc.fundingKinds) bump('funding', k);
}

function toFacetValues(counters: FacetCounters, filters: SearchFilters, targetGroupLabels: Map<string, string>): Record<FacetName, FacetValue[]> {
  const selectedByFacet: Record<FacetName, string[]> = {
    kind: filters.kinds,
    area: filters.areas,
    leitsatz: filters.leitsaetze.map(String),
    sdg: filters.sdgs.map(String),
    region: filters.regions,
    targetGroup: filters.targetGroups.map((g) => g.toLowerCase()),
    status: filters.statuses,
    participation: filters.participationOpen ? ['open'] : [],
    funding: filters.fundingKinds,
  };
  const result = {} as Record<FacetName, FacetValue[]>;
  for (const facet of Object.keys(counters) as FacetName[]) {
    const selected = new Set(selectedByFacet[facet]);
    const values = new Map(counters[facet]);
    for (const value of selected) if (!values.has(value)) values.set(value, 0);
    result[facet] = [...values.entries()]
      .map(([value, count]) => ({
        value,
        count,
        selected: selected.has(value),
        ...(facet === 'region' ? { parent: findRegion(value)?.parent ?? null } : {}),
        ...(facet === 'targetGroup' ? { label: targetGroupLabels.get(value) ?? value } : {}),
      }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'de', { numeric: true }));
  }
  return result;
}
