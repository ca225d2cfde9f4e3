import type { FC } from 'hono/jsx';
import type { StoredMail } from '../../notifications/mail.ts';
import type { AuditEntry } from '../../storage/audit-log.ts';
import { Pagination } from '../start-page.tsx';
import { FieldValue, formatDateTime } from './components.tsx';
import { contributionAdminPath } from './contribution-page.tsx';
import { backOfficeBase } from './layout.tsx';

export const outboxPath = `${backOfficeBase}/postausgang`;
export const auditPath = `${backOfficeBase}/protokoll`;

const purposeLabels: Record<string, string> = {
  submission_received: 'Eingangsbestätigung',
  submission_editor_notice: 'Hinweis an die Redaktion',
  contribution_published: 'Veröffentlichung',
  contribution_rejected: 'Ablehnung',
  comment_to_submitter: 'Nachricht an Einreichende*n',
};

export const OutboxPage: FC<{ items: StoredMail[]; total: number; unsent: number; page: number; pageCount: number }> = ({ items, total, unsent, page, pageCount }) => (
  <>
    <h1>Postausgang</h1>
    <p>
      Jede E-Mail der Plattform wird zuerst hier gespeichert. Ist kein E-Mail-Versand (SMTP) eingerichtet oder schlägt er fehl, bleibt sie hier als „nicht versendet“ stehen. Geben Sie
      solche Nachrichten dann bitte selbst weiter, damit keine verloren geht.
    </p>
    <p>
      <strong>{unsent === 0 ? 'Alle E-Mails sind versendet.' : unsent === 1 ? '1 E-Mail ist nicht versendet.' : `${unsent.toLocaleString('de-DE')} E-Mails sind nicht versendet.`}</strong>
    </p>
    {items.length === 0 ? (
      <p>Der Postausgang ist leer.</p>
    ) : (
      <div class="table-scroll">
        <table>
          <caption>
            E-Mails, nicht versendete zuerst: {total.toLocaleString('de-DE')}
            {pageCount > 1 ? `, Seite ${page} von ${pageCount}` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Betreff</th>
              <th scope="col">Status</th>
              <th scope="col">Empfänger*in</th>
              <th scope="col">Anlass</th>
              <th scope="col">Erstellt</th>
              <th scope="col">Inhalt</th>
            </tr>
          </thead>
          <tbody>
            {items.map((mail) => (
              <tr class={mail.sentAt ? undefined : 'unsent'}>
                <th scope="row">{mail.subject}</th>
                <td>
                  {mail.sentAt ? `versendet ${formatDateTime(mail.sentAt)}` : <strong>nicht versendet</strong>}
                  {mail.lastError ? (
                    <p class="error-message">
                      Fehler nach {mail.attempts} {mail.attempts === 1 ? 'Versuch' : 'Versuchen'}: {mail.lastError}
                    </p>
                  ) : null}
                </td>
                <td>
                  <a href={`mailto:${mail.to}`}>{mail.to}</a>
                </td>
                <td>{purposeLabels[mail.purpose] ?? mail.purpose}</td>
                <td>{formatDateTime(mail.createdAt)}</td>
                <td>
                  <details>
                    <summary>Text anzeigen</summary>
                    <pre class="mail-body">{mail.body}</pre>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
    <Pagination page={page} pageCount={pageCount} pathFor={(p) => (p > 1 ? `${outboxPath}?seite=${p}` : outboxPath)} label="Seiten des Postausgangs" />
  </>
);

export const auditEntityTypes: Record<string, string> = {
  contribution: 'Beiträge',
  user: 'Benutzerkonten',
  taxonomy: 'Taxonomie',
  setting: 'Einstellungen',
};

const actionLabels: Record<string, string> = {
  'submission.submit': 'über das Online-Formular eingereicht',
  'contribution.submit': 'eingereicht',
  'contribution.review': 'in Prüfung genommen',
  'contribution.publish': 'veröffentlicht',
  'contribution.reject': 'abgelehnt',
  'contribution.archive': 'archiviert',
  'contribution.draft': 'zum Entwurf gemacht',
  'contribution.restore': 'Fassung wiederhergestellt',
  'contribution.apply_suggestions': 'Vorschläge zur Einordnung übernommen',
  'contribution.comment': 'interner Kommentar',
  'contribution.comment_to_submitter': 'Kommentar an Einreichende*n',
  'contribution.confirm_current': 'als geprüft und aktuell vermerkt',
  'taxonomy.rename': 'umbenannt',
  'settings.update': 'Einstellung geändert',
  'user.create': 'Konto angelegt',
  'user.login': 'angemeldet',
  'user.login_failed': 'Anmeldung fehlgeschlagen',
};

/** Long values (e.g. a whole synonym list) stay folded so the table remains readable. */
const AuditValue: FC<{ value: unknown }> = ({ value }) =>
  value !== null && JSON.stringify(value).length > 300 ? (
    <details>
      <summary>Wert anzeigen</summary>
      <FieldValue value={value} />
    </details>
  ) : (
    <FieldValue value={value} />
  );

export interface AuditFilter {
  entityType: string;
  entityId: string;
}

export const auditQuery = (filter: AuditFilter, page: number) => {
  const params = new URLSearchParams();
  if (filter.entityType) params.set('bereich', filter.entityType);
  if (filter.entityId) params.set('kennung', filter.entityId);
  if (page > 1) params.set('seite', String(page));
  const query = params.toString();
  return query ? `${auditPath}?${query}` : auditPath;
};

export const AuditPage: FC<{ items: AuditEntry[]; total: number; filter: AuditFilter; page: number; pageCount: number }> = ({ items, total, filter, page, pageCount }) => (
  <>
    <h1>Protokoll</h1>
    <p>Jede Aktion der Redaktion: wer, wann, was, mit dem Zustand vorher und nachher.</p>
    <form method="get" action={auditPath} class="filter-form">
      <div class="field">
        <label for="bereich">Bereich</label>
        <select id="bereich" name="bereich">
          <option value="" selected={!filter.entityType}>
            Alle Bereiche
          </option>
          {Object.entries(auditEntityTypes).map(([value, label]) => (
            <option value={value} selected={filter.entityType === value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="kennung">Kennung des Objekts (z. B. die ID eines Beitrags)</label>
        <input id="kennung" name="kennung" type="text" value={filter.entityId} autocomplete="off" />
      </div>
      <button type="submit">Filtern</button>
    </form>
    {items.length === 0 ? (
      <p>Keine Einträge.</p>
    ) : (
      <div class="table-scroll">
        <table class="audit">
          <caption>
            Protokolleinträge, neueste zuerst: {total.toLocaleString('de-DE')}
            {pageCount > 1 ? `, Seite ${page} von ${pageCount}` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Zeitpunkt</th>
              <th scope="col">Wer</th>
              <th scope="col">Was</th>
              <th scope="col">Objekt</th>
              <th scope="col">Vorher</th>
              <th scope="col">Nachher</th>
              <th scope="col">Hinweis</th>
            </tr>
          </thead>
          <tbody>
            {items.map((entry) => (
              <tr>
                <th scope="row">{formatDateTime(entry.at)}</th>
                <td>{entry.actor}</td>
                <td>
                  {actionLabels[entry.action] ?? entry.action}
                  <br />
                  <code>{entry.action}</code>
                </td>
                <td>
                  {auditEntityTypes[entry.entityType] ?? entry.entityType}
                  {entry.entityId ? (
                    <>
                      <br />
                      {entry.entityType === 'contribution' ? <a href={contributionAdminPath(entry.entityId)}>{entry.entityId}</a> : <code>{entry.entityId}</code>}
                    </>
                  ) : null}
                </td>
                <td>
                  <AuditValue value={entry.before} />
                </td>
                <td>
                  <AuditValue value={entry.after} />
                </td>
                <td class="text">{entry.detail ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
    <Pagination page={page} pageCount={pageCount} pathFor={(p) => auditQuery(filter, p)} label="Seiten des Protokolls" />
  </>
);
