import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines, type TestDatabase } from '../../test/support/databases.ts';
import { createContributionRepository } from '../storage/contributions-repository.ts';
import { createCatalogSearch, type CatalogSearchService } from './catalog-search.ts';
import { evaluateRun, loadRelevanceSet, type RunEvaluation } from './evaluation.ts';
import { emptyFilters } from './types.ts';

const recorded = JSON.parse(readFileSync(new URL('../../test/fixtures/search/recorded-relevance.json', import.meta.url), 'utf8')) as {
  ndcgAt10: number;
  recallAt10: number;
};
const ALLOWED_DROP = 0.02;
const relevanceSet = loadRelevanceSet();
const rankingsByEngine = new Map<string, string[][]>();

describe.each(testEngines)('search relevance on the judged corpus (%s)', (engine) => {
  let t: TestDatabase;
  let search: CatalogSearchService;
  let evaluation: RunEvaluation;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const repo = createContributionRepository(t.db);
    const keyById = new Map<string, string>();
    for (const document of relevanceSet.documents) {
      const created = await repo.create(document.content, { state: 'published', actor: 'relevance-test' });
      keyById.set(created.id, document.key);
    }
    search = createCatalogSearch({ contributions: repo, today: () => '2026-11-21' });
    await search.load();
    evaluation = await evaluateRun(relevanceSet.queries, async (text) => {
      const result = await search.search({ text, filters: emptyFilters(), sort: 'relevanz', page: 1, pageSize: 10 });
      return result.hits.map((hit) => keyById.get(hit.contribution.id)!);
    });
    rankingsByEngine.set(engine, evaluation.perQuery.map((q) => q.returned));
  }, 120_000);
  afterAll(async () => t?.dispose());

  it(`keeps nDCG@10 within ${ALLOWED_DROP} of the recorded ${recorded.ndcgAt10}`, () => {
    const worst = [...evaluation.perQuery].sort((a, b) => a.ndcg - b.ndcg).slice(0, 5);
    console.log(
      `[relevance ${engine}] ${relevanceSet.queries.length} queries over ${relevanceSet.documents.length} contributions: ` +
        `nDCG@10 = ${evaluation.meanNdcg.toFixed(4)}, recall@10 = ${evaluation.meanRecall.toFixed(4)} ` +
        `(recorded ${recorded.ndcgAt10} / ${recorded.recallAt10}); weakest: ${worst.map((q) => `${q.query} ${q.ndcg.toFixed(2)}`).join('; ')}`,
    );
    expect(evaluation.meanNdcg).toBeGreaterThanOrEqual(recorded.ndcgAt10 - ALLOWED_DROP);
  });

  // Defined only for the second engine: it compares that engine's rankings with the first one's.
  if (engine !== testEngines[0]) {
    it(`returns the same rankings as on ${testEngines[0]}`, () => {
      expect(rankingsByEngine.get(engine)).toEqual(rankingsByEngine.get(testEngines[0]!));
    });
  }
});
