import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ContributionContentSchema, type ContributionContent } from '../domain/contribution.ts';

/*
 * Relevance evaluation for the search (issue 3, point 3): graded nDCG@k and recall@k over the
 * hand-written relevance set in test/fixtures/search/. Pure functions, so the test suite, the
 * benchmark (bench/relevance/run.ts) and any engine can share one definition of "good".
 *
 * Grades (see test/fixtures/search/README.md): 3 = exactly what the user wants, 2 = clearly
 * relevant, 1 = marginally relevant, unlisted = 0.
 */

/** Judgments of one query: corpus key → grade (0–3). Keys not listed count as 0. */
export type Judgments = Record<string, number>;

/**
 * Grade from which a document counts as "relevant" for recall. Grade 1 ("marginally relevant")
 * is left out on purpose: recall should say whether the results contain what the user actually
 * needs, and a marginal entry missing from the top 10 is no failure. nDCG still rewards grade 1.
 */
export const RECALL_MIN_GRADE = 2;

const gain = (grade: number): number => 2 ** grade - 1;
/** Discount for 0-based rank i: log2(i + 2), so rank 1 is undiscounted. */
const discount = (i: number): number => Math.log2(i + 2);

/**
 * The first k distinct keys. An engine that returns a document twice must not collect its gain
 * twice (it could otherwise exceed the ideal DCG and score above 1).
 */
function topDistinct(rankedKeys: readonly string[], k: number): string[] {
  const seen = new Set<string>();
  for (const key of rankedKeys) {
    if (seen.size >= k) break;
    seen.add(key);
  }
  return [...seen];
}

/**
 * Normalised discounted cumulative gain at k with graded gain 2^rel − 1 and log2 discount.
 * The ideal DCG is computed from the judgments (all graded documents sorted by grade), not from
 * the returned list, so missing relevant documents lower the score. 0 when nothing is relevant.
 */
export function ndcgAt(rankedKeys: readonly string[], judgments: Judgments, k = 10): number {
  const ideal = Object.values(judgments)
    .filter((grade) => grade > 0)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, grade, i) => sum + gain(grade) / discount(i), 0);
  if (ideal === 0) return 0;
  const dcg = topDistinct(rankedKeys, k).reduce((sum, key, i) => sum + gain(judgments[key] ?? 0) / discount(i), 0);
  return dcg / ideal;
}

/**
 * Share of the relevant documents (grade ≥ RECALL_MIN_GRADE) found among the first k results.
 * 0 when the query has no such document (the fixture guarantees every query has one).
 */
export function recallAt(rankedKeys: readonly string[], judgments: Judgments, k = 10): number {
  const relevant = new Set(Object.keys(judgments).filter((key) => (judgments[key] ?? 0) >= RECALL_MIN_GRADE));
  if (relevant.size === 0) return 0;
  const found = topDistinct(rankedKeys, k).filter((key) => relevant.has(key)).length;
  return found / relevant.size;
}

export const RelevanceQuerySchema = z.object({
  id: z.string().min(1),
  query: z.string(),
  /** What the user wants; the judgments were made against it, not against keyword overlap. */
  intent: z.string(),
  judgments: z.record(z.string(), z.number().int().min(0).max(3)),
});
export type RelevanceQuery = z.infer<typeof RelevanceQuerySchema>;

export interface QueryEvaluation {
  id: string;
  query: string;
  ndcg: number;
  recall: number;
  /** The first k keys the engine returned, kept for inspecting failures. */
  returned: string[];
}

export interface RunEvaluation {
  k: number;
  perQuery: QueryEvaluation[];
  meanNdcg: number;
  meanRecall: number;
}

/**
 * Runs every query through runFn (one after another, so engines on one event loop are measured
 * without interference) and computes per-query and mean nDCG@k / recall@k.
 */
export async function evaluateRun(
  queries: readonly RelevanceQuery[],
  runFn: (query: string, entry: RelevanceQuery) => Promise<readonly string[]>,
  k = 10,
): Promise<RunEvaluation> {
  const perQuery: QueryEvaluation[] = [];
  for (const entry of queries) {
    const ranked = await runFn(entry.query, entry);
    perQuery.push({
      id: entry.id,
      query: entry.query,
      ndcg: ndcgAt(ranked, entry.judgments, k),
      recall: recallAt(ranked, entry.judgments, k),
      returned: topDistinct(ranked, k),
    });
  }
  const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
  return { k, perQuery, meanNdcg: mean(perQuery.map((q) => q.ndcg)), meanRecall: mean(perQuery.map((q) => q.recall)) };
}

export interface RelevanceDocument {
  /** Stable fixture key ("c01"…), used in the judgments; not part of the contribution schema. */
  key: string;
  content: ContributionContent;
}

export interface RelevanceSet {
  documents: RelevanceDocument[];
  queries: RelevanceQuery[];
}

const fixturesDir = new URL('../../test/fixtures/search/', import.meta.url);
const CorpusEntrySchema = z.looseObject({ key: z.string().regex(/^c\d+$/) });

/**
 * Reads corpus.json and queries.json, validates every corpus entry with ContributionContentSchema
 * (after stripping `key`, which the schema does not know) and checks that judgments refer only to
 * existing keys, so a typo in the fixture fails loudly instead of silently scoring 0.
 */
export function loadRelevanceSet(dir: URL = fixturesDir): RelevanceSet {
  const readJson = (name: string): unknown => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
  const documents = z
    .array(CorpusEntrySchema)
    .parse(readJson('corpus.json'))
    .map(({ key, ...rest }) => {
      const parsed = ContributionContentSchema.safeParse(rest);
      if (!parsed.success) throw new Error(`corpus.json ${key}: ${z.prettifyError(parsed.error)}`);
      return { key, content: parsed.data };
    });
  const keys = new Set(documents.map((d) => d.key));
  if (keys.size !== documents.length) throw new Error('corpus.json: duplicate keys');
  const queries = z.array(RelevanceQuerySchema).parse(readJson('queries.json'));
  for (const q of queries) {
    const unknown = Object.keys(q.judgments).filter((key) => !keys.has(key));
    if (unknown.length > 0) throw new Error(`queries.json ${q.id}: unknown keys ${unknown.join(', ')}`);
  }
  return { documents, queries };
}
