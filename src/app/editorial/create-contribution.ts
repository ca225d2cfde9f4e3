import type { Contribution, ContributionContent } from '../../domain/contribution.ts';
import type { SimilarContent } from '../../search/types.ts';
import { findDuplicates, toPossibleDuplicate, type PossibleDuplicate } from '../duplicates/find-duplicates.ts';
import type { Actor, EditorialDeps } from './deps.ts';

/**
 * Creates a draft contribution from validated content (a trusted system through the API). The
 * revision and the audit entry are written in one transaction; likely duplicates are reported,
 * not refused, as with imported documents.
 */
export async function createContribution(
  deps: Pick<EditorialDeps, 'db' | 'contributions' | 'auditLog'> & { search?: SimilarContent | null },
  content: ContributionContent,
  actor: Actor,
): Promise<{ contribution: Contribution; possibleDuplicates: PossibleDuplicate[] }> {
  const possibleDuplicates = (await findDuplicates({ contributions: deps.contributions, search: deps.search }, content)).map(toPossibleDuplicate);
  const contribution = await deps.db.transaction(async (tx) => {
    const created = await deps.contributions.create(content, { state: 'draft', actor: actor.label, note: 'Über die API angelegt' }, tx);
    await deps.auditLog.record(
      {
        actorId: actor.id,
        actor: actor.label,
        action: 'contribution.create',
        entityType: 'contribution',
        entityId: created.id,
        after: { state: created.state, title: created.title },
        detail: 'Über die API angelegt',
      },
      tx,
    );
    return created;
  });
  return { contribution, possibleDuplicates };
}
