// Server-side search latency incl. facet counts, at 1k / 10k / 100k generated contributions,
// against the plain PostgreSQL full-text baseline in the same run (see BENCHMARKS.md).
//   node --import tsx bench/search-latency.ts [sizes…]                         # PGlite
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/search-latency.ts [sizes…]
import { createCatalogSearch } from '../src/search/catalog-search.ts';
import { loadRelevanceSet } from '../src/search/evaluation.ts';
import { emptyFilters, type SearchQuery } from '../src/search/types.ts';
import { createContributionRepository } from '../src/storage/contributions-repository.ts';
import { benchDatabase } from './support/bench-database.ts';
import { percentile } from './support/percentile.ts';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const queries = loadRelevanceSet().queries.map((q) => q.query);
const PASSES = 3;

const rssMb = () => Math.round(process.memoryUsage().rss / 2 ** 20);

/** The same mix for every engine: the 45 judged queries, half of them with a facet filter. */
function workload(): SearchQuery[] {
  return queries.flatMap((text, i) => [
    { text, filters: emptyFilters(), sort: 'relevanz' as const, page: 1, pageSize: 10 },
    { text, filters: { ...emptyFilters(), ...(i % 2 ? { areas: ['umwelt'] } : { regions: ['rb-kassel'] }) }, sort: 'relevanz' as const, page: 1, pageSize: 10 },
  ]);
}

/**
 * Times every item once ("first": our index has not seen the request; words shared with earlier
 * requests may already be in its term cache) and then PASSES more times ("repeated": answered
 * from the result cache until the index changes).
 */
async function timeEach<T>(items: T[], run: (item: T) => Promise<unknown>): Promise<{ first: number[]; repeated: number[] }> {
  const timed = async () => {
    const times: number[] = [];
    for (const item of items) {
      const started = performance.now();
      await run(item);
      times.push(performance.now() - started);
    }
    return times;
  };
  const first = await timed();
  const repeated: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) repeated.push(...(await timed()));
  return { first: first.sort((a, b) => a - b), repeated: repeated.sort((a, b) => a - b) };
}

const summary = (times: number[]) => `p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms`;

for (const n of sizes.length ? sizes : [1000, 10_000, 100_000]) {
  const { db, label } = await benchDatabase(n);
  const rssBefore = rssMb();
  const search = createCatalogSearch({ contributions: createContributionRepository(db) });
  let started = performance.now();
  await search.load();
  const loadMs = performance.now() - started;
  const ours = await timeEach(workload(), (q) => search.search(q));

  // Baseline: plain PostgreSQL full text on the same rows (expression index, websearch_to_tsquery, ts_rank), top 10, no facets.
  started = performance.now();
  await db.exec(`CREATE INDEX IF NOT EXISTS bench_plain_fts ON contributions USING gin (
    (setweight(to_tsvector('german', title), 'A') || setweight(to_tsvector('german', coalesce(content->>'teaser', '')), 'B') ||
     setweight(to_tsvector('german', coalesce(content->>'description', '') || ' ' || coalesce(content->>'purpose', '')), 'C')))`);
  const indexMs = performance.now() - started;
  const plain = await timeEach(queries, (text) =>
    db.query(
      `SELECT id FROM contributions, websearch_to_tsquery('german', $1) q
       WHERE state = 'published' AND (setweight(to_tsvector('german', title), 'A') || setweight(to_tsvector('german', coalesce(content->>'teaser', '')), 'B') ||
         setweight(to_tsvector('german', coalesce(content->>'description', '') || ' ' || coalesce(content->>'purpose', '')), 'C')) @@ q
       ORDER BY ts_rank(setweight(to_tsvector('german', title), 'A') || setweight(to_tsvector('german', coalesce(content->>'teaser', '')), 'B') ||
         setweight(to_tsvector('german', coalesce(content->>'description', '') || ' ' || coalesce(content->>'purpose', '')), 'C'), q) DESC
       LIMIT 10`,
      [text],
    ),
  );
  console.log(`\n${n.toLocaleString('de-DE')} contributions on ${label}`);
  console.log(`  baukasten search + facets, first run (${ours.first.length} queries): ${summary(ours.first)}`);
  console.log(`  baukasten search + facets, repeated (${ours.repeated.length}): ${summary(ours.repeated)}`);
  console.log(`  index load ${(loadMs / 1000).toFixed(2)} s; RSS +${rssMb() - rssBefore} MB (process now ${rssMb()} MB, incl. PGlite when embedded)`);
  console.log(`  plain PostgreSQL ts_rank, top 10, no facets, first run (${plain.first.length}): ${summary(plain.first)}; repeated: ${summary(plain.repeated)}; GIN index build ${(indexMs / 1000).toFixed(1)} s`);
  console.log(`  ratio p95 plain / baukasten: first run ${(percentile(plain.first, 95) / percentile(ours.first, 95)).toFixed(1)}×, repeated ${(percentile(plain.repeated, 95) / percentile(ours.repeated, 95)).toFixed(1)}×`);
  search.stop();
  await db.close();
}
