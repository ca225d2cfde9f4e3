import type { EditorialState } from './contribution.ts';

/** Which editorial state may follow which; everything else is refused. */
export const allowedTransitions: Readonly<Record<EditorialState, readonly EditorialState[]>> = {
  draft: ['submitted'],
  submitted: ['in_review', 'rejected'],
  in_review: ['published', 'rejected'],
  published: ['archived', 'in_review'],
  rejected: ['archived', 'in_review'],
  archived: ['in_review'],
};

/** Button text for moving a contribution into the state. */
export const transitionLabels: Readonly<Record<EditorialState, string>> = {
  draft: 'Zum Entwurf machen',
  submitted: 'Einreichen',
  in_review: 'In Prüfung nehmen',
  published: 'Veröffentlichen',
  rejected: 'Ablehnen',
  archived: 'Archivieren',
};

/** Audit-log verb for a move into the state. */
export const transitionActions: Readonly<Record<EditorialState, string>> = {
  draft: 'contribution.draft',
  submitted: 'contribution.submit',
  in_review: 'contribution.review',
  published: 'contribution.publish',
  rejected: 'contribution.reject',
  archived: 'contribution.archive',
};

/** A rejection reason is sent to the submitter and kept in the revision, so it has a length limit. */
export const REJECTION_REASON_MAX = 5000;

export type TransitionCheck = { ok: true; reason: string | null } | { ok: false; code: 'transition_not_allowed' | 'rejection_reason_required' | 'too_long' };

/** Checks one move; the reason is only kept for rejections (where it is required). */
export function checkTransition(from: EditorialState, to: EditorialState, reason?: string | null): TransitionCheck {
  if (!allowedTransitions[from].includes(to)) return { ok: false, code: 'transition_not_allowed' };
  if (to !== 'rejected') return { ok: true, reason: null };
  const trimmed = reason?.trim() ?? '';
  if (!trimmed) return { ok: false, code: 'rejection_reason_required' };
  if (trimmed.length > REJECTION_REASON_MAX) return { ok: false, code: 'too_long' };
  return { ok: true, reason: trimmed };
}

/** Published contributions are due for another check this long after the last one (or the publication). */
export const REVIEW_INTERVAL_MONTHS = 12;
