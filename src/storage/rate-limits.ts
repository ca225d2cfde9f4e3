import type { Queryable } from './database.ts';

/**
 * Counts events per bucket and client key, in the database so every instance sees the same counts:
 * a sliding window of single events (failed logins, public submissions per address) and fixed-window
 * counters for frequent requests (API reads and writes), one row per key and window.
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

  /**
   * Counts one request in the current fixed window of windowMs (aligned to the epoch, the same for
   * every instance) and returns the count including it and when the window ends. One statement:
   * concurrent requests through any instance are counted exactly once each.
   */
  async function hit(bucket: string, key: string, windowMs: number): Promise<{ count: number; resetAt: Date }> {
    const rows = await db.query<{ count: number; window_start: Date }>(
      `INSERT INTO rate_limit_counters AS c (bucket, key, window_start, count)
       VALUES ($1, $2, to_timestamp(floor(extract(epoch FROM now()) * 1000 / $3) * $3 / 1000), 1)
       ON CONFLICT (bucket, key, window_start) DO UPDATE SET count = c.count + 1
       RETURNING c.count, c.window_start`,
      [bucket, key, windowMs],
    );
    const row = rows[0]!;
    return { count: row.count, resetAt: new Date(new Date(row.window_start).getTime() + windowMs) };
  }

  /** Drops events and counters older than the longest window in use; called now and then, not per request. */
  async function prune(olderThanMs: number): Promise<void> {
    await db.query('DELETE FROM rate_limit_events WHERE at < now() - make_interval(secs => $1)', [olderThanMs / 1000]);
    await db.query('DELETE FROM rate_limit_counters WHERE window_start < now() - make_interval(secs => $1)', [olderThanMs / 1000]);
  }

  return { count, record, clear, hit, prune };
}
export type RateLimits = ReturnType<typeof createRateLimits>;
