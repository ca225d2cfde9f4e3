// HTTP throughput (autocannon, 32 connections) for search and detail pages, server RSS and
// cold start to the first 200, with a static asset as the framework's own ceiling in the same run.
//   node --import tsx bench/http.ts [size]                        # PGlite (default 10000)
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/http.ts [size]
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { loadRelevanceSet } from '../src/search/evaluation.ts';
import { benchDatabase } from './support/bench-database.ts';

const size = Number(process.argv[2] ?? 10_000);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 32;
// Set once the server has said which free port it got (PORT=0).
let base = '';

const { db, config, label } = await benchDatabase(size);
const slugs = (await db.query<{ slug: string }>("SELECT slug FROM contributions WHERE state = 'published' ORDER BY random() LIMIT 500")).map((r) => r.slug);
await db.close();
const queries = loadRelevanceSet().queries.map((q) => q.query);

function startServer(): { child: ChildProcess; ready: Promise<number> } {
  const started = performance.now();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1' };
  if ('dataDir' in config) {
    env.BAUKASTEN_DATA_DIR = config.dataDir;
    delete env.DATABASE_URL;
  } else env.DATABASE_URL = config.databaseUrl;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    const port = /läuft auf http:\/\/localhost:(\d+)/.exec(output)?.[1];
    if (port && !base) base = `http://127.0.0.1:${port}`;
  });
  const ready = (async () => {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}) before answering`);
      try {
        if (base && (await fetch(`${base}/`)).status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return { child, ready };
}

const rssMb = (pid: number) => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);

async function load(title: string, paths: string[]): Promise<autocannon.Result> {
  let i = 0;
  if (server.child.exitCode !== null) throw new Error('server is gone');
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
  });
  console.log(
    `  ${title.padEnd(34)} ${Math.round(result.requests.average).toString().padStart(6)} req/s  latency p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms  non-2xx ${result.non2xx}, errors ${result.errors}`,
  );
  return result;
}

/** Pages are served before the search index is complete; the load runs only once it is. */
async function searchReady(since: number): Promise<number> {
  for (;;) {
    const html = await (await fetch(`${base}/suche?q=Klimaschutz`)).text();
    if (!html.includes('Der Suchindex wird gerade aufgebaut')) return performance.now() - since;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const spawnedAt = performance.now();
const server = startServer();
const coldStartMs = await server.ready;
const readyMs = await searchReady(spawnedAt);
const pid = server.child.pid!;
console.log(`\n${size.toLocaleString('de-DE')} contributions on ${label}, ${CONNECTIONS} connections, ${DURATION_S} s each`);
console.log(`  cold start to first 200: ${(coldStartMs / 1000).toFixed(2)} s; search index complete after ${(readyMs / 1000).toFixed(1)} s; RSS then ${rssMb(pid)} MB`);
const ceiling = await load('static stylesheet (ceiling)', ['/static/app.css']);
const search = await load('search /suche?q=… (45 queries)', queries.map((q) => `/suche?q=${encodeURIComponent(q)}`));
const facets = await load('search with facet filter', queries.map((q, i) => `/suche?q=${encodeURIComponent(q)}&${i % 2 ? 'bereich=umwelt' : 'region=rb-kassel'}`));
const detail = await load('detail pages (500 slugs)', slugs.map((s) => `/beitraege/${s}`));
console.log(`  RSS after load: ${rssMb(pid)} MB`);
console.log(
  `  ratio to ceiling: search ${(search.requests.average / ceiling.requests.average).toFixed(3)}, facets ${(facets.requests.average / ceiling.requests.average).toFixed(3)}, detail ${(detail.requests.average / ceiling.requests.average).toFixed(3)}`,
);
server.child.kill('SIGTERM');
