import type { FC } from 'hono/jsx';
import type { FieldError } from '../../domain/messages.ts';
import { leitbildAreas, regionTypeLabels, regions, taxonomyKindLabels, taxonomyKinds, type TaxonomyKind } from '../../domain/taxonomy.ts';
import { taxonomyFieldId } from '../../app/editorial/rename-taxonomy.ts';
import type { SessionRecord } from '../../storage/sessions-repository.ts';
import { ErrorSummary, StatusMessage, TextArea, TextField } from './components.tsx';
import { CsrfField, backOfficeBase } from './layout.tsx';

export const taxonomyPath = `${backOfficeBase}/taxonomie`;
export const synonymsPath = `${backOfficeBase}/synonyme`;

/** The entries of each taxonomy as id → current name, in display order. */
export type TaxonomyEntries = Record<TaxonomyKind, Array<{ id: string; name: string }>>;

const regionById = new Map(regions.map((r) => [r.id, r]));
const areaById = new Map(leitbildAreas.map((a) => [a.id, a]));

/** A label that stays recognisable while the name changes: the number, or the type and the original name. */
function entryLabel(kind: TaxonomyKind, id: string): string {
  switch (kind) {
    case 'leitsaetze':
      return `Leitsatz ${id}`;
    case 'sdgs':
      return `SDG ${id}`;
    case 'leitbildAreas':
      return `Bereich (ursprünglicher Name: ${areaById.get(id)?.name ?? id})`;
    case 'regions': {
      const region = regionById.get(id);
      return region ? `${regionTypeLabels[region.type]} (ursprünglicher Name: ${region.name})` : `Region ${id}`;
    }
  }
}

export const TaxonomyPage: FC<{ session: SessionRecord; entries: TaxonomyEntries; errors: FieldError[]; renamed: number | null }> = ({ session, entries, errors, renamed }) => (
  <>
    {errors.length ? <ErrorSummary errors={errors} /> : null}
    <h1>Taxonomie</h1>
    <p>
      Die Namen der Bereiche, Leitsätze, Nachhaltigkeitsziele und Regionen. Die Kennungen bleiben beim Umbenennen gleich, die Zuordnung der Beiträge ändert sich also nicht. Neue Namen
      erscheinen auf den öffentlichen Seiten nach spätestens zehn Sekunden.
    </p>
    {renamed !== null ? <StatusMessage>{renamed === 0 ? 'Es wurde kein Name geändert.' : renamed === 1 ? 'Ein Name wurde geändert.' : `${renamed} Namen wurden geändert.`}</StatusMessage> : null}
    <nav aria-label="Taxonomien auf dieser Seite">
      <ul>
        {taxonomyKinds.map((kind) => (
          <li>
            <a href={`#${kind}`}>{taxonomyKindLabels[kind]}</a>
          </li>
        ))}
      </ul>
    </nav>
    {taxonomyKinds.map((kind) => (
      <section aria-labelledby={kind}>
        <h2 id={kind}>{taxonomyKindLabels[kind]}</h2>
        <form method="post" action={taxonomyPath} class="stack" novalidate>
          <CsrfField session={session} />
          <input type="hidden" name="art" value={kind} />
          {entries[kind].map(({ id, name }) => {
            const fieldId = taxonomyFieldId(kind, id);
            return <TextField id={fieldId} label={entryLabel(kind, id)} value={name} error={errors.find((e) => e.path === fieldId)?.message} autocomplete="off" />;
          })}
          <button type="submit">{taxonomyKindLabels[kind]}: Namen speichern</button>
        </form>
      </section>
    ))}
  </>
);

export const SynonymsPage: FC<{ session: SessionRecord; text: string; errors: FieldError[]; saved: 'geaendert' | 'unveraendert' | null }> = ({ session, text, errors, saved }) => (
  <>
    {errors.length ? <ErrorSummary errors={errors} /> : null}
    <h1>Suchsynonyme</h1>
    <p>Wörter, die die Suche als gleichbedeutend behandelt, und Abkürzungen mit ihrer ausgeschriebenen Form. Die Suche verwendet eine gespeicherte Liste nach wenigen Sekunden.</p>
    {saved ? <StatusMessage>{saved === 'geaendert' ? 'Die Synonyme wurden gespeichert.' : 'Die Liste war unverändert, es wurde nichts gespeichert.'}</StatusMessage> : null}
    <form method="post" action={synonymsPath} class="stack" novalidate>
      <CsrfField session={session} />
      <TextArea
        id="synonyms"
        label="Synonymliste"
        rows={24}
        value={text}
        errors={errors.map((e) => e.message)}
        hint={
          <>
            Eine Gruppe je Zeile. <code>a, b, c</code>: gleichbedeutende Wörter, jedes findet die anderen. <code>abk = ausgeschriebene Form</code>: eine Abkürzung. Zeilen mit{' '}
            <code>#</code> sind Kommentare. Groß- und Kleinschreibung, Umlautschreibweisen und Wortendungen spielen keine Rolle.
          </>
        }
      />
      <button type="submit">Synonyme speichern</button>
    </form>
  </>
);
