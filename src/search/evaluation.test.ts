import { describe, expect, it } from 'vitest';
import { evaluateRun, loadRelevanceSet, ndcgAt, recallAt, type RelevanceQuery } from './evaluation.ts';

const judgments = { a: 3, b: 2, c: 1 };

describe('ndcgAt', () => {
  it('is 1 for the ideal ranking, whatever follows it', () => {
    expect(ndcgAt(['a', 'b', 'c'], judgments)).toBe(1);
    expect(ndcgAt(['a', 'b', 'c', 'x', 'y'], judgments)).toBe(1);
  });

  it('matches a DCG computed by hand', () => {
    /*
     * Ranking [c, x, a]; gains 2^rel − 1: a = 7, b = 3, c = 1; discount log2(rank + 1).
     *   DCG  = 1/log2(2) + 0/log2(3) + 7/log2(4)          = 1 + 0 + 3.5             = 4.5
     *   IDCG = 7/log2(2) + 3/log2(3) + 1/log2(4)          = 7 + 1.8927893 + 0.5     = 9.3927893
     *   nDCG = 4.5 / 9.3927893                                                      ≈ 0.4790905
     */
    expect(ndcgAt(['c', 'x', 'a'], judgments)).toBeCloseTo(0.4790905, 6);
  });

  it('counts only the first k results', () => {
    // k = 1: only "x" counts, gain 0.
    expect(ndcgAt(['x', 'a'], judgments, 1)).toBe(0);
    // k = 1 with "b" first: DCG = 3, IDCG = 7 (only the best grade fits).
    expect(ndcgAt(['b', 'a'], judgments, 1)).toBeCloseTo(3 / 7, 10);
  });

  it('does not reward a document returned twice', () => {
    // [a, a, a] = [a]: DCG = 7, IDCG = 9.3927893 → 0.7452502; without de-duplication it would exceed 1.
    expect(ndcgAt(['a', 'a', 'a'], judgments)).toBeCloseTo(7 / 9.3927893, 6);
  });

  it('is 0 when nothing is relevant or nothing is returned', () => {
    expect(ndcgAt(['a'], {})).toBe(0);
    expect(ndcgAt(['a'], { a: 0 })).toBe(0);
    expect(ndcgAt([], judgments)).toBe(0);
  });
});

describe('recallAt', () => {
  it('counts grade ≥ 2 as relevant', () => {
    // Relevant: a (3), b (2); c (1) is marginal and ignored. [c, x, a] finds a → 1/2.
    expect(recallAt(['c', 'x', 'a'], judgments)).toBe(0.5);
    expect(recallAt(['b', 'a'], judgments)).toBe(1);
    expect(recallAt(['c'], judgments)).toBe(0);
  });

  it('respects k and ignores duplicates', () => {
    expect(recallAt(['x', 'a', 'b'], judgments, 2)).toBe(0.5);
    expect(recallAt(['a', 'a', 'b'], judgments, 2)).toBe(1);
  });

  it('is 0 when the query has no relevant document', () => {
    expect(recallAt(['a'], { a: 1 })).toBe(0);
  });
});

describe('evaluateRun', () => {
  it('reports per-query and mean figures', async () => {
    const queries: RelevanceQuery[] = [
      { id: 'q1', query: 'eins', intent: '', judgments },
      { id: 'q2', query: 'zwei', intent: '', judgments: { z: 2 } },
    ];
    const results: Record<string, string[]> = { eins: ['a', 'b', 'c'], zwei: ['x'] };
    const run = await evaluateRun(queries, async (text) => results[text] ?? []);
    expect(run.perQuery.map((q) => [q.id, q.ndcg, q.recall])).toEqual([
      ['q1', 1, 1],
      ['q2', 0, 0],
    ]);
    expect(run.meanNdcg).toBe(0.5);
    expect(run.meanRecall).toBe(0.5);
    expect(run.k).toBe(10);
  });
});

describe('loadRelevanceSet', () => {
  it('loads and validates the fixture corpus and queries', () => {
    const { documents, queries } = loadRelevanceSet();
    expect(documents).toHaveLength(67);
    expect(documents[0]?.key).toBe('c01');
    expect(documents[0]?.content.title).toContain('Budget');
    // The key is stripped before validation; defaults from the schema are filled in.
    expect(documents[0]?.content).not.toHaveProperty('key');
    expect(queries).toHaveLength(45);
    // Every query has at least one document graded ≥ 2 (see the fixture README).
    for (const q of queries) expect(Object.values(q.judgments).some((g) => g >= 2)).toBe(true);
  });
});
