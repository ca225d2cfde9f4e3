import { contentOf, type Contribution, type Taxonomy } from '../../domain/contribution.ts';
import { leitbildAreaIds, leitsaetze, sdgs } from '../../domain/taxonomy.ts';
import { NotFoundError, VersionConflictError } from '../../storage/errors.ts';
import type { Actor, EditorialDeps } from './deps.ts';

export type ApplySuggestionsFailure = 'not_found' | 'version_conflict' | 'suggestions_none_selected' | 'suggestion_invalid';
export type ApplySuggestionsOutcome = { ok: true; contribution: Contribution; changed: boolean } | { ok: false; code: ApplySuggestionsFailure };

export interface SuggestionChoice {
  id: string;
  expectedVersion: number;
  /** The chosen Leitbild area, or null to leave the area as it is. */
  leitbildArea: string | null;
  /** Added to the assigned ones; nothing is ever removed. */
  leitsaetze: number[];
  sdgs: number[];
}

const knownLeitsaetze = new Set(leitsaetze.map((l) => l.number));
const knownSdgs = new Set(sdgs.map((s) => s.number));
const byNumber = (a: number, b: number) => a - b;

/**
 * Writes the suggestions an editor confirmed into the contribution's taxonomy as a new version
 * (suggestions are never applied without this step). Same rules as every editorial change: the
 * version the editor saw, revision and audit entry in one transaction.
 */
export async function applySuggestions(deps: Pick<EditorialDeps, 'db' | 'contributions' | 'auditLog'>, choice: SuggestionChoice, actor: Actor): Promise<ApplySuggestionsOutcome> {
  if (choice.leitbildArea === null && choice.leitsaetze.length === 0 && choice.sdgs.length === 0) return { ok: false, code: 'suggestions_none_selected' };
  if (
    (choice.leitbildArea !== null && !leitbildAreaIds.includes(choice.leitbildArea)) ||
    !choice.leitsaetze.every((n) => knownLeitsaetze.has(n)) ||
    !choice.sdgs.every((n) => knownSdgs.has(n))
  ) {
    return { ok: false, code: 'suggestion_invalid' };
  }
  const current = await deps.contributions.get(choice.id);
  if (!current) return { ok: false, code: 'not_found' };
  if (current.version !== choice.expectedVersion) return { ok: false, code: 'version_conflict' };
  const before = current.taxonomy;
  const after: Taxonomy = {
    ...before,
    leitbildArea: choice.leitbildArea ?? before.leitbildArea,
    leitsaetze: [...new Set([...before.leitsaetze, ...choice.leitsaetze])].sort(byNumber),
    sdgs: [...new Set([...before.sdgs, ...choice.sdgs])].sort(byNumber),
  };
  if (JSON.stringify(after) === JSON.stringify(before)) return { ok: true, contribution: current, changed: false };
  const added = [
    ...(after.leitbildArea !== before.leitbildArea ? [`Bereich ${after.leitbildArea}`] : []),
    ...after.leitsaetze.filter((n) => !before.leitsaetze.includes(n)).map((n) => `Leitsatz ${n}`),
    ...after.sdgs.filter((n) => !before.sdgs.includes(n)).map((n) => `SDG ${n}`),
  ];
  const note = 'Vorschläge zur Einordnung übernommen';
  try {
    const contribution = await deps.db.transaction(async (tx) => {
      const saved = await deps.contributions.update(choice.id, choice.expectedVersion, { ...contentOf(current), taxonomy: after }, actor.label, note, tx);
      await deps.auditLog.record(
        {
          actorId: actor.id,
          actor: actor.label,
          action: 'contribution.apply_suggestions',
          entityType: 'contribution',
          entityId: choice.id,
          before: { version: current.version, taxonomy: before },
          after: { version: saved.version, taxonomy: after },
          detail: `${note}: ${added.join(', ')}`,
        },
        tx,
      );
      return saved;
    });
    return { ok: true, contribution, changed: true };
  } catch (error) {
    if (error instanceof VersionConflictError) return { ok: false, code: 'version_conflict' };
    if (error instanceof NotFoundError) return { ok: false, code: 'not_found' };
    throw error;
  }
}
