import type { Queryable } from './database.ts';

export interface Setting {
  value: unknown;
  /** Exact change time as text (microseconds kept), so instances can compare it for changes. */
  updatedAt: string;
}

/** Editable settings shared by all instances (table settings). */
export function createSettingsRepository(db: Queryable) {
  async function get(key: string): Promise<Setting | null> {
    const rows = await db.query<{ value: unknown; updated_at: string }>('SELECT value, updated_at::text AS updated_at FROM settings WHERE key = $1', [key]);
    return rows[0] ? { value: rows[0].value, updatedAt: rows[0].updated_at } : null;
  }

  /** Only the change time: cheap enough to poll every second. */
  async function updatedAt(key: string): Promise<string | null> {
    const rows = await db.query<{ updated_at: string }>('SELECT updated_at::text AS updated_at FROM settings WHERE key = $1', [key]);
    return rows[0]?.updated_at ?? null;
  }

  /** Writes the value; clock_timestamp() (not the transaction start) so a later write always has a later time. */
  async function put(key: string, value: unknown, tx: Queryable = db): Promise<void> {
    await tx.query(
      `INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, clock_timestamp())
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      [key, JSON.stringify(value)],
    );
  }

  /** Seeds a default; a value already there (e.g. written by an editor) is kept. */
  async function insertIfMissing(key: string, value: unknown): Promise<void> {
    await db.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, JSON.stringify(value)]);
  }

  return { get, updatedAt, put, insertIfMissing };
}
export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
