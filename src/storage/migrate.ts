import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { leitbildAreas, leitsaetze, regions, sdgs } from '../domain/taxonomy.ts';
import type { Database, Queryable } from './database.ts';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));
// Any constant shared by all instances: serialises concurrent start-ups on one PostgreSQL.
const MIGRATION_LOCK_KEY = 4_211_873;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function loadMigrations(dir: string = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ version: Number(file.slice(0, 4)), name: file.replace(/\.sql$/, ''), sql: readFileSync(dir + file, 'utf8') }));
}

/** Applies pending migrations, each in its own transaction, then seeds taxonomy rows that are missing. */
export async function migrate(db: Database, migrations: Migration[] = loadMigrations()): Promise<string[]> {
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      applied.push(migration.name);
    }
    await seedTaxonomy(tx);
  });
  return applied;
}

/**
 * Inserts taxonomy entries that are missing; existing rows keep the names editors gave them.
 * One statement per table (rows passed as JSON) keeps start-up fast.
 */
async function seedTaxonomy(tx: Queryable): Promise<void> {
  await tx.query(
    `INSERT INTO leitbild_areas (id, name, position)
     SELECT id, name, position FROM jsonb_to_recordset($1::jsonb) AS x(id text, name text, position integer)
     ON CONFLICT (id) DO NOTHING`,
    [JSON.stringify(leitbildAreas)],
  );
  await tx.query(
    `INSERT INTO sdgs (number, title)
     SELECT number, title FROM jsonb_to_recordset($1::jsonb) AS x(number integer, title text)
     ON CONFLICT (number) DO NOTHING`,
    [JSON.stringify(sdgs)],
  );
  await tx.query(
    `INSERT INTO leitsaetze (number, title, area_id, sdgs)
     SELECT number, title, area, ARRAY(SELECT jsonb_array_elements_text(x.sdgs)::integer)
     FROM jsonb_to_recordset($1::jsonb) AS x(number integer, title text, area text, sdgs jsonb)
     ON CONFLICT (number) DO NOTHING`,
    [JSON.stringify(leitsaetze)],
  );
  // Parents first: regions.json lists Hessen, then the Regierungsbezirke, then the rest.
  await tx.query(
    `INSERT INTO regions (id, name, type, parent_id, aliases, position)
     SELECT id, name, type, parent, ARRAY(SELECT jsonb_array_elements_text(x.aliases)), position
     FROM jsonb_to_recordset($1::jsonb) AS x(id text, name text, type text, parent text, aliases jsonb, position integer)
     ORDER BY position
     ON CONFLICT (id) DO NOTHING`,
    [JSON.stringify(regions.map((region, position) => ({ ...region, position })))],
  );
}
