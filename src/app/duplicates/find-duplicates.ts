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
  contributions: Pick<ContributionRepository, 'duplicateCandidates'>;
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
  const own = shingles(content);
  const matches: DuplicateMatch[] = [];
  for (const candidate of candidates) {
    const similarity = jaccard(own, shingles(candidate.contribution));
    const nearIdentical = similarity !== null && similarity >= NEAR_IDENTICAL_TEXT;
    const sameTitleAndSponsor = candidate.sameTitle && candidate.sameSponsor;
    if (sameTitleAndSponsor || nearIdentical) matches.push({ contribution: candidate.contribution, sameTitleAndSponsor, textSimilarity: nearIdentical ? similarity : null });
  }
  return matches.sort((a, b) => Number(b.sameTitleAndSponsor) - Number(a.sameTitleAndSponsor) || (b.textSimilarity ?? 0) - (a.textSimilarity ?? 0));
}

/** Word triples of the running text, as index terms: inflections and umlaut spellings do not count as changes. */
function shingles(content: ContributionContent): Set<string> {
  const { answers } = content;
  const words = terms(
    [content.description, content.purpose, ...content.components.map((c) => c.text), answers.decision, answers.support, answers.challenges, answers.prerequisites]
      .filter(Boolean)
      .join('\n'),
  );
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
