import type { Contribution, ContributionContent } from '../../domain/contribution.ts';
import { terms } from '../../search/analyzer.ts';
import type { SimilarContent } from '../../search/types.ts';
import type { ContributionRepository } from '../../storage/contributions-repository.ts';

/** Share of identical word triples from which two texts count as near-identical. */
export const NEAR_IDENTICAL_TEXT = 0.7;
const SHINGLE_WORDS = 3;
// Shorter texts share triples by chance ("Die Stadt fördert …"); they are not compared.
const MIN_SHINGLES = 8;
const SIMILAR_LIMIT = 10;
const CANDIDATE_LIMIT = 50;

export interface DuplicateMatch {
  contribution: Contribution;
  /** Same title and same sponsor (case, umlaut spelling, spaces and punctuation ignored). */
  sameTitleAndSponsor: boolean;
  /** Share (0–1) of identical word triples in the texts when at least NEAR_IDENTICAL_TEXT, else null. */
  textSimilarity: number | null;
}

export interface DuplicateDeps {
  contributions: Pick<ContributionRepository, 'duplicateCandidates' | 'runningTexts' | 'findManyByIds'>;
  /**
   * Word triples per contribution version, kept across calls (a bulk import compares many documents
   * with the same candidates); bounded by the caller, e.g. createShingleCache().
   */
  shingleCache?: ShingleCache | null;
  /** The search index adds published contributions with similar words; without it only title and sponsor preselect. */
  search?: SimilarContent | null;
}

/**
 * Existing contributions that are likely the same as the given content: (a) same title and sponsor,
 * or (b) near-identical text (Jaccard similarity of word triples of description, purpose, components
 * and answers). Candidates are preselected cheaply (same title beginning, same sponsor, similar words
 * in the search index); only those are compared. `ownId` leaves the contribution itself out.
 */
export async function findDuplicates(deps: DuplicateDeps, content: ContributionContent, ownId: string | null = null): Promise<DuplicateMatch[]> {
  const similar = deps.search?.similarIds(content, SIMILAR_LIMIT, ownId) ?? [];
  const candidates = await deps.contributions.duplicateCandidates({
    title: content.title,
    sponsorName: content.sponsor?.name ?? null,
    ids: similar.filter((id) => id !== ownId),
    excludeId: ownId,
    limit: CANDIDATE_LIMIT,
  });
  const own = shinglesOf(runningText(content));
  ownShingles.set(content, own);
  const theirs = await candidateShingles(deps, candidates);
  const found: Array<{ id: string; sameTitleAndSponsor: boolean; textSimilarity: number | null }> = [];
  for (const candidate of candidates) {
    const shingles = theirs.get(candidate.id);
    const similarity = shingles ? jaccard(own, shingles) : null;
    const nearIdentical = similarity !== null && similarity >= NEAR_IDENTICAL_TEXT;
    const sameTitleAndSponsor = candidate.sameTitle && candidate.sameSponsor;
    if (sameTitleAndSponsor || nearIdentical) found.push({ id: candidate.id, sameTitleAndSponsor, textSimilarity: nearIdentical ? similarity : null });
  }
  if (found.length === 0) return [];
  // Whole records only for the (rare) matches.
  const records = new Map((await deps.contributions.findManyByIds(found.map((f) => f.id))).map((c) => [c.id, c]));
  return found
    .flatMap(({ id, ...match }) => {
      const contribution = records.get(id);
      return contribution ? [{ contribution, ...match }] : [];
    })
    .sort((a, b) => Number(b.sameTitleAndSponsor) - Number(a.sameTitleAndSponsor) || (b.textSimilarity ?? 0) - (a.textSimilarity ?? 0));
}

// The triples of the content last checked, so rememberStored() need not compute them again.
const ownShingles = new WeakMap<ContributionContent, Set<string>>();

const cacheKey = (id: string, version: number) => `${id}:${version}`;

/** Word triples per candidate id: from the cache where that version was seen, the other texts read in one query. */
async function candidateShingles(deps: DuplicateDeps, candidates: ReadonlyArray<{ id: string; version: number }>): Promise<Map<string, Set<string>>> {
  const result = new Map<string, Set<string>>();
  const missing: string[] = [];
  for (const candidate of candidates) {
    const cached = deps.shingleCache?.get(cacheKey(candidate.id, candidate.version));
    if (cached) result.set(candidate.id, cached);
    else missing.push(candidate.id);
  }
  for (const { id, version, text } of await deps.contributions.runningTexts(missing)) {
    const shingles = shinglesOf(text);
    deps.shingleCache?.set(cacheKey(id, version), shingles);
    result.set(id, shingles);
  }
  return result;
}

/**
 * Puts a contribution just stored from `content` into the cache, so the later documents of a bulk
 * import compare with it without reading its text back (with a common sponsor, every one of them would).
 */
export function rememberStored(deps: DuplicateDeps, stored: { id: string; version: number }, content: ContributionContent): void {
  deps.shingleCache?.set(cacheKey(stored.id, stored.version), ownShingles.get(content) ?? shinglesOf(runningText(content)));
}

export interface ShingleCache {
  get(key: string): Set<string> | undefined;
  set(key: string, value: Set<string>): void;
}

/** A bounded cache (oldest entry out first) for word triples per contribution version. */
export function createShingleCache(limit = 5000): ShingleCache {
  const entries = new Map<string, Set<string>>();
  return {
    get: (key) => entries.get(key),
    set(key, value) {
      if (entries.size >= limit) entries.delete(entries.keys().next().value!);
      entries.set(key, value);
    },
  };
}

/** The running text compared for duplicates; the repository's candidate query builds the same text in SQL. */
function runningText(content: ContributionContent): string {
  const { answers } = content;
  return [content.description, content.purpose, ...content.components.map((c) => c.text), answers.decision, answers.support, answers.challenges, answers.prerequisites]
    .filter(Boolean)
    .join('\n');
}

/** Word triples of a text, as index terms: inflections and umlaut spellings do not count as changes. */
function shinglesOf(text: string): Set<string> {
  const words = terms(text);
  const result = new Set<string>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) result.add(words.slice(i, i + SHINGLE_WORDS).join(' '));
  return result;
}

function jaccard(a: Set<string>, b: Set<string>): number | null {
  if (a.size < MIN_SHINGLES || b.size < MIN_SHINGLES) return null;
  let shared = 0;
  for (const shingle of a) if (b.has(shingle)) shared++;
  return shared / (a.size + b.size - shared);
}

/** A possible duplicate as reported to whoever stores a contribution (it is stored anyway, for an editor to decide). */
export interface PossibleDuplicate {
  id: string;
  slug: string;
  title: string;
  /** German: "gleicher Titel und Träger" or "nahezu gleicher Text (84 %)". */
  reason: string;
}

export function toPossibleDuplicate(match: DuplicateMatch): PossibleDuplicate {
  const { id, slug, title } = match.contribution;
  const reasons = [
    ...(match.sameTitleAndSponsor ? ['gleicher Titel und Träger'] : []),
    ...(match.textSimilarity !== null ? [`nahezu gleicher Text (${Math.round(match.textSimilarity * 100)} %)`] : []),
  ];
  return { id, slug, title, reason: reasons.join(', ') };
}
