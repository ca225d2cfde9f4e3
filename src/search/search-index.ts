import { terms as analyze, tokenize } from './analyzer.ts';
import { fieldWeights, searchFields, type IndexedDocument, type SearchField } from './documents.ts';
import { parseQuery, type QueryGroup } from './query.ts';
import type { SynonymTable } from './synonyms.ts';
import { TermDictionary } from './term-dictionary.ts';
import { facetNames, type FacetName, type FacetValue, type SearchFilters, type SortOrder } from './types.ts';
import { statusFromDays, statusValues, type ProjectStatus } from '../domain/period.ts';
import { FacetTable } from './facets.ts';

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
const STATUS_FACET = facetNames.indexOf('status');
const TERM_CACHE_LIMIT = 2000;
const RESULT_CACHE_LIMIT = 1000;
// Frequencies above 63 add nothing under BM25 saturation; 6 bits per field fit five fields in 32 bits.
const TF_BITS = 6;
const TF_CAP = 2 ** TF_BITS - 1;

/** A term's documents in slot order with their per-field frequencies; typed arrays keep 100k documents compact. */
class Posting {
  docs = new Int32Array(4);
  /** FIELD_COUNT frequencies of TF_BITS each, packed into one unsigned 32-bit number. */
  freqs = new Uint32Array(4);
  length = 0;

  push(slot: number, packed: number): void {
    if (this.length === this.docs.length) {
      this.docs = grow(this.docs, new Int32Array(this.length * 2));
      this.freqs = grow(this.freqs, new Uint32Array(this.length * 2));
    }
    this.docs[this.length] = slot;
    this.freqs[this.length++] = packed;
  }
}

function grow<T extends Int32Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
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
  /** Shortest written form of each term, for showing corrected spellings. */
  private readonly surfaces = new Map<string, string>();
  private readonly slotById = new Map<string, number>();
  private readonly postings = new Map<string, Posting>();
  private readonly dictionary = new TermDictionary();
  private readonly lengthSums = new Array<number>(FIELD_COUNT).fill(0);
  private liveCount = 0;
  private titleOrder: Map<number, number> | null = null;
  private readonly idfCache = new Map<string, number>();
  private readonly resultCache = new Map<string, IndexSearchResult>();
  private changes = 0;
  private readonly similarCache = new Map<string, string[]>();
  private readonly termCache = new Map<string, { scores: SparseScores; matched: string[]; correction: { surface: string; replacement: string } | null }>();
  private readonly facets = new FacetTable();
  private readonly facetCodes: Int32Array[] = [];
  private scratchValues = new Float64Array(1024);
  /** Publication time per slot (ms), for "newest" without parsing dates per query. */
  private readonly publishedMs: number[] = [];
  /** Display form of each target-group facet key, as first seen. */
  private readonly targetGroupLabels = new Map<string, string>();
  private readonly collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true });

  constructor(private readonly synonyms: SynonymTable) {}

  get size(): number {
    return this.liveCount;
  }


  /** Adds or replaces a document. A replaced document's old slot is left dead (postings skip it). */
  upsert(doc: IndexedDocument): void {
    this.remove(doc.id);
    const slot = this.docs.length;
    // Long texts are needed only while indexing; the index keeps the short fields (similar contributions).
    this.docs.push({ ...doc, texts: { ...doc.texts, meta: '', body: '' } });
    this.live.push(true);
    this.slotById.set(doc.id, slot);
    const lengths: number[] = [];
    const frequencies = new Map<string, number[]>();
    searchFields.forEach((field, f) => {
      const tokens = tokenize(doc.texts[field]);
      lengths.push(tokens.length);
      this.lengthSums[f]! += tokens.length;
      for (const { term, surface } of tokens) {
        let tf = frequencies.get(term);
        if (!tf) frequencies.set(term, (tf = new Array<number>(FIELD_COUNT).fill(0)));
        tf[f] = Math.min(TF_CAP, tf[f]! + 1);
        const known = this.surfaces.get(term);
        if (!known || surface.length < known.length) this.surfaces.set(term, surface);
      }
    });
    this.fieldLengths.push(lengths);
    for (const [term, tf] of frequencies) {
      let posting = this.postings.get(term);
      if (!posting) {
        this.postings.set(term, (posting = new Posting()));
        this.dictionary.add(term);
      }
      posting.push(slot, pack(tf));
    }
    for (const group of doc.targetGroups) if (!this.targetGroupLabels.has(group.key)) this.targetGroupLabels.set(group.key, group.label);
    this.publishedMs.push(doc.publishedAt ? Date.parse(doc.publishedAt) : 0);
    this.facetCodes.push(this.facets.codesOf(doc));
    this.liveCount++;
    this.changed();
  }

  /** Increases with every change; callers may cache what they derived from the index under it. */
  get generation(): number {
    return this.changes;
  }

  private changed(): void {
    this.changes++;
    this.titleOrder = null;
    this.idfCache.clear();
    this.termCache.clear();
    this.resultCache.clear();
    this.similarCache.clear();
  }

  remove(id: string): void {
    const slot = this.slotById.get(id);
    if (slot === undefined) return;
    this.live[slot] = false;
    this.slotById.delete(id);
    this.fieldLengths[slot]!.forEach((length, f) => (this.lengthSums[f]! -= length));
    this.liveCount--;
    this.changed();
  }

  search(options: IndexSearchOptions): IndexSearchResult {
    // Identical requests (the start page, popular searches, paging back) are answered from a
    // cache that every change to the index empties.
    const cacheKey = JSON.stringify(options);
    const cached = this.resultCache.get(cacheKey);
    if (cached) return cached;
    const result = this.execute(options);
    if (this.resultCache.size >= RESULT_CACHE_LIMIT) this.resultCache.delete(this.resultCache.keys().next().value!);
    this.resultCache.set(cacheKey, result);
    return result;
  }

  private execute(options: IndexSearchOptions): IndexSearchResult {
    const groups = parseQuery(options.text, this.synonyms);
    const matchedTerms = new Set<string>();
    let didYouMean: string | null = null;
    let scores: Float64Array | null = null;
    let matchCounts: Uint8Array | null = null;
    // Slots that matched at least one query word; only these are visited below.
    let candidates: number[] | null = null;

    if (groups.length > 0) {
      scores = new Float64Array(this.docs.length);
      matchCounts = new Uint8Array(this.docs.length);
      candidates = [];
      const context: ScoringContext = { matchedTerms, corrections: [], averages: this.averageLengths() };
      for (const group of groups) {
        const groupScores = this.scoreGroup(this.withCompoundSplit(group), context);
        for (let i = 0; i < groupScores.slots.length; i++) {
          const slot = groupScores.slots[i]!;
          if (matchCounts[slot] === 0) candidates.push(slot);
          scores[slot]! += groupScores.scores[i]!;
          matchCounts[slot]!++;
        }
      }
      if (context.corrections.length) didYouMean = context.corrections.reduce((q, c) => q.replace(c.surface, c.replacement), options.text.trim());
    }

    // Short queries need every word; longer ones two thirds of them (people type filler words).
    // If no document reaches that, those matching the most words are shown.
    let required = groups.length <= 2 ? groups.length : Math.ceil(groups.length * 0.66);
    if (matchCounts && candidates && required > 1) {
      let best = 0;
      for (const slot of candidates) if (matchCounts[slot]! > best) best = matchCounts[slot]!;
      required = Math.min(required, Math.max(1, best));
    }
    if (scores && matchCounts && candidates && groups.length > 1) {
      // Coordination: documents that match more of the query's words rank higher.
      for (const slot of candidates) scores[slot]! *= (matchCounts[slot]! / groups.length) ** 2;
    }

    const filters = this.facets.compile(options.filters);
    const counts = new Int32Array(this.facets.size);
    const selected: number[] = [];
    const statusCodes = Object.fromEntries(statusValues.map((status) => [status, this.facets.statusCode(status)])) as Record<ProjectStatus, number>;
    const visit = (slot: number) => {
      if (!this.live[slot] || (matchCounts && matchCounts[slot]! < required)) return;
      const doc = this.docs[slot]!;
      const codes = this.facetCodes[slot]!;
      const statusCode = statusCodes[statusFromDays(doc.startDay, doc.endDay, options.today)];
      // Disjunctive faceting: a facet's counts ignore that facet's own filter, so a document
      // failing exactly one filter still counts for that facet's values.
      let failed = -1;
      for (const facet of filters.active) {
        if (this.facets.passes(codes, statusCode, facet, filters.wanted)) continue;
        if (failed !== -1) return;
        failed = facet;
      }
      if (failed === -1) selected.push(slot);
      for (let i = 0; i < codes.length; i++) if (failed === -1 || this.facets.facetOf[codes[i]!] === failed) counts[codes[i]!]!++;
      if (failed === -1 || failed === STATUS_FACET) counts[statusCode]!++;
    };
    if (candidates) for (const slot of candidates) visit(slot);
    else for (let slot = 0; slot < this.docs.length; slot++) visit(slot);

    const ranked = this.topSlots(selected, options.sort, groups.length > 0 ? scores : null, options.offset + options.limit);
    const hits = ranked.slice(options.offset, options.offset + options.limit).map((slot) => ({ id: this.docs[slot]!.id, score: scores?.[slot] ?? 0 }));
    return { total: selected.length, hits, facets: this.facets.values(counts, options.filters, this.targetGroupLabels), didYouMean, matchedTerms };
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

  /** Scores of one query group: per document the best alternative, each alternative needing all its terms. */
  private scoreGroup(group: QueryGroup, context: ScoringContext): SparseScores {
    const alternatives: SparseScores[] = [];
    for (const alternative of group.alternatives) {
      let combined: SparseScores | null = null;
      for (const term of alternative.terms) {
        // Only the user's own word is expanded to compounds and corrected for typos; a synonym is
        // already an expansion, and expanding it again costs much and finds mostly noise.
        const own = alternative.weight === 1;
        const termScores = this.scoreTerm(term, context, own && alternative.terms.length === 1 ? group.surface : null, own);
        combined = combined ? intersectSum(combined, termScores) : termScores;
        if (combined.slots.length === 0) break;
      }
      if (combined && combined.slots.length) alternatives.push(scaled(combined, alternative.weight));
    }
    return unionMax(alternatives, this.scratch());
  }

  /**
   * Scores of one term with its compound and typo expansions (the best expansion per document).
   * `surface` is set for the user's own word, which may then be corrected for typos.
   */
  private scoreTerm(term: string, context: ScoringContext, surface: string | null, expand = true): SparseScores {
    // Popular words recur across queries; their scores stay valid until the index changes.
    const cacheKey = `${expand ? '+' : '='}${term}${surface === null ? '' : `\u0001${surface}`}`;
    const cached = this.termCache.get(cacheKey);
    if (cached) {
      for (const t of cached.matched) context.matchedTerms.add(t);
      if (cached.correction) context.corrections.push(cached.correction);
      return cached.scores;
    }
    const local: ScoringContext = { matchedTerms: new Set(), corrections: [], averages: context.averages };
    const scores = this.computeTermScores(term, local, surface, expand);
    if (this.termCache.size >= TERM_CACHE_LIMIT) this.termCache.delete(this.termCache.keys().next().value!);
    this.termCache.set(cacheKey, { scores, matched: [...local.matchedTerms], correction: local.corrections[0] ?? null });
    for (const t of local.matchedTerms) context.matchedTerms.add(t);
    context.corrections.push(...local.corrections);
    return scores;
  }

  private computeTermScores(term: string, context: ScoringContext, surface: string | null, expand: boolean): SparseScores {
    const expansions: Array<{ term: string; weight: number }> = [];
    if (this.postings.has(term)) expansions.push({ term, weight: 1 });
    if (expand && term.length >= 3) for (const t of this.dictionary.compoundsEndingWith(term)) expansions.push({ term: t, weight: HEAD_COMPOUND_WEIGHT });
    if (expand && term.length >= 4) for (const t of this.dictionary.compoundsStartingWith(term)) expansions.push({ term: t, weight: MODIFIER_COMPOUND_WEIGHT });
    if (expansions.length === 0 && surface !== null) {
      // Nothing matches as typed: search the closest spelling (with its compounds) instead.
      const closest = this.dictionary.nearTerms(term)[0];
      if (!closest) return emptyScores;
      context.corrections.push({ surface, replacement: this.surfaceFor(closest.term, surface) });
      return scaled(this.scoreTerm(closest.term, context, null), TYPO_WEIGHT);
    }
    // A compound is rarer than its head word; scoring it with its own rarity would rank
    // "Gesundheitsförderung" above "Förderung" for the query "Förderung".
    const ownIdf = this.postings.has(term) ? this.idf(term) : Infinity;
    const { values, touched } = this.scratch();
    for (const { term: t, weight } of expansions) {
      const posting = this.postings.get(t)!;
      const termIdf = this.idf(t);
      if (termIdf === 0) continue;
      context.matchedTerms.add(t);
      const idf = Math.min(termIdf, ownIdf);
      for (let i = 0; i < posting.length; i++) {
        const slot = posting.docs[i]!;
        if (!this.live[slot]) continue;
        const s = weight * idf * this.bm25f(posting.freqs[i]!, this.fieldLengths[slot]!, context.averages);
        const previous = values[slot]!;
        if (previous === 0) touched.push(slot);
        if (s > previous) values[slot] = s;
      }
    }
    return drain(values, touched);
  }

  /** BM25F saturation over the weighted, length-normalised field frequencies of one posting. */
  private bm25f(packed: number, lengths: number[], averages: number[]): number {
    let weightedTf = 0;
    for (let f = 0; f < FIELD_COUNT; f++) {
      const tf = (packed >>> (TF_BITS * f)) & TF_CAP;
      if (tf === 0) continue;
      const field = searchFields[f]!;
      const b = fieldB[field];
      weightedTf += (fieldWeights[field] * tf) / (1 - b + (b * lengths[f]!) / averages[f]!);
    }
    return (weightedTf * (K1 + 1)) / (K1 + weightedTf);
  }

  private averageLengths(): number[] {
    return this.lengthSums.map((sum) => (this.liveCount ? sum / this.liveCount : 1) || 1);
  }

  /** A zeroed buffer the size of the index plus a list of the slots written to it. */
  private scratch(): { values: Float64Array; touched: number[] } {
    if (this.scratchValues.length < this.docs.length) this.scratchValues = new Float64Array(Math.max(1024, this.docs.length * 2));
    return { values: this.scratchValues, touched: [] };
  }

  /** Inverse document frequency over live documents; cached until the index changes. */
  private idf(term: string): number {
    const cached = this.idfCache.get(term);
    if (cached !== undefined) return cached;
    const posting = this.postings.get(term);
    let df = 0;
    if (posting) for (let i = 0; i < posting.length; i++) if (this.live[posting.docs[i]!]) df++;
    const idf = df === 0 ? 0 : Math.log(1 + (this.liveCount - df + 0.5) / (df + 0.5));
    this.idfCache.set(term, idf);
    return idf;
  }

  /** A readable spelling for a corrected term: its shortest written form ("Budget" rather than "Budgets"). */
  private surfaceFor(term: string, fallback: string): string {
    const known = this.surfaces.get(term);
    if (known) return known;
    // The term may be only the beginning of indexed compounds: then show that beginning of the word.
    const compound = this.dictionary.compoundsStartingWith(term, 1, 1)[0];
    const written = compound ? this.surfaces.get(compound) : undefined;
    return written ? written.slice(0, term.length) : fallback;
  }

  /** The first `count` slots in the requested order, without sorting the whole result set. */
  private topSlots(slots: number[], sort: SortOrder, scores: Float64Array | null, count: number): number[] {
    const published = this.publishedMs;
    let before: (a: number, b: number) => boolean;
    if (sort === 'titel') {
      const order = this.titleRanks();
      before = (a, b) => order.get(a)! < order.get(b)!;
    } else if (sort === 'neueste' || !scores) {
      before = (a, b) => published[a]! > published[b]! || (published[a] === published[b] && a < b);
    } else {
      before = (a, b) => scores[a]! > scores[b]! || (scores[a] === scores[b] && (published[a]! > published[b]! || (published[a] === published[b] && a < b)));
    }
    return topK(slots, count, before);
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
    const cacheKey = `similar\u0000${id}\u0000${limit}`;
    const cached = this.similarCache.get(cacheKey);
    if (cached) return cached;
    const slot = this.slotById.get(id);
    if (slot === undefined) return [];
    const doc = this.docs[slot]!;
    const scores = new Map<number, number>();
    // Only distinctive words: a word in more than 2 % of all documents links everything to everything.
    const maxDf = Math.max(5, this.liveCount / 50);
    for (const term of new Set(analyze(`${doc.texts.title} ${doc.texts.teaser} ${doc.texts.tags}`))) {
      const posting = this.postings.get(term);
      if (!posting || posting.length > maxDf) continue;
      const idf = this.idf(term);
      for (let i = 0; i < posting.length; i++) {
        const other = posting.docs[i]!;
        if (this.live[other] && other !== slot) scores.set(other, (scores.get(other) ?? 0) + idf);
      }
    }
    // Shared Leitbild area, Leitsätze and SDGs refine the order among documents that share words.
    for (const [other, score] of scores) {
      const o = this.docs[other]!;
      const shared = (a: number[], b: number[]) => a.reduce((n, x) => n + (b.includes(x) ? 1 : 0), 0);
      scores.set(other, score + (o.area !== null && o.area === doc.area ? 1 : 0) + 0.5 * shared(o.leitsaetze, doc.leitsaetze) + 0.5 * shared(o.sdgs, doc.sdgs));
    }
    const result = topK([...scores.keys()], limit, (a, b) => scores.get(a)! > scores.get(b)! || (scores.get(a) === scores.get(b) && a < b)).map((s) => this.docs[s]!.id);
    if (this.similarCache.size >= RESULT_CACHE_LIMIT) this.similarCache.delete(this.similarCache.keys().next().value!);
    this.similarCache.set(cacheKey, result);
    return result;
  }

}

function pack(tf: number[]): number {
  let packed = 0;
  for (let f = 0; f < FIELD_COUNT; f++) packed |= tf[f]! << (TF_BITS * f);
  return packed >>> 0;
}

interface ScoringContext {
  matchedTerms: Set<string>;
  corrections: Array<{ surface: string; replacement: string }>;
  averages: number[];
}

/** Scores for a set of slots, ascending by slot. */
interface SparseScores {
  slots: Int32Array;
  scores: Float64Array;
}

const emptyScores: SparseScores = { slots: new Int32Array(0), scores: new Float64Array(0) };

/** Moves the touched entries of a scratch buffer into sparse form and zeroes the buffer again. */
function drain(values: Float64Array, touched: number[]): SparseScores {
  const slots = Int32Array.from(touched).sort();
  const scores = new Float64Array(slots.length);
  for (let i = 0; i < slots.length; i++) {
    scores[i] = values[slots[i]!]!;
    values[slots[i]!] = 0;
  }
  return { slots, scores };
}

function scaled(sparse: SparseScores, factor: number): SparseScores {
  if (factor === 1) return sparse;
  return { slots: sparse.slots, scores: sparse.scores.map((s) => s * factor) };
}

/** Slots present in both, with summed scores (all terms of an alternative must match). */
function intersectSum(a: SparseScores, b: SparseScores): SparseScores {
  const slots: number[] = [];
  const scores: number[] = [];
  for (let i = 0, j = 0; i < a.slots.length && j < b.slots.length; ) {
    if (a.slots[i]! < b.slots[j]!) i++;
    else if (a.slots[i]! > b.slots[j]!) j++;
    else {
      slots.push(a.slots[i]!);
      scores.push(a.scores[i++]! + b.scores[j++]!);
    }
  }
  return { slots: Int32Array.from(slots), scores: Float64Array.from(scores) };
}

/** Slots present in any, with the best score (a document needs one alternative). */
function unionMax(parts: SparseScores[], scratch: { values: Float64Array; touched: number[] }): SparseScores {
  if (parts.length === 0) return emptyScores;
  if (parts.length === 1) return parts[0]!;
  const { values, touched } = scratch;
  for (const part of parts) {
    for (let i = 0; i < part.slots.length; i++) {
      const slot = part.slots[i]!;
      if (values[slot] === 0) touched.push(slot);
      if (part.scores[i]! > values[slot]!) values[slot] = part.scores[i]!;
    }
  }
  return drain(values, touched);
}

/** The `count` best items by `before`, in order: a bounded insertion list, cheap for small pages. */
function topK(items: number[], count: number, before: (a: number, b: number) => boolean): number[] {
  if (count <= 0) return [];
  if (count >= items.length / 4) return items.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0)).slice(0, count);
  const best: number[] = [];
  for (const item of items) {
    if (best.length === count && !before(item, best[count - 1]!)) continue;
    if (best.length === count) best.pop();
    let at = best.length;
    while (at > 0 && before(item, best[at - 1]!)) at--;
    best.splice(at, 0, item);
  }
  return best;
}
