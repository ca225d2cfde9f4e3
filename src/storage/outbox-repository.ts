import { randomUUID } from 'node:crypto';
import type { OutgoingMail, StoredMail } from '../notifications/mail.ts';
import type { Queryable } from './database.ts';

interface OutboxRow {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  purpose: string;
  created_at: Date;
  sent_at: Date | null;
  attempts: number;
  last_error: string | null;
}

const toMail = (row: OutboxRow): StoredMail => ({
  id: row.id,
  to: row.recipient,
  subject: row.subject,
  body: row.body,
  purpose: row.purpose,
  createdAt: new Date(row.created_at).toISOString(),
  sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null,
  attempts: row.attempts,
  lastError: row.last_error,
});

/**
 * Every mail is first written here, in the same transaction as the change that caused it,
 * so no mail is lost when SMTP is down or not configured: editors read unsent mails in the back office.
 */
export function createOutboxRepository(db: Queryable) {
  async function enqueue(mail: OutgoingMail, tx: Queryable = db): Promise<StoredMail> {
    const rows = await tx.query<OutboxRow>(
      'INSERT INTO outbox (id, recipient, subject, body, purpose) VALUES ($1, $2, $3, $4, $5) RETURNING *',
      [randomUUID(), mail.to, mail.subject, mail.body, mail.purpose],
    );
    return toMail(rows[0]!);
  }

  /**
   * Claims unsent mails that have not failed too often, oldest first, for leaseMs: other instances
   * skip them meanwhile (SKIP LOCKED, then the claim), so no mail is sent twice. A claim that was
   * not resolved by markSent/markFailed (the instance died) lapses and the mail is tried again.
   */
  async function claimPending(limit: number, maxAttempts: number, leaseMs: number): Promise<StoredMail[]> {
    const rows = await db.query<OutboxRow>(
      `UPDATE outbox SET claimed_until = now() + make_interval(secs => $3)
       WHERE id IN (SELECT id FROM outbox
                    WHERE sent_at IS NULL AND attempts < $2 AND (claimed_until IS NULL OR claimed_until < now())
                    ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [limit, maxAttempts, leaseMs / 1000],
    );
    return rows.map(toMail).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  async function markSent(id: string): Promise<void> {
    await db.query('UPDATE outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL, claimed_until = NULL WHERE id = $1', [id]);
  }

  async function markFailed(id: string, error: string): Promise<void> {
    await db.query('UPDATE outbox SET attempts = attempts + 1, last_error = $2, claimed_until = NULL WHERE id = $1', [id, error.slice(0, 1000)]);
  }

  /** Unsent mails first (they need attention), each group newest first. */
  async function list(options: { limit: number; offset: number; unsentOnly?: boolean }): Promise<{ items: StoredMail[]; total: number }> {
    const where = options.unsentOnly ? 'WHERE sent_at IS NULL' : '';
    const [rows, counts] = await Promise.all([
      db.query<OutboxRow>(`SELECT * FROM outbox ${where} ORDER BY sent_at IS NULL DESC, created_at DESC, id LIMIT $1 OFFSET $2`, [options.limit, options.offset]),
      db.query<{ total: number }>(`SELECT count(*)::integer AS total FROM outbox ${where}`),
    ]);
    return { items: rows.map(toMail), total: counts[0]?.total ?? 0 };
  }

  async function get(id: string): Promise<StoredMail | null> {
    const rows = await db.query<OutboxRow>('SELECT * FROM outbox WHERE id = $1', [id]);
    return rows[0] ? toMail(rows[0]) : null;
  }

  return { enqueue, claimPending, markSent, markFailed, list, get };
}
export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
