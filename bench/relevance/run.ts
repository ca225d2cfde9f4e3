import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluateRun, loadRelevanceSet, type RunEvaluation } from '../../src/search/evaluation.ts';
import { baukastenEngine, oramaEngine, postgresPlainEngine, type PostgresPlainConfig, type RelevanceEngine } from './engines.ts';

/*
 * Relevance benchmark (issue 3, point 3): every engine indexes the 67 fixture contributions and
 * answers the 45 graded queries in the same run; prints mean nDCG@10 / recall@10 and each
 * engine's five worst queries, and records the figures in bench/results/relevance.json.
 *
 *   node --import tsx bench/relevance/run.ts                                                   # PGlite
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/relevance/run.ts   # PostgreSQL
 */

const K = 10;
const databaseUrl = process.env.DATABASE_URL;
const dbConfig: PostgresPlainConfig = databaseUrl ? { databaseUrl } : { inMemory: true };
const backend = databaseUrl ? 'postgres' : 'pglite';

/** Factories, not instances: each engine is created, measured and closed before the next starts. */
const engines: Array<() => RelevanceEngine> = [
  () => postgresPlainEngine(dbConfig),
  () => oramaEngine(),
  () => baukastenEngine(dbConfig),
];

interface EngineFigures extends RunEvaluation {
  engine: string;
  indexMs: number;
  /** Mean wall time per query, for orientation only (this is not the latency benchmark). */
  meanQueryMs: number;
}

async function measure(make: () => RelevanceEngine): Promise<EngineFigures> {
  const { documents, queries } = loadRelevanceSet();
  const engine = make();
  try {
    let started = performance.now();
    await engine.index(documents);
    const indexMs = performance.now() - started;
    started = performance.now();
    const run = await evaluateRun(queries, (text) => engine.search(text, K), K);
    const meanQueryMs = (performance.now() - started) / queries.length;
    return { engine: engine.name, indexMs, meanQueryMs, ...run };
  } finally {
    await engine.close();
  }
}

const fmt = (n: number, digits = 3) => n.toFixed(digits);

function printTable(results: EngineFigures[]): void {
  console.log(`\nRelevance on ${backend}: ${results[0]?.perQuery.length ?? 0} queries, k = ${K}\n`);
  console.log(['engine'.padEnd(30), 'nDCG@10', 'recall@10', 'index ms', 'ms/query'].join('  '));
  for (const r of results) {
    console.log(
      [r.engine.padEnd(30), fmt(r.meanNdcg).padStart(7), fmt(r.meanRecall).padStart(9), fmt(r.indexMs, 0).padStart(8), fmt(r.meanQueryMs, 2).padStart(8)].join('  '),
    );
  }
  for (const r of results) {
    console.log(`\nWorst 5 for ${r.engine}:`);
    const worst = [...r.perQuery].sort((a, b) => a.ndcg - b.ndcg || a.id.localeCompare(b.id)).slice(0, 5);
    for (const q of worst) console.log(`  ${q.id}  nDCG ${fmt(q.ndcg)}  recall ${fmt(q.recall)}  "${q.query}"`);
  }
}

/** Keeps the other backend's figures, so one file holds the latest PGlite and PostgreSQL runs. */
function writeResults(results: EngineFigures[]): string {
  const dir = fileURLToPath(new URL('../results/', import.meta.url));
  const file = `${dir}relevance.json`;
  mkdirSync(dir, { recursive: true });
  let runs: Record<string, unknown> = {};
  try {
    const previous: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (previous && typeof previous === 'object' && 'runs' in previous && previous.runs && typeof previous.runs === 'object') {
      runs = { ...(previous.runs as Record<string, unknown>) };
    }
  } catch {
    // No previous file (or unreadable): start afresh.
  }
  const round = (n: number) => Math.round(n * 10_000) / 10_000;
  runs[backend] = {
    measuredAt: new Date().toISOString(),
    k: K,
    engines: results.map((r) => ({
      engine: r.engine,
      meanNdcg: round(r.meanNdcg),
      meanRecall: round(r.meanRecall),
      indexMs: Math.round(r.indexMs),
      meanQueryMs: round(r.meanQueryMs),
      perQuery: r.perQuery.map((q) => ({ id: q.id, query: q.query, ndcg: round(q.ndcg), recall: round(q.recall), returned: q.returned })),
    })),
  };
  writeFileSync(file, `${JSON.stringify({ runs }, null, 2)}\n`);
  return file;
}

const results: EngineFigures[] = [];
for (const make of engines) results.push(await measure(make));
printTable(results);
console.log(`\nWrote ${writeResults(results)}`);
