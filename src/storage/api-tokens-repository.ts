import { randomUUID } from 'node:crypto';
import type { ApiScope, ApiToken } from '../domain/api-token.ts';
import type { Queryable } from './database.ts';

interface ApiTokenRow {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  created_by_label: string;
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
  revoked_by_label: string | null;
}

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

const toToken = (row: ApiTokenRow): ApiToken => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  scopes: row.scopes,
  createdByLabel: row.created_by_label,
  createdAt: new Date(row.created_at).toISOString(),
  expiresAt: iso(row.expires_at),
  lastUsedAt: iso(row.last_used_at),
  revokedAt: iso(row.revoked_at),
  revokedByLabel: row.revoked_by_label,
});

const COLUMNS = 'id, name, prefix, scopes, created_by_label, created_at, expires_at, last_used_at, revoked_at, revoked_by_label';

/** API tokens of trusted systems; the secret itself is never stored, only its SHA-256. */
export function createApiTokensRepository(db: Queryable) {
  async function create(
    input: { name: string; tokenHash: string; prefix: string; scopes: ApiScope[]; createdBy: string | null; createdByLabel: string; validDays: number | null },
    tx: Queryable = db,
  ): Promise<ApiToken> {
    const rows = await tx.query<ApiTokenRow>(
      `INSERT INTO api_tokens (id, name, token_hash, prefix, scopes, created_by, created_by_label, expires_at)
       VALUES ($1, $2, $3, $4, $5::text[], $6, $7, CASE WHEN $8::integer IS NULL THEN NULL ELSE now() + make_interval(days => $8::integer) END)
       RETURNING ${COLUMNS}`,
      [randomUUID(), input.name, input.tokenHash, input.prefix, input.scopes, input.createdBy, input.createdByLabel, input.validDays],
    );
    return toToken(rows[0]!);
  }

  async function findByHash(tokenHash: string): Promise<ApiToken | null> {
    const rows = await db.query<ApiTokenRow>(`SELECT ${COLUMNS} FROM api_tokens WHERE token_hash = $1`, [tokenHash]);
    return rows[0] ? toToken(rows[0]) : null;
  }

  async function get(id: string, tx: Queryable = db): Promise<ApiToken | null> {
    const rows = await tx.query<ApiTokenRow>(`SELECT ${COLUMNS} FROM api_tokens WHERE id = $1`, [id]);
    return rows[0] ? toToken(rows[0]) : null;
  }

  /** Active tokens first, then the revoked and expired ones; newest first within each. */
  async function list(): Promise<ApiToken[]> {
    const rows = await db.query<ApiTokenRow>(
      `SELECT ${COLUMNS} FROM api_tokens
       ORDER BY (revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())) DESC, created_at DESC, id`,
    );
    return rows.map(toToken);
  }

  /** Sets the revocation once; returns null when the token does not exist or was revoked before. */
  async function revoke(id: string, byLabel: string, tx: Queryable = db): Promise<ApiToken | null> {
    const rows = await tx.query<ApiTokenRow>(
      `UPDATE api_tokens SET revoked_at = now(), revoked_by_label = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING ${COLUMNS}`,
      [id, byLabel],
    );
    return rows[0] ? toToken(rows[0]) : null;
  }

  async function touch(id: string): Promise<void> {
    await db.query('UPDATE api_tokens SET last_used_at = now() WHERE id = $1', [id]);
  }

  return { create, findByHash, get, list, revoke, touch };
}
export type ApiTokensRepository = ReturnType<typeof createApiTokensRepository>;
