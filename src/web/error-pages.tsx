import type { FC } from 'hono/jsx';

export const NotFoundPage: FC = () => (
  <>
    <h1>Seite nicht gefunden</h1>
    <p>Unter dieser Adresse gibt es keine Seite. Vielleicht wurde der Beitrag umbenannt oder nicht mehr veröffentlicht.</p>
    <p>
      <a href="/">Zur Übersicht aller Beiträge</a>
    </p>
  </>
);

/** Deliberately says nothing about the cause: stack traces and internals stay in the server log. */
export const ServerErrorPage: FC = () => (
  <>
    <h1>Ein Fehler ist aufgetreten</h1>
    <p>Die Seite konnte gerade nicht angezeigt werden. Bitte versuchen Sie es in einigen Minuten noch einmal.</p>
    <p>
      <a href="/">Zur Übersicht aller Beiträge</a>
    </p>
  </>
);

/** A form sent from another site (or without Origin header) is refused before anything is stored. */
export const CrossSiteRequestPage: FC = () => (
  <>
    <h1>Anfrage abgelehnt</h1>
    <p>
      Das Formular wurde nicht von dieser Website aus abgeschickt, deshalb wurde nichts gespeichert. Bitte öffnen Sie die Seite
      direkt auf dieser Website und senden Sie das Formular dort erneut ab.
    </p>
    <p>
      <a href="/">Zur Startseite</a>
    </p>
  </>
);
