import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createParsePool, defaultPoolSize } from '../src/app/bulk-import/parse-pool.ts';
import { importStream, type SourceDocument } from '../src/app/import-documents.ts';
import { parseDocument } from '../src/import/parse-document.ts';
import { createContributionRepository } from '../src/storage/contributions-repository.ts';
import { openDatabase, type Database } from '../src/storage/database.ts';
import { migrate } from '../src/storage/migrate.ts';
import { iterateContributions } from './generate-corpus.ts';
import { renderDocument } from './support/render-documents.ts';

/*
 * Bulk import throughput (issue 5, point 5): N generated text documents (fact sheets and
 * questionnaires, bench/support/render-documents.ts) in a temporary folder, imported into a fresh
 * database with one transaction per document, duplicate detection included. Baselines in the same
 * run: parsing alone (no storage, main thread) and the sequential import (no parse pool, no read-ahead).
 *
 *   node --import tsx bench/import.ts [N=2000]                                                    # PGlite
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/import.ts [N]   # PostgreSQL
 */

const n = Number(process.argv[2] ?? 2000);
const folder = mkdtempSync(join(tmpdir(), 'baukasten-import-bench-'));
let i = 0;
for (const content of iterateContributions(n, 5)) {
  const doc = renderDocument(content, i++);
  writeFileSync(join(folder, doc.name), doc.text);
}
const names = readdirSync(folder).sort();
// Read lazily, as the CLI does: never all documents in memory at once.
function* documents(): Generator<SourceDocument> {
  for (const name of names) yield { name, bytes: readFileSync(join(folder, name)) };
}

async function freshDatabase(label: string): Promise<{ db: Database; dispose: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `baukasten_bench_import_${label}`;
    const admin = await openDatabase({ databaseUrl: serverUrl });
    await admin.exec(`DROP DATABASE IF EXISTS ${name}`);
    await admin.exec(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const db = await openDatabase({ databaseUrl: url.toString() });
    await migrate(db);
    return {
      db,
      dispose: async () => {
        await db.close();
        await admin.exec(`DROP DATABASE IF EXISTS ${name}`);
        await admin.close();
      },
    };
  }
  const dataDir = join(folder, `pglite-${label}`);
  mkdirSync(dataDir);
  const db = await openDatabase({ dataDir });
  await migrate(db);
  return { db, dispose: () => db.close() };
}

async function timeImport(label: string, options: { pool: boolean }): Promise<{ perSecond: number; counts: Record<string, number> }> {
  const { db, dispose } = await freshDatabase(label);
  const repo = createContributionRepository(db);
  const pool = options.pool ? createParsePool(defaultPoolSize()) : null;
  const counts: Record<string, number> = {};
  const started = performance.now();
  for await (const result of importStream(repo, documents(), pool ? { parse: pool.parse, readAhead: pool.size * 2 + 1 } : {})) {
    counts[result.outcome] = (counts[result.outcome] ?? 0) + 1;
    if (result.outcome === 'imported' && result.possibleDuplicates.length) counts.flagged = (counts.flagged ?? 0) + 1;
  }
  const seconds = (performance.now() - started) / 1000;
  await pool?.close();
  await dispose();
  return { perSecond: n / seconds, counts };
}

const engine = process.env.DATABASE_URL ? 'PostgreSQL (server)' : 'PGlite (embedded)';
console.log(`${n} text documents, ${engine}, ${cpus().length} cores, Node ${process.version}, parse workers: ${defaultPoolSize()}`);

let started = performance.now();
let ok = 0;
for (const doc of documents()) if ((await parseDocument(doc.bytes, doc.name)).ok) ok++;
const parseOnly = n / ((performance.now() - started) / 1000);
console.log(`parsing alone (main thread, no storage): ${parseOnly.toFixed(0)} documents/s (${ok} parsed)`);

const sequential = await timeImport('sequential', { pool: false });
console.log(`sequential import (baseline): ${sequential.perSecond.toFixed(0)} documents/s`, sequential.counts);
const bulk = await timeImport('bulk', { pool: true });
console.log(`bulk import (parse pool + read-ahead): ${bulk.perSecond.toFixed(0)} documents/s`, bulk.counts);
console.log(`ratio bulk / sequential: ${(bulk.perSecond / sequential.perSecond).toFixed(2)}×`);
rmSync(folder, { recursive: true, force: true });
