// Load test (issue 6, point 6): `baukasten serve` instances on one PostgreSQL with N generated
// contributions, 100 concurrent clients for 60 s over a mix of search, facet, detail and API
// requests, spread over the instances round-robin as a load balancer would. Baseline in the same
// run: the same clients and mix against one instance alone. Exact percentiles from every request.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/load.ts [size=10000]
//   (BENCH_DURATION=seconds for the two-instance run, default 60; the one-instance baseline runs a third of it)
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadRelevanceSet } from '../src/search/evaluation.ts';
import { benchDatabase } from './support/bench-database.ts';
import { percentile } from './support/percentile.ts';

if (!process.env.DATABASE_URL) {
  console.error('Der Lasttest braucht PostgreSQL (mehrere Instanzen teilen eine Datenbank): DATABASE_URL=postgres://… setzen.');
  process.exit(2);
}

const size = Number(process.argv[2] ?? 10_000);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 60);
const CLIENTS = 100;
const WARM_UP_S = 5;

const { db, config } = await benchDatabase(size);
const slugs = (await db.query<{ slug: string }>("SELECT slug FROM contributions WHERE state = 'published' ORDER BY md5(id::text) LIMIT 1000")).map((r) => r.slug);
await db.close();
const databaseUrl = (config as { databaseUrl: string }).databaseUrl;
const queries = loadRelevanceSet().queries.map((q) => q.query);

/** The mix: what municipal staff and open-data consumers ask for, with weights (sum 100). */
const facetFilters = ['bereich=umwelt', 'sdg=13', 'region=rb-kassel', 'art=foerderung&status=laufend', 'bereich=soziales&sdg=3', 'leitsatz=7&teilnahme=offen'];
const kinds = [
  { kind: 'search page', weight: 30, path: (i: number) => `/suche?q=${encodeURIComponent(queries[i % queries.length]!)}` },
  { kind: 'facet page', weight: 20, path: (i: number) => `/suche?${facetFilters[i % facetFilters.length]}` },
  { kind: 'detail page', weight: 25, path: (i: number) => `/beitraege/${slugs[i % slugs.length]}` },
  { kind: 'API search', weight: 15, path: (i: number) => `/api/v1/contributions?q=${encodeURIComponent(queries[(i * 7) % queries.length]!)}&${facetFilters[i % facetFilters.length]}` },
  { kind: 'API detail', weight: 10, path: (i: number) => `/api/v1/contributions/${slugs[(i * 13) % slugs.length]}` },
] as const;
type Kind = (typeof kinds)[number]['kind'];
const schedule: Kind[] = kinds.flatMap((k) => Array<Kind>(k.weight).fill(k.kind));
// A fixed shuffle (deterministic LCG) so every run sends the same sequence.
let seed = 20261206;
for (let i = schedule.length - 1; i > 0; i--) {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  const j = seed % (i + 1);
  [schedule[i], schedule[j]] = [schedule[j]!, schedule[i]!];
}

interface Instance {
  child: ChildProcess;
  port: number;
  agent: Agent;
}

async function startInstance(): Promise<Instance> {
  // The anonymous limit stays on (counted in the database on every API request) but high enough for one loopback address.
  const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: databaseUrl, API_RATE_LIMIT_ANONYMOUS: process.env.BENCH_RATE_LIMIT ?? '100000000' };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`instance exited (${child.exitCode})`);
    const port = /läuft auf http:\/\/localhost:(\d+)/.exec(output)?.[1];
    if (port && output.includes('Suchindex bereit')) return { child, port: Number(port), agent: new Agent({ keepAlive: true, maxSockets: CLIENTS }) };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const rssMb = (pid: number) => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);

/** Connection errors by code (ECONNRESET …), reported after the run. */
const connectionErrors = new Map<string, number>();
function connectionError(error: NodeJS.ErrnoException): number {
  const code = error.code ?? error.message;
  connectionErrors.set(code, (connectionErrors.get(code) ?? 0) + 1);
  return 0;
}

function send(instance: Instance, path: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port: instance.port, path, agent: instance.agent, headers: { Accept: path.startsWith('/api/') ? 'application/json' : 'text/html' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', (error) => resolve(connectionError(error)));
    });
    req.on('error', (error) => resolve(connectionError(error)));
    req.end();
  });
}

interface Sample {
  kind: Kind;
  ms: number;
  status: number;
}

/** CLIENTS loops, each sending its next request when the previous answer is complete (closed model). */
async function run(instances: Instance[], seconds: number): Promise<{ samples: Sample[]; seconds: number; perInstance: number[] }> {
  // Fresh connections per run: a keep-alive socket left idle since the previous run may be closed by
  // the server (keepAliveTimeout) just as it is reused, which would count as an error of this run.
  for (const instance of instances) {
    instance.agent.destroy();
    instance.agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  }
  const samples: Sample[] = [];
  const perInstance = instances.map(() => 0);
  let next = 0;
  const warmEnd = performance.now() + WARM_UP_S * 1000;
  const end = warmEnd + seconds * 1000;
  const client = async () => {
    while (performance.now() < end) {
      const n = next++;
      const kind = schedule[n % schedule.length]!;
      const target = n % instances.length;
      const started = performance.now();
      const status = await send(instances[target]!, kinds.find((k) => k.kind === kind)!.path(n));
      if (started >= warmEnd) {
        samples.push({ kind, ms: performance.now() - started, status });
        perInstance[target]!++;
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  return { samples, seconds, perInstance };
}

function describe(samples: Sample[]): string {
  const times = samples.map((s) => s.ms).sort((a, b) => a - b);
  return `p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms`;
}
function report(title: string, result: Awaited<ReturnType<typeof run>>): number {
  const errors = result.samples.filter((s) => s.status < 200 || s.status >= 300).length;
  const throughput = result.samples.length / result.seconds;
  console.log(`${title}: ${result.samples.length} requests in ${result.seconds} s = ${Math.round(throughput)} req/s; ${describe(result.samples)}; errors/non-2xx ${errors}`);
  if (result.perInstance.length > 1) console.log(`  per instance: ${result.perInstance.join(' / ')} requests`);
  if (errors > 0) {
    const byStatus = new Map<string, number>();
    for (const s of result.samples) if (s.status < 200 || s.status >= 300) byStatus.set(`${s.kind} ${s.status || 'connection error'}`, (byStatus.get(`${s.kind} ${s.status || 'connection error'}`) ?? 0) + 1);
    console.log(`  not 2xx: ${[...byStatus].map(([what, n]) => `${what} ×${n}`).join(', ')}; connection errors so far: ${[...connectionErrors].map(([code, n]) => `${code} ×${n}`).join(', ') || 'none'}`);
  }
  for (const { kind } of kinds) {
    const ofKind = result.samples.filter((s) => s.kind === kind);
    console.log(`  ${kind.padEnd(12)} ${String(ofKind.length).padStart(7)} requests  ${describe(ofKind)}  non-2xx ${ofKind.filter((s) => s.status < 200 || s.status >= 300).length}`);
  }
  return throughput;
}

console.log(`${size} contributions on PostgreSQL, ${CLIENTS} concurrent clients, Node ${process.version}, mix: ${kinds.map((k) => `${k.kind} ${k.weight} %`).join(', ')}`);
const first = await startInstance();
const baseline = report(`one instance (baseline), ${Math.round(DURATION_S / 3)} s`, await run([first], Math.round(DURATION_S / 3)));
const second = await startInstance();
const both = report(`two instances, ${DURATION_S} s`, await run([first, second], DURATION_S));
console.log(`ratio two instances / one instance: ${(both / baseline).toFixed(2)}×; RSS after the run: ${rssMb(first.child.pid!)} MB + ${rssMb(second.child.pid!)} MB`);
for (const instance of [first, second]) {
  instance.agent.destroy();
  instance.child.kill('SIGTERM');
}
