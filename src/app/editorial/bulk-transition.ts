import type { EditorialState } from '../../domain/contribution.ts';
import type { Actor, EditorialDeps } from './deps.ts';
import { transitionContribution, type TransitionFailure } from './transition-contribution.ts';

export const bulkTargets = ['published', 'archived'] as const satisfies readonly EditorialState[];
export type BulkTarget = (typeof bulkTargets)[number];

export interface BulkItemResult {
  id: string;
  title: string;
  /** The state the contribution was in when the item failed (for the German explanation). */
  state: EditorialState | null;
  failure: TransitionFailure | null;
}

/**
 * Publishes or archives several contributions. Each one is checked and moved on its own (its own
 * transaction), so one that may not be moved does not hold back the others; the result says which.
 */
export async function bulkTransition(
  deps: Pick<EditorialDeps, 'db' | 'contributions' | 'editorial' | 'auditLog' | 'outbox' | 'siteUrl'>,
  input: { to: BulkTarget; items: ReadonlyArray<{ id: string; expectedVersion: number }> },
  actor: Actor,
): Promise<BulkItemResult[]> {
  const titles = new Map((await deps.contributions.findManyByIds(input.items.map((i) => i.id))).map((c) => [c.id, c.title]));
  const results: BulkItemResult[] = [];
  for (const item of input.items) {
    const outcome = await transitionContribution(deps, { id: item.id, expectedVersion: item.expectedVersion, to: input.to }, actor);
    results.push({
      id: item.id,
      title: outcome.ok ? outcome.contribution.title : (titles.get(item.id) ?? item.id),
      state: outcome.ok ? outcome.contribution.state : outcome.state,
      failure: outcome.ok ? null : outcome.code,
    });
  }
  return results;
}
