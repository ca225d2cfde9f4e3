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

export interface MigrateOptions {
  /**
   * Seed missing taxonomy rows after migrating (default). The seed is written for the newest schema,
   * so a database migrated only part of the way (restoring an older backup) is not seeded.
   */
  seed?: boolean;
}

/**
 * The tables migrate() fills itself (taxonomy seed, see seedTaxonomy); every other table starts empty.
 * A restore accepts a target whose only rows are in these tables and replaces them with the backup's.
 */
export const SEEDED_TABLES: readonly string[] = ['leitbild_areas', 'sdgs', 'leitsaetze', 'regions'];

/** Applies pending migrations in one transaction, then seeds taxonomy rows that are missing. */
export async function migrate(db: Database, migrations: Migration[] = loadMigrations(), options: MigrateOptions = {}): Promise<string[]> {
  return db.transaction((tx) => applyMigrations(tx, migrations, options));
}

/**
 * migrate() inside the caller's transaction: applies those of the given migrations that are not yet
 * recorded (a prefix of loadMigrations() migrates only that far). A restore uses it to bring schema
 * and data back in one transaction.
 */
export async function applyMigrations(tx: Queryable, migrations: Migration[], options: MigrateOptions = {}): Promise<string[]> {
  const applied: string[] = [];
  await lockSchema(tx);
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
  if (options.seed !== false) await seedTaxonomy(tx);
  return applied;
}

/** Serialises schema changes (migrations, restores) of all instances until the transaction ends. */
export async function lockSchema(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
}

/** Names of the applied migrations in order; empty when the database has no schema yet. */
export async function appliedMigrations(q: Queryable): Promise<Array<{ version: number; name: string }>> {
  const [table] = await q.query<{ exists: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS exists");
  if (!table?.exists) return [];
  return q.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
}

/**
 * Inserts taxonomy entries that are missing; existing rows keep the names editors gave them.
 * One statement per table (rows passed as JSON) keeps start-up fast. Keep SEEDED_TABLES in step.
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
