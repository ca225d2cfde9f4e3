import type { Queryable } from './database.ts';

/**
 * Counts events per bucket and client key in a sliding window, in the database so every
 * instance sees the same counts (failed logins, public submissions per address).
 */
export function createRateLimits(db: Queryable) {
  /** Events of this key within the last windowMs. */
  async function count(bucket: string, key: string, windowMs: number): Promise<number> {
    const rows = await db.query<{ n: number }>(
      `SELECT count(*)::integer AS n FROM rate_limit_events WHERE bucket = $1 AND key = $2 AND at > now() - make_interval(secs => $3)`,
      [bucket, key, windowMs / 1000],
    );
    return rows[0]?.n ?? 0;
  }

  async function record(bucket: string, key: string): Promise<void> {
    await db.query('INSERT INTO rate_limit_events (bucket, key) VALUES ($1, $2)', [bucket, key]);
  }

  async function clear(bucket: string, key: string): Promise<void> {
    await db.query('DELETE FROM rate_limit_events WHERE bucket = $1 AND key = $2', [bucket, key]);
  }

  /** Drops events older than the longest window in use; called now and then, not per request. */
  async function prune(olderThanMs: number): Promise<void> {
    await db.query('DELETE FROM rate_limit_events WHERE at < now() - make_interval(secs => $1)', [olderThanMs / 1000]);
  }

  return { count, record, clear, prune };
}
export type RateLimits = ReturnType<typeof createRateLimits>;
