import { germanMessage, type FieldError } from '../../domain/messages.ts';
import type { ContributionComment } from '../../storage/editorial-repository.ts';
import type { Actor, EditorialDeps } from './deps.ts';
import { commentMail } from './mails.ts';

export const COMMENT_MAX = 5000;

export type AddCommentOutcome = { ok: true; comment: ContributionComment } | { ok: false; errors: FieldError[] };

const fieldError = (path: string, code: string): FieldError => ({ path, code, message: germanMessage(code) });

/**
 * Adds a comment to a contribution: internal for the editors, or sent to the submitter by mail
 * (through the outbox, in the same transaction as the comment and its audit entry).
 * Error paths are the form's field names: body, toSubmitter.
 */
export async function addComment(
  deps: Pick<EditorialDeps, 'db' | 'contributions' | 'editorial' | 'auditLog' | 'outbox'>,
  input: { contributionId: string; body: string; toSubmitter: boolean },
  actor: Actor,
): Promise<AddCommentOutcome> {
  const body = input.body.trim();
  if (!body) return { ok: false, errors: [fieldError('body', 'required')] };
  if (body.length > COMMENT_MAX) return { ok: false, errors: [{ path: 'body', code: 'too_long', message: `Der Text ist zu lang: höchstens ${COMMENT_MAX.toLocaleString('de-DE')} Zeichen.` }] };
  const [contribution, submission] = await Promise.all([deps.contributions.get(input.contributionId), deps.editorial.submissionOf(input.contributionId)]);
  if (!contribution || !submission) return { ok: false, errors: [fieldError('body', 'not_found')] };
  const submitter = submission.submitter;
  if (input.toSubmitter && !submitter) return { ok: false, errors: [fieldError('toSubmitter', 'submitter_email_missing')] };
  const comment = await deps.db.transaction(async (tx) => {
    const added = await deps.editorial.addComment({ contributionId: input.contributionId, authorId: actor.id, authorName: actor.label, body, toSubmitter: input.toSubmitter }, tx);
    await deps.auditLog.record(
      {
        actorId: actor.id,
        actor: actor.label,
        action: input.toSubmitter ? 'contribution.comment_to_submitter' : 'contribution.comment',
        entityType: 'contribution',
        entityId: input.contributionId,
        after: { commentId: added.id, toSubmitter: input.toSubmitter },
        detail: body,
      },
      tx,
    );
    if (input.toSubmitter && submitter) await deps.outbox.enqueue(commentMail(contribution, { reference: submission.reference, submitter }, body), tx);
    return added;
  });
  return { ok: true, comment };
}
