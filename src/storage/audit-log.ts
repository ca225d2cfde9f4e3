import type { Queryable } from './database.ts';

export interface AuditEntryInput {
  actorId: string | null;
  /** Display form of who acted: an editor's name and e-mail, "system", "Einreichung". */
  actor: string;
  /** Dotted verb, e.g. "contribution.publish", "user.login_failed", "taxonomy.rename". */
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  detail?: string | null;
}

export interface AuditEntry extends Required<Omit<AuditEntryInput, 'before' | 'after'>> {
  id: number;
  at: string;
  before: unknown;
  after: unknown;
}

interface AuditRow {
  id: string | number;
  at: Date;
  actor_id: string | null;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  detail: string | null;
}

/** Append-only record of editorial actions. Write it in the transaction of the action it describes. */
export function createAuditLog(db: Queryable) {
  async function record(entry: AuditEntryInput, tx: Queryable = db): Promise<void> {
    await tx.query(
      'INSERT INTO audit_log (actor_id, actor, action, entity_type, entity_id, before, after, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [
        entry.actorId,
        entry.actor,
        entry.action,
        entry.entityType,
        entry.entityId,
        entry.before === undefined ? null : JSON.stringify(entry.before),
        entry.after === undefined ? null : JSON.stringify(entry.after),
        entry.detail ?? null,
      ],
    );
  }

  async function list(options: { limit: number; offset: number; entityType?: string; entityId?: string }): Promise<{ items: AuditEntry[]; total: number }> {
    const params = [options.entityType ?? null, options.entityId ?? null];
    const where = 'WHERE ($1::text IS NULL OR entity_type = $1) AND ($2::text IS NULL OR entity_id = $2)';
    const [rows, counts] = await Promise.all([
      db.query<AuditRow>(`SELECT * FROM audit_log ${where} ORDER BY at DESC, id DESC LIMIT $3 OFFSET $4`, [...params, options.limit, options.offset]),
      db.query<{ total: number }>(`SELECT count(*)::integer AS total FROM audit_log ${where}`, params),
    ]);
    return {
      items: rows.map((r) => ({
        id: Number(r.id),
        at: new Date(r.at).toISOString(),
        actorId: r.actor_id,
        actor: r.actor,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        before: r.before,
        after: r.after,
        detail: r.detail,
      })),
      total: counts[0]?.total ?? 0,
    };
  }

  return { record, list };
}
export type AuditLog = ReturnType<typeof createAuditLog>;
