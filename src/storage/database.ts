import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * One small interface over both engines, so repositories hold one set of SQL
 * (PostgreSQL dialect) for embedded PGlite and for a real PostgreSQL server.
 */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Multi-statement SQL without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  /** Runs fn in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type DatabaseConfig = { databaseUrl: string } | { dataDir: string } | { inMemory: true };

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if ('databaseUrl' in config) return openPostgres(config.databaseUrl);
  if ('dataDir' in config) {
    mkdirSync(config.dataDir, { recursive: true });
    const release = lockDataDir(config.dataDir);
    try {
      const db = await openPglite(config.dataDir);
      return { ...db, close: () => db.close().finally(release) };
    } catch (error) {
      release();
      throw error;
    }
  }
  return openPglite(undefined);
}

/** Thrown when a second process (or a second handle) wants the embedded database another one holds. */
export class DataDirInUseError extends Error {}

/**
 * Embedded PGlite belongs to exactly one open handle: two processes writing the same data
 * directory (a second server, or a CLI import beside a running server) would corrupt it. A lock
 * file with the owner's pid guards it; a lock whose process is gone (crash, kill -9) is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = join(dataDir, 'baukasten.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockFile, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && processIsAlive(owner)) {
        throw new DataDirInUseError(
          `Die eingebettete Datenbank in ${dataDir} wird schon von Prozess ${owner}${owner === process.pid ? ' (diesem)' : ''} benutzt. ` +
            'Bitte den laufenden Server beenden oder für mehrere Prozesse PostgreSQL verwenden (DATABASE_URL).',
        );
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new DataDirInUseError(`Die Sperrdatei ${lockFile} ließ sich nicht anlegen.`);
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  const db = await PGlite.create({ dataDir });
  const run = async <Row>(q: Pick<PGlite, 'query'>, sql: string, params?: readonly unknown[]) =>
    (await q.query<Row>(sql, params as unknown[] | undefined)).rows;
  return {
    engine: 'pglite',
    query: (sql, params) => run(db, sql, params),
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          query: (sql, params) => run(tx, sql, params),
          exec: async (sql) => {
            await tx.exec(sql);
          },
        }),
      ),
    exec: async (sql) => {
      await db.exec(sql);
    },
    close: () => db.close(),
  };
}

async function openPostgres(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle connection dropped by the server (restart, failover) must not crash the process;
  // the pool replaces it and the next query reports any real problem.
  pool.on('error', (error) => console.error(`PostgreSQL: Verbindung im Leerlauf verloren: ${error.message}`));
  // Fail at start-up, with the server's own message, rather than at the first request.
  const client = await pool.connect();
  client.release();
  return {
    engine: 'postgres',
    query: async (sql, params) => (await pool.query(sql, params as unknown[] | undefined)).rows,
    transaction: async (fn) => {
      const conn = await pool.connect();
      try {
        await conn.query('BEGIN');
        const result = await fn({
          query: async (sql, params) => (await conn.query(sql, params as unknown[] | undefined)).rows,
          exec: async (sql) => {
            await conn.query(sql);
          },
        });
        await conn.query('COMMIT');
        return result;
      } catch (error) {
        await conn.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        conn.release();
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}
