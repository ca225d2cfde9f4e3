import type { FC } from 'hono/jsx';
import type { DuplicateMatch } from '../../app/duplicates/find-duplicates.ts';
import { editorialStateLabels, type Contribution } from '../../domain/contribution.ts';
import type { FieldError } from '../../domain/messages.ts';
import type { TaxonomyNames } from '../../domain/taxonomy.ts';
import type { SessionRecord } from '../../storage/sessions-repository.ts';
import { suggestionFieldLabels, suggestionRules, type SuggestionRules } from '../../suggestions/rules.ts';
import type { AreaCandidate, Candidate, Suggestions, TriggerMatch } from '../../suggestions/suggest.ts';
import { ErrorMessage } from './components.tsx';
import { CsrfField, backOfficeBase } from './layout.tsx';

/** The id the error summary links to; the route uses it as the error path. */
export const SUGGESTIONS_ERROR_PATH = 'vorschlaege-auswahl';
const MATCHES_SHOWN = 6;

/** What the editor ticked, shown again after an error. */
export interface SuggestionSelection {
  leitbildArea: string | null;
  leitsaetze: number[];
  sdgs: number[];
}
export const emptySelection: SuggestionSelection = { leitbildArea: null, leitsaetze: [], sdgs: [] };

const points = (score: number) => `${score.toLocaleString('de-DE', { maximumFractionDigits: 1 })} ${score === 1 ? 'Punkt' : 'Punkte'}`;

/** "Gesundheitsförderung, Gesundheit (Titel, Text), Prävention (Text)". */
export function reasonText(matches: readonly TriggerMatch[]): string {
  const shown = matches.slice(0, MATCHES_SHOWN).map((m) => `${m.words.join(', ')} (${m.fields.map((f) => suggestionFieldLabels[f]).join(', ')})`);
  return shown.join('; ') + (matches.length > MATCHES_SHOWN ? ' …' : '');
}

interface Item {
  /** Form value and id part. */
  value: string;
  label: string;
  reason: string;
  assigned: boolean;
}

/** A checkbox (or radio) per suggestion; an assigned one is listed as such, without a control. */
const SuggestionList: FC<{ legend: string; name: string; type: 'checkbox' | 'radio'; items: Item[]; checked: (value: string) => boolean; invalid: boolean }> = ({ legend, name, type, items, checked, invalid }) => (
  <fieldset class="checkboxes suggestion-group" aria-describedby={invalid ? `${SUGGESTIONS_ERROR_PATH}-error` : undefined}>
    <legend>{legend}</legend>
    <ul>
      {items.map((item) => {
        const id = `vorschlag-${name}-${item.value}`;
        return item.assigned ? (
          <li class="suggestion assigned">
            <span>
              {item.label} – <strong>bereits zugeordnet</strong>
            </span>
            <p class="hint">{item.reason}</p>
          </li>
        ) : (
          <li class={type === 'radio' ? 'choice suggestion' : 'checkbox-item suggestion'}>
            <input type={type} id={id} name={name} value={item.value} checked={checked(item.value)} aria-describedby={`${id}-grund`} />
            <div>
              <label for={id}>{item.label}</label>
              <p class="hint" id={`${id}-grund`}>
                {item.reason}
              </p>
            </div>
          </li>
        );
      })}
      {type === 'radio' && items.some((item) => !item.assigned) ? (
        <li class="choice">
          <input type="radio" id={`vorschlag-${name}-keiner`} name={name} value="" checked={!items.some((item) => checked(item.value))} />
          <label for={`vorschlag-${name}-keiner`}>Bereich nicht ändern</label>
        </li>
      ) : null}
    </ul>
  </fieldset>
);

export interface SuggestionsSectionProps {
  session: SessionRecord;
  contribution: Contribution;
  suggestions: Suggestions;
  names: TaxonomyNames;
  selection: SuggestionSelection;
  errors: readonly FieldError[];
  rules?: SuggestionRules;
}

/** "Vorschläge zur Einordnung": suggested area, Leitsätze and SDGs with score and trigger words, applied only on the editor's click. */
export const SuggestionsSection: FC<SuggestionsSectionProps> = ({ session, contribution, suggestions, names, selection, errors, rules = suggestionRules }) => {
  const { taxonomy } = contribution;
  const messages = errors.filter((e) => e.path === SUGGESTIONS_ERROR_PATH).map((e) => e.message);
  const numbered = (kind: 'Leitsatz' | 'SDG', candidate: Candidate, name: string | undefined, assigned: readonly number[]): Item => ({
    value: String(candidate.value),
    label: `${kind} ${candidate.value}: ${name ?? ''}`,
    reason: `${points(candidate.score)}, weil: ${reasonText(candidate.matches)}`,
    assigned: assigned.includes(candidate.value),
  });
  const area = (candidate: AreaCandidate): Item => ({
    value: candidate.value,
    label: names.leitbildAreas.get(candidate.value) ?? candidate.value,
    reason: `${points(candidate.score)}, weil: ${candidate.leitsaetze.map((n) => `Leitsatz ${n}`).join(', ')} vorgeschlagen`,
    assigned: taxonomy.leitbildArea === candidate.value,
  });
  const groups = {
    area: suggestions.leitbildArea.map(area),
    leitsaetze: suggestions.leitsaetze.map((c) => numbered('Leitsatz', c, names.leitsaetze.get(c.value), taxonomy.leitsaetze)),
    sdgs: suggestions.sdgs.map((c) => numbered('SDG', c, names.sdgs.get(c.value), taxonomy.sdgs)),
  };
  const all = [...groups.area, ...groups.leitsaetze, ...groups.sdgs];
  const weights = rules.fieldWeights;
  return (
    <section id="vorschlaege" aria-labelledby="vorschlaege-titel">
      <h2 id="vorschlaege-titel">Vorschläge zur Einordnung</h2>
      <p>
        Die Vorschläge beruhen auf gewichteten Auslöserwörtern aus <code>data/suggestions/triggers.json</code>. Punkte je Wort: Gewicht × Feld (Titel {weights.title},
        Kurzbeschreibung {weights.teaser}, Text {weights.body}); vorgeschlagen wird ab {rules.minScore.toLocaleString('de-DE')} Punkten. Übernommen wird nur, was Sie auswählen.
      </p>
      {all.length === 0 ? (
        <p>Für diesen Beitrag gibt es keine Vorschläge: Es kommen zu wenige Auslöserwörter vor.</p>
      ) : (
        <form method="post" action={`${backOfficeBase}/beitraege/${contribution.id}/einordnung`} class="stack" novalidate>
          <CsrfField session={session} />
          <input type="hidden" name="version" value={String(contribution.version)} />
          <div class={messages.length ? 'field field-error' : 'field'} id={SUGGESTIONS_ERROR_PATH} tabindex={-1}>
            <ErrorMessage id={SUGGESTIONS_ERROR_PATH} messages={messages} />
            {groups.area.length ? (
              <SuggestionList legend={taxonomy.leitbildArea ? 'Bereich des Leitbilds (ersetzt den zugeordneten Bereich)' : 'Bereich des Leitbilds'} name="bereich" type="radio" items={groups.area} checked={(v) => selection.leitbildArea === v} invalid={messages.length > 0} />
            ) : null}
            {groups.leitsaetze.length ? (
              <SuggestionList legend="Leitsätze" name="leitsatz" type="checkbox" items={groups.leitsaetze} checked={(v) => selection.leitsaetze.includes(Number(v))} invalid={messages.length > 0} />
            ) : null}
            {groups.sdgs.length ? (
              <SuggestionList legend="Nachhaltigkeitsziele (SDGs)" name="sdg" type="checkbox" items={groups.sdgs} checked={(v) => selection.sdgs.includes(Number(v))} invalid={messages.length > 0} />
            ) : null}
          </div>
          {all.every((item) => item.assigned) ? <p>Alle Vorschläge sind bereits zugeordnet.</p> : <button type="submit">Ausgewählte übernehmen</button>}
        </form>
      )}
    </section>
  );
};

const duplicateReason = (match: DuplicateMatch) =>
  [
    match.sameTitleAndSponsor ? 'gleicher Titel und Träger' : null,
    match.textSimilarity !== null ? `${Math.round(match.textSimilarity * 100).toLocaleString('de-DE')} % identischer Text` : null,
  ]
    .filter(Boolean)
    .join(', ');

/** "Mögliche Dublette von: …" with a link to the other contribution in the back office and the reason. */
export const DuplicatesSection: FC<{ duplicates: readonly DuplicateMatch[] }> = ({ duplicates }) =>
  duplicates.length === 0 ? null : (
    <section id="dubletten" aria-labelledby="dubletten-titel" class="notice duplicates">
      <h2 id="dubletten-titel">Mögliche Dubletten</h2>
      <ul>
        {duplicates.map((match) => (
          <li>
            Mögliche Dublette von: <a href={`${backOfficeBase}/beitraege/${match.contribution.id}`}>{match.contribution.title}</a> ({editorialStateLabels[match.contribution.state]}) –{' '}
            {duplicateReason(match)}
          </li>
        ))}
      </ul>
    </section>
  );
