import type { FC } from 'hono/jsx';
import { contentKeys, editorialStateLabels, sourceFormatLabels, type Contribution, type EditorialState, type Revision } from '../../domain/contribution.ts';
import { allowedTransitions, transitionLabels } from '../../domain/editorial-workflow.ts';
import type { FieldError } from '../../domain/messages.ts';
import type { Submitter } from '../../domain/submission.ts';
import type { TaxonomyNames } from '../../domain/taxonomy.ts';
import type { DuplicateMatch } from '../../app/duplicates/find-duplicates.ts';
import type { Suggestions } from '../../suggestions/suggest.ts';
import type { ContributionComment } from '../../storage/editorial-repository.ts';
import type { SessionRecord } from '../../storage/sessions-repository.ts';
import { contributionPath } from '../start-page.tsx';
import { ChangesTable, ErrorMessage, ErrorSummary, FieldValue, StateBadge, StatusMessage, TextArea, fieldLabel, formatDateTime, pathLabel } from './components.tsx';
import { CsrfField, backOfficeBase } from './layout.tsx';
import { DuplicatesSection, SuggestionsSection, emptySelection, type SuggestionSelection } from './suggestions-section.tsx';

export const contributionAdminPath = (id: string) => `${backOfficeBase}/beitraege/${id}`;
export const revisionPath = (id: string, version: number) => `${contributionAdminPath(id)}/versionen/${version}`;


/** Form values typed into the page's forms, shown again after an error. */
export interface ContributionFormState {
  errors: FieldError[];
  reason: string;
  comment: { body: string; toSubmitter: boolean };
  suggestions: SuggestionSelection;
}
export const emptyFormState: ContributionFormState = { errors: [], reason: '', comment: { body: '', toSubmitter: false }, suggestions: emptySelection };

export interface ContributionPageProps {
  session: SessionRecord;
  contribution: Contribution;
  reference: string | null;
  submitter: Submitter | null;
  comments: ContributionComment[];
  revisions: Revision[];
  /** What was just done (after a redirect), for the status message. */
  notice: string | null;
  form: ContributionFormState;
  /** Suggested classification (src/suggestions), shown for confirmation. */
  suggestions: Suggestions;
  names: TaxonomyNames;
  /** Existing contributions that are likely the same. */
  duplicates: DuplicateMatch[];
}

const ActionForms: FC<{ props: ContributionPageProps }> = ({ props }) => {
  const { contribution, session, form } = props;
  const targets = allowedTransitions[contribution.state];
  const action = `${contributionAdminPath(contribution.id)}/zustand`;
  const reasonErrors = form.errors.filter((e) => e.path === 'reason').map((e) => e.message);
  return (
    <section aria-labelledby="naechste-schritte">
      <h2 id="naechste-schritte" tabindex={-1}>
        Nächste Schritte
      </h2>
      <p>
        Der Beitrag ist <StateBadge state={contribution.state} />.
      </p>
      <div class="actions">
        {targets
          .filter((to) => to !== 'rejected')
          .map((to) => (
            <form method="post" action={action}>
              <CsrfField session={session} />
              <input type="hidden" name="version" value={String(contribution.version)} />
              <input type="hidden" name="ziel" value={to} />
              <button type="submit" class={to === 'published' || to === 'in_review' ? undefined : 'button-secondary'}>
                {transitionLabels[to]}
              </button>
            </form>
          ))}
      </div>
      {targets.includes('rejected') ? (
        <form method="post" action={action} class="stack reject-form" novalidate>
          <CsrfField session={session} />
          <input type="hidden" name="version" value={String(contribution.version)} />
          <input type="hidden" name="ziel" value="rejected" />
          <TextArea
            id="reason"
            label="Begründung der Ablehnung"
            hint={props.submitter ? 'Die Begründung wird der*dem Einreichenden per E-Mail mitgeteilt.' : 'Die Begründung wird in der Versionsgeschichte gespeichert.'}
            value={form.reason}
            errors={reasonErrors}
            rows={4}
          />
          <button type="submit" class="button-warning">
            Ablehnen
          </button>
        </form>
      ) : null}
    </section>
  );
};

const CommentSection: FC<{ props: ContributionPageProps }> = ({ props }) => {
  const { comments, form, submitter } = props;
  const errorsOf = (path: string) => form.errors.filter((e) => e.path === path).map((e) => e.message);
  const recipientErrors = errorsOf('toSubmitter');
  return (
    <section aria-labelledby="kommentare">
      <h2 id="kommentare">Kommentare</h2>
      {comments.length === 0 ? (
        <p>Noch keine Kommentare.</p>
      ) : (
        <ol class="comments">
          {comments.map((comment) => (
            <li>
              <p class="meta">
                {comment.authorName}, {formatDateTime(comment.createdAt)} ·{' '}
                {comment.toSubmitter ? 'an die*den Einreichende*n gesendet' : 'intern'}
              </p>
              <p class="text">{comment.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form method="post" action={`${contributionAdminPath(props.contribution.id)}/kommentare`} class="stack" novalidate>
        <CsrfField session={props.session} />
        <TextArea id="body" label="Neuer Kommentar" value={form.comment.body} errors={errorsOf('body')} rows={4} />
        <fieldset class={recipientErrors.length ? 'field field-error' : 'field'} aria-describedby={recipientErrors.length ? 'toSubmitter-error' : undefined}>
          <legend>Wer soll den Kommentar lesen?</legend>
          <ErrorMessage id="toSubmitter" messages={recipientErrors} />
          <div class="choice">
            <input type="radio" id="toSubmitter" name="toSubmitter" value="nein" checked={!form.comment.toSubmitter} />
            <label for="toSubmitter">Nur die Redaktion (intern)</label>
          </div>
          <div class="choice">
            <input type="radio" id="toSubmitter-ja" name="toSubmitter" value="ja" checked={form.comment.toSubmitter} />
            <label for="toSubmitter-ja">
              {submitter ? `Auch ${submitter.name} (per E-Mail an ${submitter.email})` : 'Auch die*der Einreichende (per E-Mail)'}
            </label>
          </div>
        </fieldset>
        <button type="submit">Kommentar speichern</button>
      </form>
    </section>
  );
};

const RevisionTable: FC<{ contribution: Contribution; revisions: Revision[] }> = ({ contribution, revisions }) => (
  <section aria-labelledby="versionen">
    <h2 id="versionen">Versionen</h2>
    <div class="table-scroll">
      <table>
        <caption>Versionsgeschichte, neueste zuerst</caption>
        <thead>
          <tr>
            <th scope="col">Fassung</th>
            <th scope="col">Zeitpunkt</th>
            <th scope="col">Von</th>
            <th scope="col">Geänderte Felder</th>
            <th scope="col">Notiz</th>
          </tr>
        </thead>
        <tbody>
          {[...revisions].reverse().map((revision) => (
            <tr>
              <th scope="row">
                <a href={revisionPath(contribution.id, revision.version)}>Fassung {revision.version}</a>
                {revision.version === contribution.version ? ' (aktuell)' : ''}
              </th>
              <td>{formatDateTime(revision.createdAt)}</td>
              <td>{revision.actor}</td>
              <td>{revision.version === 1 ? 'erste Fassung' : revision.changes.map((change) => pathLabel(change.path)).join(', ') || 'keine'}</td>
              <td>{revision.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  </section>
);

export const ContributionPage: FC<ContributionPageProps> = (props) => {
  const { contribution: c, submitter } = props;
  return (
    <>
      {props.form.errors.length ? <ErrorSummary errors={props.form.errors} /> : null}
      <p class="back-link">
        <a href={backOfficeBase}>Zurück zur Prüfliste</a>
      </p>
      <h1>{c.title}</h1>
      {props.notice ? <StatusMessage>{props.notice}</StatusMessage> : null}
      <DuplicatesSection duplicates={props.duplicates} />
      <p>
        <a href={`${contributionAdminPath(c.id)}/bearbeiten`}>
          Inhalt bearbeiten
        </a>
      </p>
      <dl class="facts">
        <dt>Zustand</dt>
        <dd>
          <StateBadge state={c.state} />
        </dd>
        <dt>Vorgangsnummer</dt>
        <dd>{props.reference ?? 'keines (nicht über das Formular eingereicht)'}</dd>
        <dt>Fassung</dt>
        <dd>{c.version}</dd>
        <dt>Angelegt</dt>
        <dd>{formatDateTime(c.createdAt)}</dd>
        <dt>Zuletzt geändert</dt>
        <dd>{formatDateTime(c.updatedAt)}</dd>
        <dt>Veröffentlicht</dt>
        <dd>{c.publishedAt ? formatDateTime(c.publishedAt) : 'noch nie'}</dd>
        <dt>Zuletzt geprüft</dt>
        <dd>{c.reviewedAt ? formatDateTime(c.reviewedAt) : 'noch nie'}</dd>
        {c.state === 'published' ? (
          <>
            <dt>Öffentliche Seite</dt>
            <dd>
              <a href={contributionPath(c.slug)}>{contributionPath(c.slug)}</a>
            </dd>
          </>
        ) : null}
      </dl>
      <h2>Eingereicht von</h2>
      {submitter ? (
        <p>
          {submitter.name}, <a href={`mailto:${submitter.email}`}>{submitter.email}</a>
        </p>
      ) : (
        <p>Keine Angaben: Der Beitrag wurde nicht über das Online-Formular eingereicht.</p>
      )}
      <h2>Herkunft</h2>
      {c.provenance ? (
        <>
        <dl class="facts">
          <dt>Quelle</dt>
          <dd>{sourceFormatLabels[c.provenance.format]}</dd>
          <dt>Datei</dt>
          <dd>{c.provenance.sourceFile ?? '–'}</dd>
          <dt>Übernommen</dt>
          <dd>{formatDateTime(c.provenance.importedAt)}</dd>
          <dt>Prüfsumme (SHA-256)</dt>
          <dd>
            <code>{c.provenance.contentHash ?? '–'}</code>
          </dd>
        </dl>
        {c.provenance.evidence?.length ? (
          <details class="evidence">
            <summary>Fundstellen im Dokument ({c.provenance.evidence.length})</summary>
            <table>
              <caption>Woher die übernommenen Angaben stammen</caption>
              <thead>
                <tr>
                  <th scope="col">Feld</th>
                  <th scope="col">Fundstelle im Dokument</th>
                  <th scope="col">Zeile</th>
                </tr>
              </thead>
              <tbody>
                {c.provenance.evidence.map((e) => (
                  <tr>
                    <th scope="row">{pathLabel(e.field.replace(/\.(\d+)(?=\.|$)/g, (_m, n: string) => `.${Number(n) + 1}`))}</th>
                    <td>
                      <q>{e.text}</q>
                    </td>
                    <td>{e.line ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        ) : null}
        </>
      ) : (
        <p>Keine Angaben zur Herkunft.</p>
      )}
      <ActionForms props={props} />
      <SuggestionsSection session={props.session} contribution={c} suggestions={props.suggestions} names={props.names} selection={props.form.suggestions} errors={props.form.errors} />
      <section aria-labelledby="inhalt-felder">
        <h2 id="inhalt-felder">Inhalt</h2>
        <dl class="values content-fields">
          {contentKeys.map((key) => (
            <>
              <dt>{fieldLabel(key)}</dt>
              <dd>
                <FieldValue value={c[key]} field={key} />
              </dd>
            </>
          ))}
        </dl>
      </section>
      <CommentSection props={props} />
      <RevisionTable contribution={c} revisions={props.revisions} />
    </>
  );
};

/** The German sentence for what was just done on the contribution page (?erledigt=…). */
export function noticeFor(done: string | undefined): string | null {
  if (!done) return null;
  if (done === 'kommentar') return 'Der Kommentar wurde gespeichert.';
  if (done === 'gespeichert') return 'Ihre Änderungen wurden als neue Fassung gespeichert.';
  if (done === 'unveraendert') return 'Es gab keine Änderungen; es wurde keine neue Fassung angelegt.';
  if (done === 'eingeordnet') return 'Die ausgewählten Vorschläge wurden als neue Fassung übernommen.';
  const restored = /^wiederhergestellt-(\d+)$/.exec(done);
  if (restored) return `Fassung ${restored[1]} wurde als neue Fassung wiederhergestellt.`;
  if (done in editorialStateLabels) return `Erledigt: Der Beitrag ist jetzt „${editorialStateLabels[done as EditorialState]}“.`;
  return null;
}

export interface RevisionPageProps {
  session: SessionRecord;
  contribution: Contribution;
  revision: Revision & { state: EditorialState };
  errors: FieldError[];
}

export const RevisionPage: FC<RevisionPageProps> = ({ session, contribution, revision, errors }) => {
  const previous = revision.version - 1;
  const canRestore = revision.version < contribution.version;
  return (
    <>
      {errors.length ? <ErrorSummary errors={errors} /> : null}
      <p class="back-link">
        <a href={contributionAdminPath(contribution.id)}>Zurück zum Beitrag „{contribution.title}“</a>
      </p>
      <h1>
        Fassung {revision.version} von „{contribution.title}“
      </h1>
      <dl class="facts">
        <dt>Zeitpunkt</dt>
        <dd>{formatDateTime(revision.createdAt)}</dd>
        <dt>Von</dt>
        <dd>{revision.actor}</dd>
        <dt>Zustand in dieser Fassung</dt>
        <dd>
          <StateBadge state={revision.state} />
        </dd>
        <dt>Notiz</dt>
        <dd>{revision.note ?? '–'}</dd>
      </dl>
      <ChangesTable
        caption={previous >= 1 ? `Änderungen gegenüber Fassung ${previous}` : 'Inhalt der ersten Fassung'}
        beforeLabel={previous >= 1 ? `Vorher (Fassung ${previous})` : 'Vorher'}
        afterLabel={`Nachher (Fassung ${revision.version})`}
        changes={revision.changes}
        emptyText="Keine Änderungen."
      />
      <nav aria-label="Weitere Fassungen" class="revision-nav">
        <ul>
          {previous >= 1 ? (
            <li>
              <a href={revisionPath(contribution.id, previous)}>Fassung {previous}</a>
            </li>
          ) : null}
          {revision.version < contribution.version ? (
            <li>
              <a href={revisionPath(contribution.id, revision.version + 1)}>Fassung {revision.version + 1}</a>
            </li>
          ) : null}
        </ul>
      </nav>
      {canRestore ? (
        <form method="post" action={`${revisionPath(contribution.id, revision.version)}/wiederherstellen`} class="stack">
          <h2>Wiederherstellen</h2>
          <p>Der Inhalt dieser Fassung wird als neue Fassung {contribution.version + 1} gespeichert. Der Zustand des Beitrags bleibt, die Geschichte bleibt vollständig erhalten.</p>
          <CsrfField session={session} />
          <input type="hidden" name="version" value={String(contribution.version)} />
          <button type="submit" id="wiederherstellen">
            Diese Fassung wiederherstellen
          </button>
        </form>
      ) : (
        <p>Dies ist die aktuelle Fassung.</p>
      )}
    </>
  );
};
