import type { Contribution, EditorialState } from '../../domain/contribution.ts';
import { checkTransition, transitionActions } from '../../domain/editorial-workflow.ts';
import { NotFoundError, VersionConflictError } from '../../storage/errors.ts';
import type { Actor, EditorialDeps } from './deps.ts';
import { publishedMail, rejectedMail } from './mails.ts';

export type TransitionFailure = 'not_found' | 'version_conflict' | 'transition_not_allowed' | 'rejection_reason_required' | 'too_long';
export type TransitionOutcome = { ok: true; contribution: Contribution } | { ok: false; code: TransitionFailure; state: EditorialState | null };

/**
 * Moves a contribution to another editorial state if the workflow allows it and nobody changed it
 * since the editor loaded it (expectedVersion). The revision, the audit entry and a mail to the
 * submitter (on publication or rejection) are written in one transaction: all or nothing.
 */
export async function transitionContribution(
  deps: Pick<EditorialDeps, 'db' | 'contributions' | 'editorial' | 'auditLog' | 'outbox' | 'siteUrl'>,
  input: { id: string; expectedVersion: number; to: EditorialState; reason?: string | null },
  actor: Actor,
): Promise<TransitionOutcome> {
  const current = await deps.contributions.get(input.id);
  if (!current) return { ok: false, code: 'not_found', state: null };
  if (current.version !== input.expectedVersion) return { ok: false, code: 'version_conflict', state: current.state };
  const check = checkTransition(current.state, input.to, input.reason);
  if (!check.ok) return { ok: false, code: check.code, state: current.state };
  const submission = await deps.editorial.submissionOf(input.id);
  const submitter = submission?.submitter ?? null;
  try {
    const contribution = await deps.db.transaction(async (tx) => {
      // The repository re-checks the version under a row lock: a concurrent change since get() is refused here.
      const moved = await deps.contributions.transition(input.id, input.expectedVersion, input.to, actor.label, check.reason, tx);
      await deps.auditLog.record(
        {
          actorId: actor.id,
          actor: actor.label,
          action: transitionActions[input.to],
          entityType: 'contribution',
          entityId: input.id,
          before: { state: current.state, version: current.version },
          after: { state: moved.state, version: moved.version },
          detail: check.reason,
        },
        tx,
      );
      if (submitter && input.to === 'published') await deps.outbox.enqueue(publishedMail(moved, { reference: submission!.reference, submitter }, deps.siteUrl), tx);
      if (submitter && input.to === 'rejected') await deps.outbox.enqueue(rejectedMail(moved, { reference: submission!.reference, submitter }, check.reason!), tx);
      return moved;
    });
    return { ok: true, contribution };
  } catch (error) {
    if (error instanceof VersionConflictError) return { ok: false, code: 'version_conflict', state: null };
    if (error instanceof NotFoundError) return { ok: false, code: 'not_found', state: null };
    throw error;
  }
}
