import { contentOf, type Contribution, type ContributionContent } from '../../domain/contribution.ts';
import { diffFields } from '../../domain/diff.ts';
import { NotFoundError, VersionConflictError } from '../../storage/errors.ts';
import type { Actor, EditorialDeps } from './deps.ts';

export type SaveOutcome =
  | { ok: true; contribution: Contribution; changed: boolean }
  | { ok: false; code: 'not_found' }
  /** Someone saved in between: nothing was written; `current` is what is stored now. */
  | { ok: false; code: 'version_conflict'; current: Contribution };


/**
 * Saves an editor's version of the content if it was based on the current version (optimistic
 * concurrency): never a silent overwrite. The revision and the audit entry (with every changed
 * field before and after) are written in one transaction.
 */
export async function saveContribution(
  deps: Pick<EditorialDeps, 'db' | 'contributions' | 'auditLog'>,
  input: { id: string; expectedVersion: number; content: ContributionContent; note?: string | null },
  actor: Actor,
): Promise<SaveOutcome> {
  const current = await deps.contributions.get(input.id);
  if (!current) return { ok: false, code: 'not_found' };
  if (current.version !== input.expectedVersion) return { ok: false, code: 'version_conflict', current };
  const changes = diffFields(contentOf(current), input.content);
  if (changes.length === 0) return { ok: true, contribution: current, changed: false };
  try {
    const contribution = await deps.db.transaction(async (tx) => {
      const saved = await deps.contributions.update(input.id, input.expectedVersion, input.content, actor.label, input.note ?? null, tx);
      await deps.auditLog.record(
        {
          actorId: actor.id,
          actor: actor.label,
          action: 'contribution.update',
          entityType: 'contribution',
          entityId: input.id,
          before: { version: current.version, fields: Object.fromEntries(changes.map((c) => [c.path, c.before ?? null])) },
          after: { version: saved.version, fields: Object.fromEntries(changes.map((c) => [c.path, c.after ?? null])) },
          detail: `${changes.length} ${changes.length === 1 ? 'Feld' : 'Felder'} geändert`,
        },
        tx,
      );
      return saved;
    });
    return { ok: true, contribution, changed: true };
  } catch (error) {
    if (error instanceof VersionConflictError) {
      const latest = await deps.contributions.get(input.id);
      return latest ? { ok: false, code: 'version_conflict', current: latest } : { ok: false, code: 'not_found' };
    }
    if (error instanceof NotFoundError) return { ok: false, code: 'not_found' };
    throw error;
  }
}
