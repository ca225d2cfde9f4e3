import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackOfficeRoutes } from './routes.tsx';
import { LOCK_AFTER_FAILURES } from '../../app/auth/login.ts';
import { createBackOfficeHarness, cookieFrom, PASSWORD, type BackOfficeHarness, type Session } from '../../../test/support/backoffice.ts';
import { testEngines } from '../../../test/support/databases.ts';
import { textOf } from '../../../test/support/html.ts';

/** Every registered back-office route, with a placeholder for path parameters. */
function routeTable(harness: BackOfficeHarness) {
  const { table } = createBackOfficeRoutes(harness.deps, async () => new Response());
  return table.map((route) => ({ ...route, url: `/redaktion${route.path === '/' ? '' : route.path}`.replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000') }));
}

describe.each(testEngines)('back office on %s', (engine) => {
  let harness: BackOfficeHarness;
  let editor: Session;
  let admin: Session;

  beforeAll(async () => {
    harness = await createBackOfficeHarness(engine);
    editor = await harness.loginAs('editor');
    admin = await harness.loginAs('admin');
  });
  afterAll(() => harness.dispose());

  describe('role × route matrix', () => {
    it('refuses anonymous users on every route but the login page', async () => {
      const routes = routeTable(harness).filter((r) => r.access !== 'public');
      expect(routes.length).toBeGreaterThan(3);
      for (const route of routes) {
        const response = await harness.request(route.url, { method: route.method, form: route.method === 'POST' ? {} : undefined });
        if (route.method === 'GET') {
          expect(response.status, `${route.method} ${route.url}`).toBe(302);
          expect(response.headers.get('Location'), route.url).toMatch(/^\/redaktion\/anmelden\?weiter=/);
        } else {
          expect(response.status, `${route.method} ${route.url}`).toBe(401);
        }
      }
    });

    it('refuses editors where the admin role is required, and lets admins in', async () => {
      const adminRoutes = routeTable(harness).filter((r) => r.access === 'admin');
      expect(adminRoutes.length).toBeGreaterThan(0);
      for (const route of adminRoutes) {
        const response = await harness.request(route.url, { method: route.method, session: editor, form: route.method === 'POST' ? {} : undefined });
        expect(response.status, `${route.method} ${route.url} as editor`).toBe(403);
        expect(textOf(await response.text())).toContain('Keine Berechtigung');
      }
      for (const route of adminRoutes.filter((r) => r.method === 'GET' && !r.path.includes(':'))) {
        expect((await harness.request(route.url, { session: admin })).status, `${route.url} as admin`).toBe(200);
      }
    });

    it('lets editors use the editor routes', async () => {
      for (const route of routeTable(harness).filter((r) => r.access === 'editor' && r.method === 'GET' && !r.path.includes(':'))) {
        expect((await harness.request(route.url, { session: editor })).status, route.url).toBe(200);
      }
    });
  });

  describe('login', () => {
    it('rejects a wrong password with a German message and keeps the e-mail address typed', async () => {
      expect(await harness.loginWith('editor@example.org', 'falsches-passwort-123')).toBeNull();
      const form = await harness.request('/redaktion/anmelden');
      const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
      const response = await harness.request('/redaktion/anmelden', {
        form: { email: 'editor@example.org', password: 'falsch-falsch-falsch', _csrf: token },
        cookie: cookieFrom(form, 'baukasten_login_csrf')!,
      });
      const html = await response.text();
      expect(response.status).toBe(400);
      expect(textOf(html)).toContain('E-Mail-Adresse oder Passwort ist falsch.');
      expect(html).toContain('value="editor@example.org"');
      expect(html).not.toContain('falsch-falsch-falsch');
    });

    it('answers an unknown address exactly like a wrong password', async () => {
      expect(await harness.loginWith('niemand@example.org', PASSWORD)).toBeNull();
    });

    it('locks an account after repeated failures, even for the right password, and logs the attempts', async () => {
      const { createUser } = await import('../../app/auth/create-user.ts');
      await createUser(harness.deps, { email: 'opfer@example.org', name: 'Opfer', role: 'editor', password: PASSWORD }, { id: null, label: 'test' });
      for (let i = 0; i < LOCK_AFTER_FAILURES; i++) expect(await harness.loginWith('opfer@example.org', `falsch-${i}-xxxxxxxx`)).toBeNull();
      expect(await harness.loginWith('opfer@example.org', PASSWORD)).toBeNull();
      const log = await harness.deps.auditLog.list({ limit: 50, offset: 0, entityType: 'user' });
      expect(log.items.filter((e) => e.action === 'user.login_failed' && e.detail === 'Konto gesperrt')).toHaveLength(1);
    });

    it('refuses a login form without its CSRF cookie', async () => {
      const form = await harness.request('/redaktion/anmelden');
      const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
      const response = await harness.request('/redaktion/anmelden', { form: { email: 'editor@example.org', password: PASSWORD, _csrf: token } });
      expect(response.status).toBe(403);
      expect(cookieFrom(response, 'baukasten_session')).toBeNull();
    });

    it('stores passwords as argon2id hashes only', async () => {
      const rows = await harness.test.db.query<{ password_hash: string }>('SELECT password_hash FROM users');
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
        expect(row.password_hash).not.toContain(PASSWORD);
      }
    });
  });

  describe('sessions', () => {
    it('sets the session cookie HttpOnly and SameSite', async () => {
      const form = await harness.request('/redaktion/anmelden');
      const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
      const login = await harness.request('/redaktion/anmelden', { form: { email: 'editor@example.org', password: PASSWORD, _csrf: token }, cookie: cookieFrom(form, 'baukasten_login_csrf')! });
      const header = login.headers.getSetCookie().find((h) => h.startsWith('baukasten_session='))!;
      expect(header).toMatch(/HttpOnly/i);
      expect(header).toMatch(/SameSite=Lax/i);
      expect(header).toMatch(/Path=\//);
    });

    it('gives a new session id at login and ends the one sent before (no session fixation)', async () => {
      const before = await harness.loginAs('editor');
      const after = await harness.loginWith('admin@example.org', PASSWORD, before.cookie);
      expect(after).not.toBeNull();
      expect(after!.cookie).not.toBe(before.cookie);
      expect((await harness.request('/redaktion', { session: before })).status).toBe(302);
      expect((await harness.request('/redaktion', { session: after })).status).toBe(200);
    });

    it('ends the session on the server at logout', async () => {
      const session = await harness.loginAs('editor');
      const response = await harness.request('/redaktion/abmelden', { session, form: {} });
      expect(response.status).toBe(303);
      expect((await harness.request('/redaktion', { session })).status).toBe(302);
    });

    it('marks pages as not cacheable', async () => {
      const response = await harness.request('/redaktion', { session: editor });
      expect(response.headers.get('Cache-Control')).toBe('no-store');
    });
  });

  describe('CSRF', () => {
    it('refuses a POST without the session CSRF token and changes nothing', async () => {
      const before = (await harness.deps.users.list()).length;
      const response = await harness.request('/redaktion/benutzer', {
        session: { ...admin, csrf: 'falsch' },
        form: { email: 'neu@example.org', name: 'Neu', role: 'editor', password: PASSWORD },
      });
      expect(response.status).toBe(403);
      expect(textOf(await response.text())).toContain('Formular abgelaufen');
      expect((await harness.deps.users.list()).length).toBe(before);
    });

    it('refuses a form posted from another site even with a valid token', async () => {
      const before = (await harness.deps.users.list()).length;
      const response = await harness.request('/redaktion/benutzer', {
        session: admin,
        origin: 'https://angreifer.example',
        form: { email: 'neu2@example.org', name: 'Neu', role: 'editor', password: PASSWORD },
      });
      expect(response.status).toBe(403);
      expect(textOf(await response.text())).toContain('Anfrage abgelehnt');
      expect((await harness.deps.users.list()).length).toBe(before);
    });

    it('accepts the same form with the token from the same site', async () => {
      const response = await harness.request('/redaktion/benutzer', { session: admin, form: { email: 'neu3@example.org', name: 'Neu', role: 'editor', password: PASSWORD } });
      expect(response.status).toBe(303);
      expect((await harness.deps.users.findByEmail('neu3@example.org'))?.role).toBe('editor');
    });
  });

  it('shows field errors in German when an admin creates an invalid account, keeping what was typed', async () => {
    const response = await harness.request('/redaktion/benutzer', { session: admin, form: { email: 'kaputt', name: 'Karl <b>Kaputt</b>', role: 'editor', password: 'kurz' } });
    const html = await response.text();
    expect(response.status).toBe(400);
    expect(textOf(html)).toContain('Es gibt ein Problem');
    expect(textOf(html)).toContain('Bitte geben Sie eine gültige E-Mail-Adresse ein');
    expect(textOf(html)).toContain('Das Passwort muss mindestens 12 Zeichen lang sein.');
    expect(html).toContain('value="Karl &lt;b&gt;Kaputt&lt;/b&gt;"');
  });
});

describe('secure cookies behind TLS', () => {
  it('uses the __Host- prefix with Secure when the site runs on https', async () => {
    const harness = await createBackOfficeHarness('pglite', { secureCookies: true });
    try {
      await harness.loginAs('editor');
      const form = await harness.request('/redaktion/anmelden');
      const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
      const login = await harness.request('/redaktion/anmelden', { form: { email: 'editor@example.org', password: PASSWORD, _csrf: token }, cookie: cookieFrom(form, 'baukasten_login_csrf')! });
      const header = login.headers.getSetCookie().find((h) => h.startsWith('__Host-baukasten_session='));
      expect(header).toMatch(/Secure/);
      expect(header).toMatch(/HttpOnly/);
    } finally {
      await harness.dispose();
    }
  });
});
