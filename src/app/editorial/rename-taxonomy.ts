import { germanMessage, type FieldError } from '../../domain/messages.ts';
import type { TaxonomyKind } from '../../domain/taxonomy.ts';
import type { Actor, EditorialDeps } from './deps.ts';

export const TAXONOMY_NAME_MAX = 300;

export type RenameOutcome = { ok: true; renamed: number } | { ok: false; errors: FieldError[] };

/** The form field of one entry's name, e.g. "leitsaetze-17"; error paths use it. */
export const taxonomyFieldId = (kind: TaxonomyKind, id: string) => `${kind}-${id}`;

/**
 * Renames the entries of one taxonomy whose names changed; all or none (one transaction, one
 * audit entry per rename). Ids stay, so contributions keep their assignments.
 */
export async function renameTaxonomy(
  deps: Pick<EditorialDeps, 'db' | 'taxonomy' | 'auditLog'>,
  input: { kind: TaxonomyKind; names: ReadonlyArray<{ id: string; name: string }> },
  actor: Actor,
): Promise<RenameOutcome> {
  const names = input.names.map((entry) => ({ id: entry.id, name: entry.name.trim().replace(/\s+/g, ' ') }));
  const errors = names.flatMap(({ id, name }): FieldError[] => {
    const path = taxonomyFieldId(input.kind, id);
    if (!name) return [{ path, code: 'required', message: germanMessage('required') }];
    if (name.length > TAXONOMY_NAME_MAX) return [{ path, code: 'too_long', message: `Der Name ist zu lang: höchstens ${TAXONOMY_NAME_MAX} Zeichen.` }];
    return [];
  });
  if (errors.length) return { ok: false, errors };
  const current = new Map<string, string>([...(await deps.taxonomy.names())[input.kind]].map(([key, name]) => [String(key), name]));
  // Unknown ids are left out: the form only offers existing entries.
  const changed = names.filter(({ id, name }) => current.has(id) && current.get(id) !== name);
  if (changed.length === 0) return { ok: true, renamed: 0 };
  await deps.db.transaction(async (tx) => {
    for (const { id, name } of changed) {
      const before = await deps.taxonomy.rename(input.kind, id, name, tx);
      await deps.auditLog.record(
        { actorId: actor.id, actor: actor.label, action: 'taxonomy.rename', entityType: 'taxonomy', entityId: `${input.kind}:${id}`, before: { name: before }, after: { name } },
        tx,
      );
    }
  });
  return { ok: true, renamed: changed.length };
}
