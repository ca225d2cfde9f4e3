import type { Draft, DraftValues } from '../../storage/drafts-repository.ts';
import { DRAFT_TTL_MS, type SubmissionDeps } from './deps.ts';

export type SaveDraftOutcome = { ok: true; draft: Draft } | { ok: false; code: 'closed' };

/**
 * Stores everything typed so far, valid or not (nothing typed is lost), and the step to resume at;
 * every save keeps the draft alive for another DRAFT_TTL_MS. A draft submitted or expired in the
 * meantime is not changed ("closed").
 */
export async function saveDraftStep(deps: Pick<SubmissionDeps, 'drafts'>, draft: Draft, input: { values: DraftValues; step: string }): Promise<SaveDraftOutcome> {
  const saved = await deps.drafts.save(draft.id, { values: input.values, step: input.step, ttlMs: DRAFT_TTL_MS });
  return saved ? { ok: true, draft: saved } : { ok: false, code: 'closed' };
}
