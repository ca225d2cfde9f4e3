import { contentOf, type Contribution } from '../../domain/contribution.ts';
import { diffFields } from '../../domain/diff.ts';
import { NotFoundError, VersionConflictError } from '../../storage/errors.ts';
import type { Actor, EditorialDeps } from './deps.ts';

export type RestoreOutcome = { ok: true; contribution: Contribution } | { ok: false; code: 'not_found' | 'revision_not_found' | 'version_conflict' | 'restore_unchanged' };


/**
 * Writes a new version with the content of an earlier one (history is never rewritten); the
 * editorial state stays as it is. Audit entry in the same transaction.
 */
export async function restoreRevision(
  deps: Pick<EditorialDeps, 'db' | 'contributions' | 'auditLog'>,
  input: { id: string; version: number; expectedVersion: number },
  actor: Actor,
): Promise<RestoreOutcome> {
  const current = await deps.contributions.get(input.id);
  if (!current) return { ok: false, code: 'not_found' };
  if (current.version !== input.expectedVersion) return { ok: false, code: 'version_conflict' };
  const revision = await deps.contributions.revision(input.id, input.version);
  if (!revision) return { ok: false, code: 'revision_not_found' };
  if (diffFields(contentOf(current), revision.snapshot).length === 0) return { ok: false, code: 'restore_unchanged' };
  const note = `Fassung ${input.version} wiederhergestellt`;
  try {
    const contribution = await deps.db.transaction(async (tx) => {
      const restored = await deps.contributions.update(input.id, input.expectedVersion, revision.snapshot, actor.label, note, tx);
      await deps.auditLog.record(
        {
          actorId: actor.id,
          actor: actor.label,
          action: 'contribution.restore',
          entityType: 'contribution',
          entityId: input.id,
          before: { version: current.version },
          after: { version: restored.version, restoredFrom: input.version },
          detail: note,
        },
        tx,
      );
      return restored;
    });
    return { ok: true, contribution };
  } catch (error) {
    if (error instanceof VersionConflictError) return { ok: false, code: 'version_conflict' };
    if (error instanceof NotFoundError) return { ok: false, code: 'not_found' };
    throw error;
  }
}
