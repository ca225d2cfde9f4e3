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
