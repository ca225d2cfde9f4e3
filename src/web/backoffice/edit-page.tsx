import type { FC } from 'hono/jsx';
import type { Contribution } from '../../domain/contribution.ts';
import type { FieldChange } from '../../domain/diff.ts';
import type { FieldError } from '../../domain/messages.ts';
import type { SessionRecord } from '../../storage/sessions-repository.ts';
import { ACTION_FIELD, ErrorSummary, FormItems, errorLinks, type FormView } from '../forms/components.tsx';
import type { FormValues } from '../forms/values.ts';
import { ChangesTable, formatDateTime } from './components.tsx';
import { contributionAdminPath } from './contribution-page.tsx';
import { editItems, editSchema, editSections } from './edit-form.ts';
import { CsrfField } from './layout.tsx';

export const editPath = (id: string) => `${contributionAdminPath(id)}/bearbeiten`;
export const VERSION_FIELD = 'version';

/** The form values as hidden fields, so a choice on the conflict page carries the editor's version along. */
const HiddenValues: FC<{ values: FormValues }> = ({ values }) => (
  <>
    {Object.entries(values).flatMap(([name, value]) => [value].flat().map((v) => <input type="hidden" name={name} value={v} />))}
  </>
);

export interface EditPageProps {
  session: SessionRecord;
  contribution: Contribution;
  /** The version the values are based on (sent back with the form). */
  baseVersion: number;
  values: FormValues;
  errors: readonly FieldError[];
  /** Shown when the editor continues from the conflict page. */
  notice?: string;
}

export const EditPage: FC<EditPageProps> = (props) => {
  const view: FormView = { values: props.values, errors: props.errors, schema: editSchema };
  return (
    <div class="submission">
      <ErrorSummary errors={errorLinks(editItems, props.errors)} />
      <p class="back-link">
        <a href={contributionAdminPath(props.contribution.id)}>Zurück zum Beitrag, ohne zu speichern</a>
      </p>
      <h1>„{props.contribution.title}“ bearbeiten</h1>
      <p class="lead">
        Sie bearbeiten Fassung {props.baseVersion}. Speichert jemand anderes in der Zwischenzeit, sehen Sie beide Fassungen und entscheiden, welche gilt.
      </p>
      {props.notice ? (
        <div class="notice" role="status">
          {props.notice}
        </div>
      ) : null}
      <form method="post" action={editPath(props.contribution.id)} novalidate class="submission-form">
        {/* Enter in a text field presses the first submit button: that must be "Speichern", not "entfernen". */}
        <button type="submit" name={ACTION_FIELD} value="speichern" class="default-action" tabindex={-1} aria-hidden="true">
          Speichern
        </button>
        <CsrfField session={props.session} />
        <input type="hidden" name={VERSION_FIELD} value={String(props.baseVersion)} />
        {editSections.map((section) => (
          <section aria-labelledby={`abschnitt-${section.id}`}>
            <h2 id={`abschnitt-${section.id}`}>{section.title}</h2>
            <FormItems items={section.items} view={view} />
          </section>
        ))}
        <div class="form-actions">
          <button type="submit" name={ACTION_FIELD} value="speichern">
            Speichern
          </button>
        </div>
      </form>
    </div>
  );
};

export interface ConflictPageProps {
  session: SessionRecord;
  /** What is stored now (saved by someone else after the editor opened the form). */
  current: Contribution;
  baseVersion: number;
  /** The editor's version as typed. */
  values: FormValues;
  /** Differences from the stored version to the editor's version. */
  changes: readonly FieldChange[];
  /** Who saved the current version, and when. */
  savedBy: { actor: string; at: string } | null;
}

/** Both versions side by side; the editor chooses. Nothing has been saved yet. */
export const ConflictPage: FC<ConflictPageProps> = ({ session, current, baseVersion, values, changes, savedBy }) => (
  <>
    <h1>Der Beitrag wurde inzwischen geändert</h1>
    <div class="notice" role="status">
      <p>
        Ihre Änderungen wurden <strong>nicht</strong> gespeichert. Sie haben Fassung {baseVersion} bearbeitet; inzwischen gibt es Fassung {current.version}
        {savedBy ? ` (gespeichert von ${savedBy.actor} am ${formatDateTime(savedBy.at)})` : ''}. Bitte entscheiden Sie, welche Fassung gelten soll.
      </p>
    </div>
    <ChangesTable
      caption={`Unterschiede zwischen der gespeicherten Fassung ${current.version} und Ihrer Fassung`}
      beforeLabel={`Gespeichert (Fassung ${current.version})`}
      afterLabel="Ihre Fassung"
      changes={changes}
      emptyText="Keine Unterschiede: Ihre Fassung stimmt mit der gespeicherten überein."
    />
    <h2>Wie möchten Sie fortfahren?</h2>
    <div class="conflict-choices">
      <form method="post" action={editPath(current.id)}>
        <CsrfField session={session} />
        <input type="hidden" name={VERSION_FIELD} value={String(current.version)} />
        <HiddenValues values={values} />
        <button type="submit" name={ACTION_FIELD} value="speichern">
          Meine Fassung speichern
        </button>
        <p class="hint">Ersetzt die gespeicherte Fassung {current.version} durch Ihre; die andere bleibt in den Versionen erhalten.</p>
      </form>
      <form method="post" action={editPath(current.id)}>
        <CsrfField session={session} />
        <input type="hidden" name={VERSION_FIELD} value={String(current.version)} />
        <HiddenValues values={values} />
        <button type="submit" name={ACTION_FIELD} value="weiterbearbeiten" class="button-secondary">
          Meine Fassung weiter bearbeiten
        </button>
        <p class="hint">Öffnet das Formular mit Ihren Eingaben, auf Grundlage der gespeicherten Fassung {current.version}.</p>
      </form>
      <p>
        <a href={contributionAdminPath(current.id)}>Gespeicherte Fassung behalten und meine Änderungen verwerfen</a>
      </p>
    </div>
  </>
);
