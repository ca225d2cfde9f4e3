import type { Draft } from '../../storage/drafts-repository.ts';
import type { SubmissionDeps } from './deps.ts';
import { draftTokenHash, isDraftToken } from './draft-token.ts';

export type OpenedDraft =
  | { state: 'open'; draft: Draft }
  | { state: 'submitted'; draft: Draft; reference: string }
  | { state: 'expired' }
  | { state: 'unknown' };

/** The draft behind a secret link, and whether it can still be edited. */
export async function openDraft(deps: Pick<SubmissionDeps, 'drafts'>, token: string): Promise<OpenedDraft> {
  if (!isDraftToken(token)) return { state: 'unknown' };
  const draft = await deps.drafts.findByTokenHash(draftTokenHash(token));
  if (!draft) return { state: 'unknown' };
  if (draft.contributionId) return { state: 'submitted', draft, reference: draft.reference ?? '' };
  if (draft.expired) return { state: 'expired' };
  return { state: 'open', draft };
}
