import type { Role } from '../domain/user.ts';
import type { Queryable } from './database.ts';

export interface SessionRecord {
  tokenHash: string;
  csrfToken: string;
  expiresAt: string;
  lastSeenAt: string;
  user: { id: string; email: string; name: string; role: Role };
}

interface SessionRow {
  token_hash: string;
  csrf_token: string;
  expires_at: Date;
  last_seen_at: Date;
  user_id: string;
  email: string;
  name: string;
  role: Role;
}

/** Back-office sessions; rows are keyed by the hash of the cookie value. */
export function createSessionsRepository(db: Queryable) {
  async function create(input: { tokenHash: string; userId: string; csrfToken: string; ttlMs: number }): Promise<void> {
    await db.query(
      'INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4))',
      [input.tokenHash, input.userId, input.csrfToken, input.ttlMs / 1000],
    );
  }

  /** The live session (not expired, not idle too long, user enabled) with its user, or null. */
  async function find(tokenHash: string, idleMs: number): Promise<SessionRecord | null> {
    const rows = await db.query<SessionRow>(
      `SELECT s.token_hash, s.csrf_token, s.expires_at, s.last_seen_at, u.id AS user_id, u.email, u.name, u.role
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(secs => $2) AND NOT u.disabled`,
      [tokenHash, idleMs / 1000],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      tokenHash: row.token_hash,
      csrfToken: row.csrf_token,
      expiresAt: new Date(row.expires_at).toISOString(),
      lastSeenAt: new Date(row.last_seen_at).toISOString(),
      user: { id: row.user_id, email: row.email, name: row.name, role: row.role },
    };
  }

  async function touch(tokenHash: string): Promise<void> {
    await db.query('UPDATE sessions SET last_seen_at = now() WHERE token_hash = $1', [tokenHash]);
  }

  async function remove(tokenHash: string): Promise<void> {
    await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
  }

  async function removeExpired(): Promise<void> {
    await db.query('DELETE FROM sessions WHERE expires_at < now()');
  }

  return { create, find, touch, remove, removeExpired };
}
export type SessionsRepository = ReturnType<typeof createSessionsRepository>;
