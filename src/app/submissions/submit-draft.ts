import type { ContributionContent } from '../../domain/contribution.ts';
import { todayInBerlin } from '../../domain/partial-date.ts';
import { formatReference, type Submitter } from '../../domain/submission.ts';
import { createRateLimits } from '../../storage/rate-limits.ts';
import { MIN_FILL_MS, RATE_WINDOW_MS, SUBMISSION_ACTOR, SUBMISSIONS_PER_WINDOW, type SubmissionDeps } from './deps.ts';
import { draftTokenHash, isDraftToken } from './draft-token.ts';
import { confirmationMail, editorsNoticeMail } from './mails.ts';

export interface SubmitInput {
  token: string;
  /** Validated by the caller against SubmissionSchema. */
  content: ContributionContent;
  submitter: Submitter;
  /** The honeypot field's value: people leave it empty. */
  honeypot: string;
  clientAddress: string;
}

export type SubmitOutcome =
  | { ok: true; reference: string; contributionId: string; repeated: boolean }
  | { ok: false; code: 'unknown' | 'expired' | 'bot' | 'too_fast' | 'rate_limited' };

/**
 * Hands in a draft, all in one transaction: the contribution in state "submitted" with its
 * reference number and submitter, the draft marked as submitted, the audit entry and the mails
 * in the outbox. The draft row is locked first, so a second (double-clicked) submit waits and then
 * gets the same reference instead of a second contribution. Any failure leaves nothing behind.
 */
export async function submitDraft(deps: SubmissionDeps, input: SubmitInput): Promise<SubmitOutcome> {
  if (!isDraftToken(input.token)) return { ok: false, code: 'unknown' };
  return deps.db.transaction(async (tx) => {
    const draft = await deps.drafts.lockByTokenHash(tx, draftTokenHash(input.token));
    if (!draft) return { ok: false, code: 'unknown' } as const;
    if (draft.contributionId) return { ok: true, reference: draft.reference ?? '', contributionId: draft.contributionId, repeated: true } as const;
    if (draft.expired) return { ok: false, code: 'expired' } as const;
    if (input.honeypot.trim() !== '') return { ok: false, code: 'bot' } as const;
    if (draft.ageMs < MIN_FILL_MS) return { ok: false, code: 'too_fast' } as const;
    const rateLimits = createRateLimits(tx);
    if ((await rateLimits.count('submission', input.clientAddress, RATE_WINDOW_MS)) >= SUBMISSIONS_PER_WINDOW) return { ok: false, code: 'rate_limited' } as const;

    const [sequence] = await tx.query<{ n: string }>("SELECT nextval('contribution_reference_seq')::text AS n");
    const reference = formatReference(Number(todayInBerlin().slice(0, 4)), Number(sequence!.n));
    const contribution = await deps.contributions.create(
      input.content,
      {
        state: 'submitted',
        actor: SUBMISSION_ACTOR,
        provenance: { format: 'form', sourceFile: null, contentHash: null, importedAt: new Date().toISOString() },
        note: `Einreichung ${reference}`,
        reference,
        submitter: input.submitter,
      },
      tx,
    );
    await deps.drafts.markSubmitted(tx, draft.id, contribution.id);
    await deps.auditLog.record(
      {
        actorId: null,
        actor: SUBMISSION_ACTOR,
        action: 'submission.submit',
        entityType: 'contribution',
        entityId: contribution.id,
        after: { reference, title: contribution.title, state: contribution.state },
        detail: `Vorgangsnummer ${reference}`,
      },
      tx,
    );
    const mailInput = { reference, submitter: input.submitter, content: contribution, siteUrl: deps.siteUrl };
    await deps.outbox.enqueue(confirmationMail(mailInput), tx);
    if (deps.editorsAddress) await deps.outbox.enqueue(editorsNoticeMail({ ...mailInput, to: deps.editorsAddress }), tx);
    await rateLimits.record('submission', input.clientAddress);
    return { ok: true, reference, contributionId: contribution.id, repeated: false } as const;
  });
}
