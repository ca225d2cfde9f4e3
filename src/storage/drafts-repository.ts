import { randomUUID } from 'node:crypto';
import type { Queryable } from './database.ts';

/** Form values exactly as typed, keyed by field path ("title", "contacts.0.email"); checkbox groups give lists. */
export type DraftValues = Record<string, string | string[]>;

export interface Draft {
  id: string;
  /** The step the submitter was last on, to resume there. */
  step: string;
  values: DraftValues;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
  /** Measured by the database clock, so all instances agree. */
  expired: boolean;
  /** Time since the draft was started, by the database clock (minimum fill time). */
  ageMs: number;
  /** Set once submitted, with the contribution's reference number. */
  contributionId: string | null;
  reference: string | null;
}

interface DraftRow {
  id: string;
  step: string;
  form_values: DraftValues;
  created_at: Date;
  updated_at: Date;
  expires_at: Date;
  expired: boolean;
  age_ms: number;
  contribution_id: string | null;
  reference: string | null;
}

const COLUMNS = `d.id, d.step, d.form_values, d.created_at, d.updated_at, d.expires_at, d.expires_at <= now() AS expired,
  (extract(epoch FROM now() - d.created_at) * 1000)::float8 AS age_ms, d.contribution_id,
  (SELECT c.reference FROM contributions c WHERE c.id = d.contribution_id) AS reference`;

const toDraft = (row: DraftRow): Draft => ({
  id: row.id,
  step: row.step,
  values: row.form_values,
  createdAt: new Date(row.created_at).toISOString(),
  updatedAt: new Date(row.updated_at).toISOString(),
  expiresAt: new Date(row.expires_at).toISOString(),
  expired: row.expired,
  ageMs: Number(row.age_ms),
  contributionId: row.contribution_id,
  reference: row.reference,
});

/**
 * Public submissions in progress. Only the sha256 of the secret link's token is stored, so the
 * table alone does not open anyone's draft. The token itself is the caller's business.
 */
export function createDraftsRepository(db: Queryable) {
  async function create(input: { tokenHash: string; step: string; values?: DraftValues; ttlMs: number }, tx: Queryable = db): Promise<Draft> {
    const rows = await tx.query<DraftRow>(
      `INSERT INTO submission_drafts AS d (id, token_hash, form_values, step, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))
       RETURNING ${COLUMNS}`,
      [randomUUID(), input.tokenHash, JSON.stringify(input.values ?? {}), input.step, input.ttlMs / 1000],
    );
    return toDraft(rows[0]!);
  }

  /** The draft behind a link, expired or not (the caller tells the two apart for the visitor). */
  async function findByTokenHash(tokenHash: string, tx: Queryable = db): Promise<Draft | null> {
    const rows = await tx.query<DraftRow>(`SELECT ${COLUMNS} FROM submission_drafts d WHERE d.token_hash = $1`, [tokenHash]);
    return rows[0] ? toDraft(rows[0]) : null;
  }

  /** Like findByTokenHash, but locks the row until the transaction ends: one submit at a time per draft. */
  async function lockByTokenHash(tx: Queryable, tokenHash: string): Promise<Draft | null> {
    const locked = await tx.query('SELECT id FROM submission_drafts WHERE token_hash = $1 FOR UPDATE', [tokenHash]);
    // Read again in a new statement: after waiting for the lock, only a new statement (new snapshot
    // under READ COMMITTED) sees the contribution the other transaction created.
    return locked.length > 0 ? findByTokenHash(tokenHash, tx) : null;
  }

  /**
   * Stores the values and the current step and moves the expiry on. Returns null and changes
   * nothing when the draft was submitted or has expired in the meantime.
   */
  async function save(id: string, input: { values: DraftValues; step: string; ttlMs: number }, tx: Queryable = db): Promise<Draft | null> {
    const rows = await tx.query<DraftRow>(
      `UPDATE submission_drafts AS d SET form_values = $2, step = $3, updated_at = now(), expires_at = now() + make_interval(secs => $4)
       WHERE d.id = $1 AND d.contribution_id IS NULL AND d.expires_at > now()
       RETURNING ${COLUMNS}`,
      [id, JSON.stringify(input.values), input.step, input.ttlMs / 1000],
    );
    return rows[0] ? toDraft(rows[0]) : null;
  }

  /** Links the draft to its contribution and drops the typed values: the contribution now holds them. */
  async function markSubmitted(tx: Queryable, id: string, contributionId: string): Promise<void> {
    await tx.query(`UPDATE submission_drafts SET contribution_id = $2, form_values = '{}', step = 'eingereicht', updated_at = now() WHERE id = $1`, [id, contributionId]);
  }

  /** Deletes drafts expired longer than graceMs ago; until then their link still says "expired" rather than "unknown". */
  async function purgeExpired(graceMs: number): Promise<number> {
    const rows = await db.query<{ id: string }>('DELETE FROM submission_drafts WHERE expires_at < now() - make_interval(secs => $1) RETURNING id', [graceMs / 1000]);
    return rows.length;
  }

  return { create, findByTokenHash, lockByTokenHash, save, markSubmitted, purgeExpired };
}
export type DraftsRepository = ReturnType<typeof createDraftsRepository>;
