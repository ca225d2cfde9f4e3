import { terms as analyze, tokenize } from './analyzer.ts';
import { fieldWeights, searchFields, type IndexedDocument, type SearchField } from './documents.ts';
import { parseQuery, type QueryGroup } from './query.ts';
import type { SynonymTable } from './synonyms.ts';
import { TermDictionary } from './term-dictionary.ts';
import { facetNames, type FacetName, type FacetValue, type SearchFilters, type SearchAfter, type SortOrder } from './types.ts';
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
    if (this.length === this.docs.length) this.resize(Math.ceil(this.length * 1.5) + 4);
    this.docs[this.length] = slot;
    this.freqs[this.length++] = packed;
  }

  /** Gives back most of the growth slack (about a third of all posting memory after a bulk load). */
  compact(): void {
    const capacity = this.length + Math.max(4, this.length >> 4);
    if (this.docs.length > capacity) this.resize(capacity);
  }

  private resize(capacity: number): void {
    const docs = new Int32Array(capacity);
    const freqs = new Uint32Array(capacity);
    docs.set(this.docs.subarray(0, this.length));
    freqs.set(this.freqs.subarray(0, this.length));
    this.docs = docs;
    this.freqs = freqs;
  }
}

function grow<T extends Int32Array | Uint32Array | Uint8Array>(from: T, to: T): T {
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
  /** Keyset paging: only hits after this position of the sort order are ranked (total and facets still count all). */
  after?: SearchAfter;
  /** Contributions published after this moment (ms) are left out entirely. */
  publishedUpToMs?: number;
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
  /** Per slot: what queries need of a document after indexing (its texts are not kept: 100k documents). */
  private readonly ids: string[] = [];
  private readonly titles: string[] = [];
  private readonly startDays: Array<string | null> = [];
  private readonly endDays: Array<string | null> = [];
  /** Per slot: 1 while the document is current (typed arrays: these are read per posting in every query). */
  private live = new Uint8Array(1024);
  /** Per slot and field (slot * FIELD_COUNT + field): the field's length in words. */
  private fieldLengths = new Uint32Array(1024 * FIELD_COUNT);
  /** Per slot and field: field weight / BM25 length normalisation, derived from fieldLengths for one generation. */
  private fieldFactors = new Float64Array(0);
  private fieldFactorsGeneration = -1;
  /** Per slot: facet code of the project status, derived for one day and generation. */
  private statusCodes = new Int32Array(0);
  private statusCodesDay = '';
  private statusCodesSlots = 0;
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
  /** Facet codes of all slots in one array (slot's codes from codeStarts[slot] to codeStarts[slot + 1]), for cache-friendly counting. */
  private facetCodes = new Int32Array(1024 * 8);
  private codeStarts = new Uint32Array(1024 + 1);
  private scratchValues = new Float64Array(1024);
  /** Publication time per slot (ms), for "newest" without parsing dates per query. */
  private readonly publishedMs: number[] = [];
  /** Display form of each target-group facet key, as first seen. */
  private readonly targetGroupLabels = new Map<string, string>();
  private readonly collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true });

  constructor(private synonyms: SynonymTable) {}

  /** Swaps the synonym list (editors changed it); cached results used the old one, so they go. */
  setSynonyms(synonyms: SynonymTable): void {
    this.synonyms = synonyms;
    this.changed();
  }

  get size(): number {
    return this.liveCount;
  }


  /** Adds or replaces a document. A replaced document's old slot is left dead (postings skip it). */
  upsert(doc: IndexedDocument): void {
    this.remove(doc.id);
    const slot = this.ids.length;
    this.ids.push(doc.id);
    this.titles.push(doc.title);
    this.startDays.push(doc.startDay);
    this.endDays.push(doc.endDay);
    this.ensureCapacity(slot + 1);
    this.live[slot] = 1;
    this.slotById.set(doc.id, slot);
    const frequencies = new Map<string, number[]>();
    searchFields.forEach((field, f) => {
      const tokens = tokenize(doc.texts[field]);
      this.fieldLengths[slot * FIELD_COUNT + f] = tokens.length;
      this.lengthSums[f]! += tokens.length;
      for (const { term, surface } of tokens) {
        let tf = frequencies.get(term);
        if (!tf) frequencies.set(term, (tf = new Array<number>(FIELD_COUNT).fill(0)));
        tf[f] = Math.min(TF_CAP, tf[f]! + 1);
        const known = this.surfaces.get(term);
        if (!known || surface.length < known.length) this.surfaces.set(term, surface);
      }
    });
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
    const codes = this.facets.codesOf(doc);
    const from = this.codeStarts[slot]!;
    if (from + codes.length > this.facetCodes.length) this.facetCodes = grow(this.facetCodes, new Int32Array(Math.max(from + codes.length, this.facetCodes.length * 2)));
    this.facetCodes.set(codes, from);
    this.codeStarts[slot + 1] = from + codes.length;
    this.liveCount++;
    this.changed();
  }

  private ensureCapacity(slots: number): void {
    if (slots <= this.live.length) return;
    const capacity = Math.max(slots, this.live.length * 2);
    this.live = grow(this.live, new Uint8Array(capacity));
    this.fieldLengths = grow(this.fieldLengths, new Uint32Array(capacity * FIELD_COUNT));
    this.codeStarts = grow(this.codeStarts, new Uint32Array(capacity + 1));
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
    this.live[slot] = 0;
    this.slotById.delete(id);
    for (let f = 0; f < FIELD_COUNT; f++) this.lengthSums[f]! -= this.fieldLengths[slot * FIELD_COUNT + f]!;
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
    const groups = parseQuery(options.text, this.synonyms).map((group) => this.withCompoundSplit(group));
    // Short queries need every word; longer ones two thirds of them (people type filler words).
    const required = groups.length <= 2 ? groups.length : Math.ceil(groups.length * 0.66);
    let matched = groups.length > 0 ? this.matchGroups(groups, required, true) : null;
    // If no document reaches that, those matching the most words are shown; the pruned pass above
    // cannot tell which those are, so the query is matched again without pruning.
    if (matched && matched.pruned && matched.best < required) matched = this.matchGroups(groups, Math.max(1, matched.best), false);
    const didYouMean = matched?.corrections.length
      ? matched.corrections.reduce((q, c) => q.replace(c.surface, c.replacement), options.text.trim())
      : null;
    const scores = matched?.scores ?? null;
    const matchCounts = matched?.matchCounts ?? null;
    const minimum = matched ? Math.min(required, Math.max(1, matched.best)) : 0;
    if (matched && groups.length > 1) {
      // Coordination: documents that match more of the query's words rank higher.
      for (const slot of matched.candidates) matched.scores[slot]! *= (matched.matchCounts[slot]! / groups.length) ** 2;
    }

    const filters = this.facets.compile(options.filters);
    const counts = new Int32Array(this.facets.size);
    const selected: number[] = [];
    const statusCodes = this.statusCodesFor(options.today);
    const { live, facetCodes: codes, codeStarts } = this;
    const facetOf = this.facets.facetOf;
    const upTo = options.publishedUpToMs ?? Infinity;
    const published = this.publishedMs;
    const visit = (slot: number) => {
      if (live[slot] === 0 || (matchCounts && matchCounts[slot]! < minimum) || published[slot]! > upTo) return;
      const from = codeStarts[slot]!;
      const to = codeStarts[slot + 1]!;
      const statusCode = statusCodes[slot]!;
      // Disjunctive faceting: a facet's counts ignore that facet's own filter, so a document
      // failing exactly one filter still counts for that facet's values.
      let failed = -1;
      for (const facet of filters.active) {
        if (this.facets.passes(codes, from, to, statusCode, facet, filters.wanted)) continue;
        if (failed !== -1) return;
        failed = facet;
      }
      if (failed === -1) {
        selected.push(slot);
        for (let i = from; i < to; i++) counts[codes[i]!]!++;
        counts[statusCode]!++;
      } else {
        for (let i = from; i < to; i++) if (facetOf[codes[i]!] === failed) counts[codes[i]!]!++;
        if (failed === STATUS_FACET) counts[statusCode]!++;
      }
    };
    if (matched) for (const slot of matched.candidates) visit(slot);
    else for (let slot = 0; slot < this.ids.length; slot++) visit(slot);

    const rankable = options.after ? this.slotsAfter(selected, options.after) : selected;
    const ranked = this.topSlots(rankable, options.sort, scores, options.offset + options.limit);
    const hits = ranked.slice(options.offset, options.offset + options.limit).map((slot) => ({ id: this.ids[slot]!, score: scores?.[slot] ?? 0 }));
    return { total: selected.length, hits, facets: this.facets.values(counts, options.filters, this.targetGroupLabels), didYouMean, matchedTerms: matched?.matchedTerms ?? new Set() };
  }

  /**
   * Scores every query group and counts, per document, how many groups it matches.
   * With `prune`, groups are scored from the rarest to the most common, and a group is scored
   * only on documents that can still reach `required` matching groups: for "Radverkehr Landkreis
   * Kassel" the very common "Landkreis" (and its synonyms) is scored only where one of the other
   * two words matched. That changes nothing for documents that reach `required`.
   */
  private matchGroups(groups: QueryGroup[], required: number, prune: boolean): MatchedGroups {
    const scores = new Float64Array(this.ids.length);
    const matchCounts = new Uint8Array(this.ids.length);
    const candidates: number[] = [];
    const context: ScoringContext = { matchedTerms: new Set(), corrections: [], factors: this.factors() };
    const order = prune ? [...groups].sort((a, b) => this.estimatedMatches(a) - this.estimatedMatches(b)) : groups;
    let best = 0;
    let pruned = false;
    order.forEach((group, done) => {
      const remaining = groups.length - done;
      const restriction = prune && remaining < required ? { counts: matchCounts, minimum: required - remaining } : null;
      if (restriction) pruned = true;
      const groupScores = this.scoreGroup(group, context, restriction);
      for (let i = 0; i < groupScores.slots.length; i++) {
        const slot = groupScores.slots[i]!;
        if (matchCounts[slot] === 0) candidates.push(slot);
        scores[slot]! += groupScores.scores[i]!;
        if (++matchCounts[slot]! > best) best = matchCounts[slot]!;
      }
    });
    // Corrections in the order the user typed the words.
    const position = (surface: string) => groups.findIndex((g) => g.surface === surface);
    context.corrections.sort((a, b) => position(a.surface) - position(b.surface));
    return { scores, matchCounts, candidates, best, pruned, matchedTerms: context.matchedTerms, corrections: context.corrections };
  }

  /** A cheap upper estimate of a group's matches (without compounds), to score rare groups first. */
  private estimatedMatches(group: QueryGroup): number {
    let total = 0;
    for (const alternative of group.alternatives) total += Math.min(...alternative.terms.map((t) => this.postings.get(t)?.length ?? 0));
    return total;
  }

  /** Status facet code per slot for one day; documents never change in their slot, so new slots are simply appended. */
  private statusCodesFor(today: string): Int32Array {
    if (this.statusCodesDay !== today) this.statusCodesSlots = 0;
    const slots = this.ids.length;
    if (this.statusCodesSlots === slots) return this.statusCodes;
    if (this.statusCodes.length < slots) this.statusCodes = grow(this.statusCodes, new Int32Array(this.live.length));
    const codes = Object.fromEntries(statusValues.map((status) => [status, this.facets.statusCode(status)])) as Record<ProjectStatus, number>;
    for (let slot = this.statusCodesSlots; slot < slots; slot++) {
      this.statusCodes[slot] = codes[statusFromDays(this.startDays[slot]!, this.endDays[slot]!, today)];
    }
    this.statusCodesDay = today;
    this.statusCodesSlots = slots;
    return this.statusCodes;
  }

  /** Derives what queries need (length factors, today's status) now rather than in the first query after a load. */
  prepare(today: string): void {
    for (const posting of this.postings.values()) posting.compact();
    this.factors();
    this.statusCodesFor(today);
    this.dictionary.prepare();
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
  private scoreGroup(group: QueryGroup, context: ScoringContext, restriction: Restriction | null): SparseScores {
    const alternatives: SparseScores[] = [];
    for (const alternative of group.alternatives) {
      let combined: SparseScores | null = null;
      for (const term of alternative.terms) {
        // Only the user's own word is expanded to compounds and corrected for typos; a synonym is
        // already an expansion, and expanding it again costs much and finds mostly noise.
        const own = alternative.weight === 1;
        const termScores = this.scoreTerm(term, context, own && alternative.terms.length === 1 ? group.surface : null, own, restriction);
        combined = combined ? intersectSum(combined, termScores) : termScores;
        if (combined.slots.length === 0) break;
      }
      if (combined && combined.slots.length) alternatives.push(scaled(combined, alternative.weight));
    }
    return unionMax(alternatives, this.scratch());
  }

  /**
   * Scores of one term with its compound and typo expansions (the best expansion per document).
   * `surface` is set for the user's own word, which may then be corrected for typos. With a
   * restriction, only documents that can still qualify are scored (and nothing is cached).
   */
  private scoreTerm(term: string, context: ScoringContext, surface: string | null, expand: boolean, restriction: Restriction | null): SparseScores {
    // Popular words recur across queries; their scores stay valid until the index changes.
    const cacheKey = `${expand ? '+' : '='}${term}${surface === null ? '' : `\u0001${surface}`}`;
    const cached = this.termCache.get(cacheKey);
    if (cached) {
      for (const t of cached.matched) context.matchedTerms.add(t);
      if (cached.correction) context.corrections.push(cached.correction);
      return restriction ? restricted(cached.scores, restriction) : cached.scores;
    }
    const local: ScoringContext = { matchedTerms: new Set(), corrections: [], factors: context.factors };
    const scores = this.computeTermScores(term, local, surface, expand, restriction);
    if (!restriction) {
      if (this.termCache.size >= TERM_CACHE_LIMIT) this.termCache.delete(this.termCache.keys().next().value!);
      this.termCache.set(cacheKey, { scores, matched: [...local.matchedTerms], correction: local.corrections[0] ?? null });
    }
    for (const t of local.matchedTerms) context.matchedTerms.add(t);
    context.corrections.push(...local.corrections);
    return scores;
  }

  private computeTermScores(term: string, context: ScoringContext, surface: string | null, expand: boolean, restriction: Restriction | null): SparseScores {
    const expansions: Array<{ term: string; weight: number }> = [];
    if (this.postings.has(term)) expansions.push({ term, weight: 1 });
    if (expand && term.length >= 3) for (const t of this.dictionary.compoundsEndingWith(term)) expansions.push({ term: t, weight: HEAD_COMPOUND_WEIGHT });
    if (expand && term.length >= 4) for (const t of this.dictionary.compoundsStartingWith(term)) expansions.push({ term: t, weight: MODIFIER_COMPOUND_WEIGHT });
    if (expansions.length === 0 && surface !== null) {
      // Nothing matches as typed: search the closest spelling (with its compounds) instead.
      const closest = this.dictionary.nearTerms(term)[0];
      if (!closest) return emptyScores;
      context.corrections.push({ surface, replacement: this.surfaceFor(closest.term, surface) });
      return scaled(this.scoreTerm(closest.term, context, null, true, restriction), TYPO_WEIGHT);
    }
    // A compound is rarer than its head word; scoring it with its own rarity would rank
    // "Gesundheitsförderung" above "Förderung" for the query "Förderung".
    const ownIdf = this.postings.has(term) ? this.idf(term) : Infinity;
    const { values, touched } = this.scratch();
    const { live } = this;
    const factors = context.factors;
    const counts = restriction?.counts;
    const minimum = restriction?.minimum ?? 0;
    for (const { term: t, weight } of expansions) {
      const posting = this.postings.get(t)!;
      const termIdf = this.idf(t);
      if (termIdf === 0) continue;
      context.matchedTerms.add(t);
      const scale = weight * Math.min(termIdf, ownIdf);
      const { docs, freqs } = posting;
      for (let i = 0; i < posting.length; i++) {
        const slot = docs[i]!;
        if (live[slot] === 0 || (counts && counts[slot]! < minimum)) continue;
        // BM25F: saturation over the weighted, length-normalised frequencies of the five fields.
        const packed = freqs[i]!;
        const base = slot * FIELD_COUNT;
        let weightedTf = 0;
        for (let f = 0; f < FIELD_COUNT; f++) weightedTf += ((packed >>> (TF_BITS * f)) & TF_CAP) * factors[base + f]!;
        const s = (scale * (weightedTf * (K1 + 1))) / (K1 + weightedTf);
        const previous = values[slot]!;
        if (previous === 0) touched.push(slot);
        if (s > previous) values[slot] = s;
      }
    }
    return drain(values, touched);
  }

  /** Per slot and field: field weight / (1 - b + b * length / average length), for this index generation. */
  private factors(): Float64Array {
    if (this.fieldFactorsGeneration === this.changes) return this.fieldFactors;
    const slots = this.ids.length;
    const factors = this.fieldFactors.length >= slots * FIELD_COUNT ? this.fieldFactors : new Float64Array(this.live.length * FIELD_COUNT);
    for (let f = 0; f < FIELD_COUNT; f++) {
      const field = searchFields[f]!;
      const weight = fieldWeights[field];
      const b = fieldB[field];
      const perWord = b / ((this.liveCount ? this.lengthSums[f]! / this.liveCount : 1) || 1);
      for (let i = f; i < slots * FIELD_COUNT; i += FIELD_COUNT) factors[i] = weight / (1 - b + perWord * this.fieldLengths[i]!);
    }
    this.fieldFactors = factors;
    this.fieldFactorsGeneration = this.changes;
    return factors;
  }



  /** A zeroed buffer the size of the index plus a list of the slots written to it. */
  private scratch(): { values: Float64Array; touched: number[] } {
    if (this.scratchValues.length < this.ids.length) this.scratchValues = new Float64Array(Math.max(1024, this.ids.length * 2));
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

  /** The slots strictly after a keyset position of the sort order (ties by id, as in topSlots). */
  private slotsAfter(slots: number[], after: SearchAfter): number[] {
    const { ids } = this;
    if (after.sort === 'neueste') {
      const published = this.publishedMs;
      const at = after.publishedAt ? Date.parse(after.publishedAt) : 0;
      return slots.filter((s) => published[s]! < at || (published[s] === at && ids[s]! > after.id));
    }
    return slots.filter((s) => {
      const order = this.collator.compare(this.titles[s]!, after.title);
      return order > 0 || (order === 0 && ids[s]! > after.id);
    });
  }

  /** The first `count` slots in the requested order, without sorting the whole result set. Ties go by id (the same on every instance). */
  private topSlots(slots: number[], sort: SortOrder, scores: Float64Array | null, count: number): number[] {
    const published = this.publishedMs;
    const { ids } = this;
    let before: (a: number, b: number) => boolean;
    if (sort === 'titel') {
      const order = this.titleRanks();
      before = (a, b) => order.get(a)! < order.get(b)!;
    } else if (sort === 'neueste' || !scores) {
      before = (a, b) => published[a]! > published[b]! || (published[a] === published[b] && ids[a]! < ids[b]!);
    } else {
      before = (a, b) =>
        scores[a]! > scores[b]! || (scores[a] === scores[b] && (published[a]! > published[b]! || (published[a] === published[b] && ids[a]! < ids[b]!)));
    }
    return topK(slots, count, before);
  }

  /** Title order by German collation, computed once per change (sorting by collator per query is slow). */
  private titleRanks(): Map<number, number> {
    if (this.titleOrder) return this.titleOrder;
    const slots = [...this.slotById.values()].sort((a, b) => this.collator.compare(this.titles[a]!, this.titles[b]!) || (this.ids[a]! < this.ids[b]! ? -1 : 1));
    this.titleOrder = new Map(slots.map((slot, rank) => [slot, rank]));
    return this.titleOrder;
  }

  /**
   * Documents most like the given one: shared distinctive words of title, teaser and tags,
   * plus shared Leitbild area, Leitsätze and SDGs. The document itself is excluded.
   */
  similarTo(doc: IndexedDocument, limit: number): string[] {
    const slot = this.slotById.get(doc.id) ?? -1;
    // Only indexed documents are cached by id: a document outside the index (a draft, an import) may change under the same id.
    const cacheKey = slot === -1 ? null : `similar\u0000${doc.id}\u0000${limit}`;
    const cached = cacheKey === null ? undefined : this.similarCache.get(cacheKey);
    if (cached) return cached;
    const scores = new Map<number, number>();
    // Only distinctive words: a word in more than 2 % of all documents links everything to everything.
    const maxDf = Math.max(5, this.liveCount / 50);
    for (const term of new Set(analyze(`${doc.texts.title} ${doc.texts.teaser} ${doc.texts.tags}`))) {
      const posting = this.postings.get(term);
      if (!posting || posting.length > maxDf) continue;
      const idf = this.idf(term);
      for (let i = 0; i < posting.length; i++) {
        const other = posting.docs[i]!;
        if (this.live[other] === 1 && other !== slot) scores.set(other, (scores.get(other) ?? 0) + idf);
      }
    }
    // Shared Leitbild area (1), Leitsätze and SDGs (0.5 each) refine the order among documents that share words.
    const own = new Set(this.facets.codesOf(doc));
    const bonus = new Map<number, number>();
    for (const code of own) {
      const facet = facetNames[this.facets.facetOf[code]!];
      if (facet === 'area') bonus.set(code, 1);
      else if (facet === 'leitsatz' || facet === 'sdg') bonus.set(code, 0.5);
    }
    for (const [other, score] of scores) {
      let shared = 0;
      for (let i = this.codeStarts[other]!; i < this.codeStarts[other + 1]!; i++) shared += bonus.get(this.facetCodes[i]!) ?? 0;
      scores.set(other, score + shared);
    }
    const result = topK([...scores.keys()], limit, (a, b) => scores.get(a)! > scores.get(b)! || (scores.get(a) === scores.get(b) && a < b)).map((s) => this.ids[s]!);
    if (cacheKey === null) return result;
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
  /** See SearchIndex.factors(). */
  factors: Float64Array;
}

/** Only documents whose count of matched groups is at least `minimum` can still qualify. */
interface Restriction {
  counts: Uint8Array;
  minimum: number;
}

interface MatchedGroups {
  scores: Float64Array;
  matchCounts: Uint8Array;
  /** Slots that matched at least one group; only these are visited for facets and ranking. */
  candidates: number[];
  /** The most groups any document matched. */
  best: number;
  /** Whether some group was scored only on documents that could still qualify. */
  pruned: boolean;
  matchedTerms: Set<string>;
  corrections: Array<{ surface: string; replacement: string }>;
}

/** Scores for a set of slots, ascending by slot. */
interface SparseScores {
  slots: Int32Array;
  scores: Float64Array;
}

const emptyScores: SparseScores = { slots: new Int32Array(0), scores: new Float64Array(0) };

function restricted(sparse: SparseScores, { counts, minimum }: Restriction): SparseScores {
  const slots: number[] = [];
  const scores: number[] = [];
  for (let i = 0; i < sparse.slots.length; i++) {
    if (counts[sparse.slots[i]!]! < minimum) continue;
    slots.push(sparse.slots[i]!);
    scores.push(sparse.scores[i]!);
  }
  return { slots: Int32Array.from(slots), scores: Float64Array.from(scores) };
}

/** Moves the touched entries of a scratch buffer into sparse form and zeroes the buffer again. */
function drain(values: Float64Array, touched: number[]): SparseScores {
  // Many touched slots: reading the buffer in slot order is cheaper than sorting them.
  const slots = touched.length > values.length / 16 ? denseSlots(values, touched.length) : Int32Array.from(touched).sort();
  const scores = new Float64Array(slots.length);
  for (let i = 0; i < slots.length; i++) {
    scores[i] = values[slots[i]!]!;
    values[slots[i]!] = 0;
  }
  return { slots, scores };
}

function denseSlots(values: Float64Array, count: number): Int32Array {
  const slots = new Int32Array(count);
  for (let slot = 0, n = 0; n < count; slot++) if (values[slot] !== 0) slots[n++] = slot;
  return slots;
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
