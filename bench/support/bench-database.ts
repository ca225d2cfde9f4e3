import { existsSync } from 'node:fs';
import { iterateContributions } from '../generate-corpus.ts';
import { createContributionRepository } from '../../src/storage/contributions-repository.ts';
import { openDatabase, type Database } from '../../src/storage/database.ts';
import { migrate } from '../../src/storage/migrate.ts';

export const BENCH_SEED = 20261121;
const BATCH = 1000;

/**
 * A database holding n generated, published contributions. PGlite data directories are kept
 * under /tmp/baukasten-bench and reused by later runs (generation and insert take minutes at 100k);
 * on PostgreSQL a database per size is created once and reused likewise.
 */
export async function benchDatabase(n: number): Promise<{ db: Database; config: { dataDir: string } | { databaseUrl: string }; label: string }> {
  const serverUrl = process.env.DATABASE_URL;
  let config: { dataDir: string } | { databaseUrl: string };
  if (serverUrl) {
    const name = `baukasten_bench_${n}`;
    const admin = await openDatabase({ databaseUrl: serverUrl });
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.length === 0) await admin.exec(`CREATE DATABASE ${name}`);
    await admin.close();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    config = { databaseUrl: url.toString() };
  } else {
    config = { dataDir: `/tmp/baukasten-bench/pglite-${n}` };
  }
  const fresh = 'dataDir' in config && !existsSync(`${config.dataDir}/PG_VERSION`);
  const db = await openDatabase(config);
  await migrate(db);
  const [{ count }] = (await db.query<{ count: number }>('SELECT count(*)::integer AS count FROM contributions')) as [{ count: number }];
  if (count !== n) {
    if (count > 0 && !fresh) await db.exec('TRUNCATE contributions CASCADE');
    const repo = createContributionRepository(db);
    const started = performance.now();
    let batch: Array<{ content: ReturnType<typeof iterateContributions> extends Generator<infer T> ? T : never }> = [];
    let done = 0;
    for (const content of iterateContributions(n, BENCH_SEED)) {
      batch.push({ content });
      if (batch.length === BATCH) {
        await repo.createMany(batch, { state: 'published', actor: 'bench' });
        done += batch.length;
        batch = [];
        process.stderr.write(`\r  inserting ${done}/${n}`);
      }
    }
    if (batch.length) await repo.createMany(batch, { state: 'published', actor: 'bench' });
    process.stderr.write(`\r  inserted ${n} contributions in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
  return { db, config, label: serverUrl ? 'PostgreSQL 15 (server)' : 'PGlite (embedded)' };
}
