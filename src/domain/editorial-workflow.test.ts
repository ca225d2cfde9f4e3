import { describe, expect, it } from 'vitest';
import { editorialStates, type EditorialState } from './contribution.ts';
import { allowedTransitions, checkTransition } from './editorial-workflow.ts';
import { germanMessage } from './messages.ts';

describe('editorial workflow', () => {
  it('allows exactly the agreed transitions', () => {
    const allowed = editorialStates.flatMap((from) => editorialStates.filter((to) => checkTransition(from, to, 'Grund').ok).map((to) => `${from}→${to}`));
    expect(allowed.sort()).toEqual(
      [
        'draft→submitted',
        'submitted→in_review',
        'submitted→rejected',
        'in_review→published',
        'in_review→rejected',
        'published→archived',
        'published→in_review',
        'rejected→archived',
        'rejected→in_review',
        'archived→in_review',
      ].sort(),
    );
  });

  it('never allows staying in the same state or publishing without review', () => {
    for (const state of editorialStates) expect(allowedTransitions[state]).not.toContain(state);
    const direct: EditorialState[] = ['draft', 'submitted', 'rejected', 'archived'];
    for (const from of direct) expect(checkTransition(from, 'published')).toEqual({ ok: false, code: 'transition_not_allowed' });
  });

  it('requires a reason for a rejection, trimmed, with a German message', () => {
    expect(checkTransition('submitted', 'rejected', '   ')).toEqual({ ok: false, code: 'rejection_reason_required' });
    expect(checkTransition('in_review', 'rejected')).toEqual({ ok: false, code: 'rejection_reason_required' });
    expect(checkTransition('in_review', 'rejected', '  Kein Bezug zu Hessen. ')).toEqual({ ok: true, reason: 'Kein Bezug zu Hessen.' });
    expect(checkTransition('in_review', 'rejected', 'x'.repeat(5001))).toEqual({ ok: false, code: 'too_long' });
    expect(germanMessage('rejection_reason_required')).toMatch(/^Bitte begründen Sie die Ablehnung/);
    expect(germanMessage('transition_not_allowed')).toContain('nicht möglich');
  });

  it('keeps no reason for other transitions', () => {
    expect(checkTransition('in_review', 'published', 'egal')).toEqual({ ok: true, reason: null });
  });
});
