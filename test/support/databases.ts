import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/storage/database.ts';
import { migrate, type Migration } from '../../src/storage/migrate.ts';

/**
 * The engines the storage suite runs on: embedded PGlite always, PostgreSQL when
 * TEST_DATABASE_URL is set (CI sets it; scripts/test.mjs says when it was not).
 */
export const testEngines: Array<'pglite' | 'postgres'> = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase {
  db: Database;
  /** Config to reopen the same database, e.g. from a child process. */
  reopenConfig: { databaseUrl: string } | { dataDir: string };
  dispose(): Promise<void>;
}

/**
 * A fresh, migrated database: an in-memory PGlite, or a new PostgreSQL database created for this test file.
 * `migrations`: only these (a prefix of loadMigrations()), or `false` for a database without any schema.
 */
export async function createTestDatabase(
  engine: 'pglite' | 'postgres',
  options: { dataDir?: string; migrations?: Migration[] | false } = {},
): Promise<TestDatabase> {
  const prepare = async (db: Database) => {
    if (options.migrations !== false) await migrate(db, options.migrations);
  };
  if (engine === 'pglite') {
    const db = await openDatabase(options.dataDir ? { dataDir: options.dataDir } : { inMemory: true });
    await prepare(db);
    return { db, reopenConfig: { dataDir: options.dataDir ?? '' }, dispose: () => db.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is required for the PostgreSQL storage tests');
  const name = `baukasten_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`PostgreSQL at TEST_DATABASE_URL is unreachable: ${(error as Error).message}`);
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString() });
  await prepare(db);
  return {
    db,
    reopenConfig: { databaseUrl: url.toString() },
    dispose: async () => {
      await db.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
