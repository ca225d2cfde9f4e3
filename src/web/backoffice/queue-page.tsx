import type { FC } from 'hono/jsx';
import { editorialStateLabels, editorialStates, kindLabels, type EditorialState } from '../../domain/contribution.ts';
import { germanMessage } from '../../domain/messages.ts';
import type { BulkItemResult, BulkTarget } from '../../app/editorial/bulk-transition.ts';
import type { QueueItem } from '../../storage/editorial-repository.ts';
import type { SessionRecord } from '../../storage/sessions-repository.ts';
import { Pagination } from '../start-page.tsx';
import { ErrorMessage, ErrorSummary, StateBadge, formatDateTime } from './components.tsx';
import { CsrfField, backOfficeBase } from './layout.tsx';

/** Which contributions the queue shows: the ones waiting for editors (default) or one state. */
export type QueueFilter = 'offen' | EditorialState;
export const openStates: readonly EditorialState[] = ['submitted', 'in_review'];

export const queuePath = (filter: QueueFilter, page = 1) => {
  const params = new URLSearchParams();
  if (filter !== 'offen') params.set('zustand', filter);
  if (page > 1) params.set('seite', String(page));
  const query = params.toString();
  return query ? `${backOfficeBase}?${query}` : backOfficeBase;
};

const bulkParticiples: Record<BulkTarget, string> = { published: 'veröffentlicht', archived: 'archiviert' };

/** Why one item of a bulk action failed, in German. */
function failureText(result: BulkItemResult, to: BulkTarget): string {
  if (result.failure === 'transition_not_allowed' && result.state) {
    return `Ein Beitrag im Zustand „${editorialStateLabels[result.state]}“ kann nicht ${bulkParticiples[to]} werden.`;
  }
  return germanMessage(result.failure ?? 'not_found');
}

const BulkReport: FC<{ to: BulkTarget; results: BulkItemResult[] }> = ({ to, results }) => {
  const done = results.filter((r) => !r.failure);
  const failed = results.filter((r) => r.failure);
  return (
    <div role="status" class="notice bulk-report">
      <h2>Ergebnis der Sammelaktion</h2>
      <p>
        {done.length} von {results.length} {results.length === 1 ? 'Beitrag' : 'Beiträgen'} {bulkParticiples[to]}.
      </p>
      {done.length ? (
        <>
          <h3>Erledigt</h3>
          <ul>
            {done.map((r) => (
              <li>
                <a href={`${backOfficeBase}/beitraege/${r.id}`}>{r.title}</a>: {bulkParticiples[to]}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {failed.length ? (
        <>
          <h3>Nicht erledigt</h3>
          <ul>
            {failed.map((r) => (
              <li>
                <a href={`${backOfficeBase}/beitraege/${r.id}`}>{r.title}</a>: {failureText(r, to)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
};

export interface QueuePageProps {
  session: SessionRecord;
  filter: QueueFilter;
  page: number;
  pageCount: number;
  items: QueueItem[];
  total: number;
  counts: Record<EditorialState, number>;
  report?: { to: BulkTarget; results: BulkItemResult[] };
  /** A bulk action sent without a selection. */
  selectionError?: string;
}

const filterLabel = (filter: QueueFilter) => (filter === 'offen' ? 'eingereicht und in Prüfung' : editorialStateLabels[filter]);

export const QueuePage: FC<QueuePageProps> = (props) => {
  const { filter, items, counts } = props;
  const filters: QueueFilter[] = ['offen', ...editorialStates];
  const countOf = (f: QueueFilter) => (f === 'offen' ? openStates.reduce((sum, s) => sum + counts[s], 0) : counts[f]);
  const checkboxId = (i: number) => (i === 0 ? 'auswahl' : `auswahl-${i + 1}`);
  return (
    <>
      {props.selectionError ? <ErrorSummary errors={[{ path: 'auswahl', message: props.selectionError }]} /> : null}
      <h1>Prüfliste</h1>
      {props.report ? <BulkReport to={props.report.to} results={props.report.results} /> : null}
      <nav aria-label="Beiträge nach Zustand" class="state-filter">
        <ul>
          {filters.map((f) => (
            <li>
              <a href={queuePath(f)} aria-current={f === filter ? 'page' : undefined}>
                {f === 'offen' ? 'Zu prüfen' : editorialStateLabels[f]} ({countOf(f).toLocaleString('de-DE')})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {items.length === 0 ? (
        <p>Keine Beiträge im Zustand „{filterLabel(filter)}“.</p>
      ) : (
        <form method="post" action={`${backOfficeBase}/sammelaktion`}>
          <CsrfField session={props.session} />
          <input type="hidden" name="zustand" value={filter} />
          <input type="hidden" name="seite" value={String(props.page)} />
          <div class={props.selectionError ? 'field-error' : undefined}>
            <ErrorMessage id="auswahl" messages={props.selectionError ? [props.selectionError] : []} />
            <div class="table-scroll">
              <table>
                <caption>
                  Beiträge „{filterLabel(filter)}“, neueste zuerst: {props.total.toLocaleString('de-DE')}
                  {props.pageCount > 1 ? `, Seite ${props.page} von ${props.pageCount}` : ''}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Auswahl</th>
                    <th scope="col">Titel</th>
                    <th scope="col">Zustand</th>
                    <th scope="col">Vorgangsnummer</th>
                    <th scope="col">Art</th>
                    <th scope="col">Eingegangen</th>
                    <th scope="col">Eingereicht von</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item, i) => (
                    <tr>
                      <td>
                        <input type="checkbox" id={checkboxId(i)} name="beitrag" value={`${item.id}:${item.version}`} aria-describedby={props.selectionError ? 'auswahl-error' : undefined} />
                        <label for={checkboxId(i)} class="visually-hidden">
                          „{item.title}“ auswählen
                        </label>
                      </td>
                      <th scope="row">
                        <a href={`${backOfficeBase}/beitraege/${item.id}`}>{item.title}</a>
                      </th>
                      <td>
                        <StateBadge state={item.state} />
                      </td>
                      <td>{item.reference ?? '–'}</td>
                      <td>{kindLabels[item.kind]}</td>
                      <td>{formatDateTime(item.createdAt)}</td>
                      <td>{item.submitterName ?? '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
          <fieldset class="bulk-actions">
            <legend>Ausgewählte Beiträge</legend>
            <button type="submit" name="aktion" value="published">
              Veröffentlichen
            </button>{' '}
            <button type="submit" name="aktion" value="archived" class="button-secondary">
              Archivieren
            </button>
          </fieldset>
        </form>
      )}
      <Pagination page={props.page} pageCount={props.pageCount} pathFor={(p) => queuePath(filter, p)} label="Seiten der Prüfliste" />
    </>
  );
};
