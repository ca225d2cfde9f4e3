import type { Actor, EditorialDeps } from './deps.ts';

/** "Geprüft, aktuell": an editor checked a published contribution; it leaves the currency queue. */
export async function confirmCurrent(deps: Pick<EditorialDeps, 'db' | 'editorial' | 'auditLog'>, input: { id: string }, actor: Actor): Promise<{ ok: boolean }> {
  return deps.db.transaction(async (tx) => {
    const reviewed = await deps.editorial.markReviewed(input.id, tx);
    if (!reviewed) return { ok: false };
    await deps.auditLog.record(
      {
        actorId: actor.id,
        actor: actor.label,
        action: 'contribution.confirm_current',
        entityType: 'contribution',
        entityId: input.id,
        before: { reviewedAt: reviewed.before },
        after: { reviewedAt: reviewed.after },
      },
      tx,
    );
    return { ok: true };
  });
}
