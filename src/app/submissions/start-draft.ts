import type { DraftValues } from '../../storage/drafts-repository.ts';
import { DRAFT_PURGE_GRACE_MS, DRAFT_STARTS_PER_WINDOW, DRAFT_TTL_MS, RATE_WINDOW_MS, type SubmissionDeps } from './deps.ts';
import { draftTokenHash, newDraftToken } from './draft-token.ts';

export type StartDraftOutcome = { ok: true; token: string } | { ok: false; code: 'rate_limited' | 'bot' };

/**
 * Opens a new draft and hands out its secret link token (only its hash is stored). A filled-in
 * honeypot or too many new drafts from one address start nothing.
 */
export async function startDraft(
  deps: Pick<SubmissionDeps, 'drafts' | 'rateLimits'>,
  input: { clientAddress: string; honeypot: string; firstStep: string; values?: DraftValues },
): Promise<StartDraftOutcome> {
  if (input.honeypot.trim() !== '') return { ok: false, code: 'bot' };
  if ((await deps.rateLimits.count('submission_start', input.clientAddress, RATE_WINDOW_MS)) >= DRAFT_STARTS_PER_WINDOW) {
    return { ok: false, code: 'rate_limited' };
  }
  await deps.rateLimits.record('submission_start', input.clientAddress);
  const token = newDraftToken();
  await deps.drafts.create({ tokenHash: draftTokenHash(token), step: input.firstStep, values: input.values ?? {}, ttlMs: DRAFT_TTL_MS });
  // Housekeeping without a scheduler: starting a draft is rare enough to pay for it.
  await deps.drafts.purgeExpired(DRAFT_PURGE_GRACE_MS);
  return { ok: true, token };
}
