import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Child } from 'hono/jsx';
import { germanMessage, type FieldError } from '../../domain/messages.ts';
import { actorLabel, roleLabels, roles, type Role } from '../../domain/user.ts';
import { createUser } from '../../app/auth/create-user.ts';
import { login, logout, SESSION_TTL_MS } from '../../app/auth/login.ts';
import { newToken } from '../../app/auth/session-tokens.ts';
import { clientAddress } from '../client-address.ts';
import type { PageMeta } from '../layout.tsx';
import type { BackOfficeContext, BackOfficeDeps, BackOfficeEnv, BackOfficePage } from './env.ts';
import { guardedRoutes, loadSession, sameString, sessionCookieName } from './guard.ts';
import { BackOfficeFrame, CsrfField, backOfficeBase } from './layout.tsx';
import { ErrorSummary, TextField } from './components.tsx';
import { registerEditorialRoutes } from './editorial-routes.tsx';
import { registerEditRoutes } from './edit-routes.tsx';
import { registerApiTokenRoutes } from './api-token-routes.tsx';

export type RenderPage = (c: BackOfficeContext, meta: PageMeta, content: Child, status?: 200 | 400 | 401 | 403 | 404 | 409 | 429) => Promise<Response>;

const LOGIN_CSRF_COOKIE = 'baukasten_login_csrf';
const loginPath = `${backOfficeBase}/anmelden`;

/** Only back-office paths are accepted as the page to return to after login (no open redirect). */
function safeReturnPath(raw: string | undefined): string {
  return raw && /^\/redaktion(\/[\w\-/.]*)?(\?[\w\-=&%.]*)?$/.test(raw) && !raw.includes('//') ? raw : backOfficeBase;
}

/**
 * The editorial back office under /redaktion: login, logout and the pages behind it. Every route
 * is registered with the role it needs (guardedRoutes), and every POST carries a CSRF token.
 */
export function createBackOfficeRoutes(deps: BackOfficeDeps, render: RenderPage) {
  const app = new Hono<BackOfficeEnv>();
  app.use(loadSession(deps));
  const cookieName = sessionCookieName(deps.secureCookies);
  const meta = (c: BackOfficeContext, title: string): PageMeta => ({ title, description: `Redaktion: ${title}`, canonicalUrl: new URL(c.req.url).href, noindex: true });
  const page: BackOfficePage = (c, title, content, status, current) => {
    // Back-office pages are personal: never stored by shared caches or the browser's back/forward cache.
    c.header('Cache-Control', 'no-store');
    return render(
      c,
      meta(c, title),
      <BackOfficeFrame session={c.var.session} current={current}>
        {content}
      </BackOfficeFrame>,
      status,
    );
  };

  const routes = guardedRoutes(app, (c, reason) => {
    if (reason === 'anonymous') {
      if (c.req.method === 'GET') return c.redirect(`${loginPath}?weiter=${encodeURIComponent(new URL(c.req.url).pathname + new URL(c.req.url).search)}`, 302);
      return page(c, 'Anmeldung erforderlich', <Denied title="Anmeldung erforderlich" text="Bitte melden Sie sich an. Ihre Sitzung ist abgelaufen oder Sie waren nicht angemeldet." />, 401);
    }
    if (reason === 'csrf') {
      return page(
        c,
        'Formular abgelaufen',
        <Denied title="Formular abgelaufen" text="Das Formular war nicht mehr gültig, deshalb wurde nichts gespeichert. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal." />,
        403,
      );
    }
    return page(c, 'Keine Berechtigung', <Denied title="Keine Berechtigung" text="Für diese Seite brauchen Sie die Rolle Administrator*in." />, 403);
  });

  routes.get('/anmelden', 'public', (c) => {
    if (c.var.session) return c.redirect(safeReturnPath(c.req.query('weiter')), 302);
    return loginPage(c, { email: '', error: null, returnTo: safeReturnPath(c.req.query('weiter')) });
  });

  routes.post('/anmelden', 'public', async (c) => {
    const form = await c.req.parseBody();
    const email = typeof form.email === 'string' ? form.email.slice(0, 254) : '';
    const password = typeof form.password === 'string' ? form.password.slice(0, 1000) : '';
    const returnTo = safeReturnPath(typeof form.weiter === 'string' ? form.weiter : undefined);
    // Login CSRF: the form's token must match the cookie set with the form (double submit).
    const cookieToken = getCookie(c, LOGIN_CSRF_COOKIE);
    if (!cookieToken || typeof form._csrf !== 'string' || !sameString(cookieToken, form._csrf)) {
      return loginPage(c, { email, error: 'Das Anmeldeformular war nicht mehr gültig. Bitte versuchen Sie es noch einmal.', returnTo }, 403);
    }
    const outcome = await login(deps, { email, password, clientAddress: clientAddress(c) });
    if (!outcome.ok) return loginPage(c, { email, error: germanMessage(outcome.code), returnTo }, outcome.code === 'login_throttled' ? 429 : 400);
    // A session from before the login is ended, never upgraded (session fixation).
    const previous = getCookie(c, cookieName);
    if (previous) await logout(deps, previous);
    setCookie(c, cookieName, outcome.sessionToken, { httpOnly: true, sameSite: 'Lax', secure: deps.secureCookies, path: '/', maxAge: SESSION_TTL_MS / 1000 });
    deleteCookie(c, LOGIN_CSRF_COOKIE, { path: loginPath, secure: deps.secureCookies });
    return c.redirect(returnTo, 303);
  });

  routes.post('/abmelden', 'editor', async (c) => {
    const token = getCookie(c, cookieName);
    if (token) await logout(deps, token);
    deleteCookie(c, cookieName, { path: '/', secure: deps.secureCookies });
    return c.redirect(`${loginPath}?abgemeldet=1`, 303);
  });

  registerEditorialRoutes(routes, deps, page);
  registerEditRoutes(routes, deps, page);
  registerApiTokenRoutes(routes, deps, page);

  routes.get('/benutzer', 'admin', async (c) => usersPage(c, { values: { email: '', name: '', role: 'editor' }, errors: [] }));

  routes.post('/benutzer', 'admin', async (c) => {
    const form = await c.req.parseBody();
    const field = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
    const values = { email: field('email'), name: field('name'), role: field('role') };
    const session = c.var.session!;
    const outcome = await createUser(deps, { ...values, role: values.role as Role, password: field('password') }, { id: session.user.id, label: actorLabel(session.user) });
    if (!outcome.ok) return usersPage(c, { values, errors: outcome.errors }, 400);
    return c.redirect(`${backOfficeBase}/benutzer?angelegt=1`, 303);
  });

  async function loginPage(c: BackOfficeContext, state: { email: string; error: string | null; returnTo: string }, status: 200 | 400 | 403 | 429 = 200) {
    const token = newToken();
    setCookie(c, LOGIN_CSRF_COOKIE, token, { httpOnly: true, sameSite: 'Strict', secure: deps.secureCookies, path: loginPath, maxAge: 60 * 60 });
    const loggedOut = c.req.query('abgemeldet') === '1';
    return page(
      c,
      'Anmeldung',
      <>
        {state.error ? <ErrorSummary errors={[{ path: 'email', message: state.error }]} /> : null}
        <h1>Anmeldung für die Redaktion</h1>
        {loggedOut ? <p role="status">Sie wurden abgemeldet.</p> : null}
        <form method="post" action={loginPath} class="stack" novalidate>
          <input type="hidden" name="_csrf" value={token} />
          <input type="hidden" name="weiter" value={state.returnTo} />
          <div class="field">
            <label for="email">E-Mail-Adresse</label>
            <input id="email" name="email" type="email" autocomplete="username" required value={state.email} aria-invalid={state.error ? 'true' : undefined} />
          </div>
          <div class="field">
            <label for="password">Passwort</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required />
          </div>
          <button type="submit">Anmelden</button>
        </form>
      </>,
      status,
    );
  }

  async function usersPage(c: BackOfficeContext, state: { values: { email: string; name: string; role: string }; errors: FieldError[] }, status: 200 | 400 = 200) {
    const users = await deps.users.list();
    const errorFor = (path: string) => state.errors.find((e) => e.path === path)?.message;
    const created = c.req.query('angelegt') === '1';
    return page(
      c,
      'Benutzerkonten',
      <>
        {state.errors.length ? <ErrorSummary errors={state.errors} /> : null}
        <h1>Benutzerkonten</h1>
        {created ? <p role="status">Das Konto wurde angelegt.</p> : null}
        <table>
          <caption>Konten der Redaktion</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-Mail-Adresse</th>
              <th scope="col">Rolle</th>
              <th scope="col">Letzte Anmeldung</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr>
                <td>{user.name}</td>
                <td>{user.email}</td>
                <td>{roleLabels[user.role]}</td>
                <td>{user.lastLoginAt ? new Date(user.lastLoginAt).toLocaleString('de-DE', { timeZone: 'Europe/Berlin' }) : 'noch nie'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>Konto anlegen</h2>
        <form method="post" action={`${backOfficeBase}/benutzer`} class="stack" novalidate>
          <CsrfField session={c.var.session!} />
          <TextField id="name" label="Name" value={state.values.name} error={errorFor('name')} autocomplete="off" />
          <TextField id="email" label="E-Mail-Adresse" type="email" value={state.values.email} error={errorFor('email')} autocomplete="off" />
          <div class="field">
            <label for="role">Rolle</label>
            <select id="role" name="role">
              {roles.map((role) => (
                <option value={role} selected={state.values.role === role}>
                  {roleLabels[role]}
                </option>
              ))}
            </select>
          </div>
          <TextField id="password" label="Passwort (mindestens 12 Zeichen)" type="password" value="" error={errorFor('password')} autocomplete="new-password" />
          <button type="submit">Konto anlegen</button>
        </form>
      </>,
      status,
      `${backOfficeBase}/benutzer`,
    );
  }

  return { app, table: routes.table };
}

const Denied = ({ title, text }: { title: string; text: string }) => (
  <>
    <h1>{title}</h1>
    <p>{text}</p>
    <p>
      <a href={loginPath}>Zur Anmeldung</a> · <a href="/">Zur öffentlichen Seite</a>
    </p>
  </>
);
