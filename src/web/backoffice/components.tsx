import type { Child, FC } from 'hono/jsx';
import { editorialStateLabels, kindLabels, type ContributionKind, type EditorialState } from '../../domain/contribution.ts';
import { formatEuroCents } from '../../domain/money.ts';
import { ErrorSummary as FormErrorSummary } from '../forms/components.tsx';

/** Date and time as editors in Hessen read it. */
export const formatDateTime = (iso: string) => new Date(iso).toLocaleString('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'short' });
export const formatDate = (iso: string) => new Date(iso).toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'medium' });

/** The shared GOV.UK error summary (src/web/forms), fed with back-office errors whose path is the field's id. */
export const ErrorSummary: FC<{ errors: ReadonlyArray<{ path: string; message: string }> }> = ({ errors }) => (
  <FormErrorSummary errors={errors.map((error) => ({ href: `#${error.path}`, text: error.message }))} />
);

/** The message under a field's label, with the visually hidden "Fehler:" prefix for screen readers. */
export const ErrorMessage: FC<{ id: string; messages: readonly string[] }> = ({ id, messages }) =>
  messages.length ? (
    <p class="error-message" id={`${id}-error`}>
      {messages.map((message, i) => (
        <>
          {i > 0 ? <br /> : null}
          <span class="visually-hidden">Fehler:</span> {message}
        </>
      ))}
    </p>
  ) : null;

const describedBy = (id: string, hint: boolean, error: boolean) => [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export const TextField: FC<{ id: string; label: string; value: string; error?: string; type?: string; autocomplete?: string; name?: string }> = (props) => (
  <div class={props.error ? 'field field-error' : 'field'}>
    <label for={props.id}>{props.label}</label>
    <ErrorMessage id={props.id} messages={props.error ? [props.error] : []} />
    <input
      id={props.id}
      name={props.name ?? props.id}
      type={props.type ?? 'text'}
      value={props.value}
      autocomplete={props.autocomplete}
      aria-invalid={props.error ? 'true' : undefined}
      aria-describedby={describedBy(props.id, false, Boolean(props.error))}
    />
  </div>
);

export const TextArea: FC<{ id: string; label: string; value: string; errors?: readonly string[]; hint?: Child; rows?: number; required?: boolean }> = (props) => {
  const errors = props.errors ?? [];
  return (
    <div class={errors.length ? 'field field-error' : 'field'}>
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <ErrorMessage id={props.id} messages={errors} />
      <textarea
        id={props.id}
        name={props.id}
        rows={props.rows ?? 5}
        required={props.required}
        aria-invalid={errors.length ? 'true' : undefined}
        aria-describedby={describedBy(props.id, Boolean(props.hint), errors.length > 0)}
      >
        {props.value}
      </textarea>
    </div>
  );
};

export const StatusMessage: FC<{ children: Child }> = ({ children }) => (
  <p role="status" class="notice">
    {children}
  </p>
);

export const StateBadge: FC<{ state: EditorialState }> = ({ state }) => <span class="badge">{editorialStateLabels[state]}</span>;

/** German names of content fields (keys repeat across objects: "name" of a sponsor and of a partner). */
const fieldLabels: Record<string, string> = {
  kind: 'Art',
  title: 'Titel',
  teaser: 'Kurzbeschreibung',
  description: 'Beschreibung',
  purpose: 'Anlass und Ziel',
  components: 'Bestandteile',
  answers: 'Antworten',
  decision: 'Entscheidung',
  support: 'Unterstützung',
  challenges: 'Herausforderungen und Tipps',
  prerequisites: 'Voraussetzungen',
  sponsor: 'Träger',
  contacts: 'Ansprechpersonen',
  partners: 'Partner',
  places: 'Orte',
  period: 'Zeitraum',
  participation: 'Teilnahme',
  funding: 'Finanzierung',
  legalReferences: 'Rechtsgrundlagen',
  targetGroups: 'Zielgruppen',
  links: 'Links',
  taxonomy: 'Einordnung',
  name: 'Name',
  street: 'Straße',
  postcode: 'Postleitzahl',
  city: 'Ort',
  website: 'Internetseite',
  role: 'Funktion',
  phone: 'Telefon',
  email: 'E-Mail-Adresse',
  publishConsent: 'Veröffentlichung erlaubt',
  regionId: 'Region (Kennung)',
  label: 'Bezeichnung',
  focus: 'Schwerpunkt',
  sources: 'Geldgeber',
  amountCents: 'Betrag',
  grantCents: 'Zuschuss',
  ownCents: 'Eigenanteil',
  totalCents: 'Gesamtkosten',
  text: 'Text',
  law: 'Gesetz',
  section: 'Paragraf',
  url: 'Adresse',
  placeholder: 'Platzhalter ohne Ziel',
  broken: 'defekt',
  start: 'Beginn',
  end: 'Ende',
  status: 'Status',
  leitbildArea: 'Bereich des Leitbilds',
  leitsaetze: 'Leitsätze',
  sdgs: 'SDGs',
  kommunenFocus: 'Schwerpunkt Kommunen',
  state: 'Zustand',
  version: 'Fassung',
  reviewedAt: 'Zuletzt geprüft',
  restoredFrom: 'Wiederhergestellt aus Fassung',
  commentId: 'Kommentar',
  toSubmitter: 'An Einreichende*n',
  reference: 'Vorgangsnummer',
};

export const fieldLabel = (key: string) => fieldLabels[key] ?? key;
/** "answers.decision" → "Antworten › Entscheidung". */
export const pathLabel = (path: string) => path.split('.').map(fieldLabel).join(' › ');

/** Any stored value, readable: objects as nested lists of labelled fields, arrays as numbered lists. */
export const FieldValue: FC<{ value: unknown; field?: string }> = ({ value, field }) => {
  if (value === null || value === undefined || value === '') return <span class="empty">(leer)</span>;
  if (typeof value === 'boolean') return <>{value ? 'ja' : 'nein'}</>;
  if (typeof value === 'number') return <>{field?.endsWith('Cents') ? formatEuroCents(value) : value.toLocaleString('de-DE')}</>;
  if (typeof value === 'string') {
    if (field === 'state' && value in editorialStateLabels) return <>{editorialStateLabels[value as EditorialState]}</>;
    if (field === 'kind' && value in kindLabels) return <>{kindLabels[value as ContributionKind]}</>;
    return <span class="text">{value}</span>;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return <span class="empty">(keine)</span>;
    return (
      <ol class="values">
        {value.map((item) => (
          <li>
            <FieldValue value={item} field={field} />
          </li>
        ))}
      </ol>
    );
  }
  if (typeof value === 'object') {
    return (
      <dl class="values">
        {Object.entries(value).map(([key, inner]) => (
          <>
            <dt>{fieldLabel(key)}</dt>
            <dd>
              <FieldValue value={inner} field={key} />
            </dd>
          </>
        ))}
      </dl>
    );
  }
  return <>{String(value)}</>;
};

/** Field-by-field changes side by side (revision history, edit conflicts). */
export const ChangesTable: FC<{
  caption: string;
  beforeLabel: string;
  afterLabel: string;
  changes: ReadonlyArray<{ path: string; before: unknown; after: unknown }>;
  emptyText: string;
}> = ({ caption, beforeLabel, afterLabel, changes, emptyText }) => (
  <div class="table-scroll">
    <table class="diff">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Feld</th>
          <th scope="col">{beforeLabel}</th>
          <th scope="col">{afterLabel}</th>
        </tr>
      </thead>
      <tbody>
        {changes.length === 0 ? (
          <tr>
            <td colspan={3}>{emptyText}</td>
          </tr>
        ) : (
          changes.map((change) => (
            <tr>
              <th scope="row">
                {pathLabel(change.path)}
                <br />
                <code>{change.path}</code>
              </th>
              <td class="before">
                <FieldValue value={change.before} field={change.path.split('.').at(-1)} />
              </td>
              <td class="after">
                <FieldValue value={change.after} field={change.path.split('.').at(-1)} />
              </td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  </div>
);
