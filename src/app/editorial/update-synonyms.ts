import { germanMessage, type FieldError } from '../../domain/messages.ts';
import { readSynonymSetting, readSynonyms, SYNONYMS_SETTING } from '../../search/synonyms.ts';
import type { Actor, EditorialDeps } from './deps.ts';

export const SYNONYMS_MAX = 100_000;

export type UpdateSynonymsOutcome = { ok: true; changed: boolean } | { ok: false; errors: FieldError[] };

/**
 * Replaces the search synonym list after checking every line with the search's own parser.
 * Every instance's index picks the new list up on its next refresh (about a second).
 * Errors have the form field's path: synonyms.
 */
export async function updateSynonyms(deps: Pick<EditorialDeps, 'db' | 'settings' | 'auditLog'>, input: { text: string }, actor: Actor): Promise<UpdateSynonymsOutcome> {
  const text = input.text.replace(/\r\n/g, '\n');
  if (text.length > SYNONYMS_MAX) return { ok: false, errors: [{ path: 'synonyms', code: 'too_long', message: `Die Liste ist zu lang: höchstens ${SYNONYMS_MAX.toLocaleString('de-DE')} Zeichen.` }] };
  const { invalidLines } = readSynonyms(text);
  if (invalidLines.length) {
    return { ok: false, errors: invalidLines.map((line) => ({ path: 'synonyms', code: 'synonyms_line_invalid', message: `Zeile ${line}: ${germanMessage('synonyms_line_invalid')}` })) };
  }
  const before = await readSynonymSetting(deps.settings);
  if (before.text === text) return { ok: true, changed: false };
  await deps.db.transaction(async (tx) => {
    await deps.settings.put(SYNONYMS_SETTING, text, tx);
    await deps.auditLog.record({ actorId: actor.id, actor: actor.label, action: 'settings.update', entityType: 'setting', entityId: SYNONYMS_SETTING, before: before.text, after: text }, tx);
  });
  return { ok: true, changed: true };
}
