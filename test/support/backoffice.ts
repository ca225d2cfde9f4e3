// A web app with a real back office over a real test database (PGlite or PostgreSQL), plus
// helpers that log in as editor or admin through the login form, as a browser would.
import { createUser } from '../../src/app/auth/create-user.ts';
import type { Role } from '../../src/domain/user.ts';
import { createApiTokensRepository } from '../../src/storage/api-tokens-repository.ts';
import { createRateLimits } from '../../src/storage/rate-limits.ts';
import { createSessionsRepository } from '../../src/storage/sessions-repository.ts';
import { createUsersRepository } from '../../src/storage/users-repository.ts';
import { createWebApp } from '../../src/web/app.tsx';
import type { BackOfficeDeps } from '../../src/web/backoffice/env.ts';
import { createFakeCatalog, fixtureContributions } from './contributions.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';
import { createEditorialDeps } from './editorial.ts';
import { createFakeSearch } from './fake-search.ts';

export const ORIGIN = 'http://localhost';
export const PASSWORD = 'richtig-langes-passwort';

export interface Session {
  cookie: string;
  csrf: string;
}

export interface BackOfficeHarness {
  test: TestDatabase;
  deps: BackOfficeDeps;
  app: ReturnType<typeof createWebApp>;
  /** Creates (once) and logs in a user with this role; returns the session cookie and CSRF token. */
  loginAs(role: Role): Promise<Session>;
  /** Logs in through the form; null when the login was refused. */
  loginWith(email: string, password: string, extraCookie?: string): Promise<Session | null>;
  request(path: string, init?: { method?: 'GET' | 'POST'; form?: Record<string, string>; session?: Session | null; cookie?: string; origin?: string | null }): Promise<Response>;
  dispose(): Promise<void>;
}

export async function createBackOfficeHarness(engine: 'pglite' | 'postgres', options: { secureCookies?: boolean } = {}): Promise<BackOfficeHarness> {
  const test = await createTestDatabase(engine);
  const deps: BackOfficeDeps = {
    ...createEditorialDeps(test.db),
    users: createUsersRepository(test.db),
    sessions: createSessionsRepository(test.db),
    rateLimits: createRateLimits(test.db),
    apiTokens: createApiTokensRepository(test.db),
    secureCookies: options.secureCookies ?? false,
  };
  const app = createWebApp({
    catalog: createFakeCatalog(fixtureContributions),
    search: createFakeSearch(fixtureContributions),
    backOffice: deps,
    // The write API over the same database, so tokens issued in the back office can be used (no rate limits).
    apiAccess: {
      apiTokens: deps.apiTokens,
      rateLimits: deps.rateLimits,
      limits: { anonymousPerMinute: 0, tokenPerMinute: 0 },
      clientAddress: () => '127.0.0.1',
      writes: { db: deps.db, contributions: deps.contributions, auditLog: deps.auditLog },
    },
  });
  const created = new Set<Role>();

  const request: BackOfficeHarness['request'] = (path, init = {}) => {
    const headers: Record<string, string> = {};
    const cookies = [init.session?.cookie, init.cookie].filter(Boolean);
    if (cookies.length) headers.Cookie = cookies.join('; ');
    const method = init.method ?? (init.form ? 'POST' : 'GET');
    if (method === 'POST' && init.origin !== null) headers.Origin = init.origin ?? ORIGIN;
    let body: URLSearchParams | undefined;
    if (init.form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams({ ...(init.session ? { _csrf: init.session.csrf } : {}), ...init.form });
    }
    return Promise.resolve(app.request(`${ORIGIN}${path}`, { method, headers, body }));
  };

  async function loginAs(role: Role): Promise<Session> {
    const email = `${role}@example.org`;
    if (!created.has(role)) {
      const outcome = await createUser(deps, { email, name: role === 'admin' ? 'Ada Admin' : 'Erika Redakteurin', role, password: PASSWORD }, { id: null, label: 'test' });
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
      created.add(role);
    }
    const session = await loginWith(email, PASSWORD);
    if (!session) throw new Error(`login as ${role} failed`);
    return session;
  }

  async function loginWith(email: string, password: string, extraCookie?: string): Promise<Session | null> {
    const form = await request('/redaktion/anmelden');
    const loginCsrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
    const loginCookie = cookieFrom(form, 'baukasten_login_csrf')!;
    const response = await request('/redaktion/anmelden', { form: { email, password, _csrf: loginCsrf }, cookie: [loginCookie, extraCookie].filter(Boolean).join('; ') });
    if (response.status !== 303) return null;
    const cookie = cookieFrom(response, 'baukasten_session') ?? cookieFrom(response, '__Host-baukasten_session')!;
    const home = await request('/redaktion', { cookie });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await home.text())?.[1];
    return { cookie, csrf: csrf! };
  }

  return { test, deps, app, loginAs, loginWith, request, dispose: () => test.dispose() };
}

/** "name=value" of a Set-Cookie header of the response, or null. */
export function cookieFrom(response: Response, name: string): string | null {
  for (const header of response.headers.getSetCookie()) {
    if (header.startsWith(`${name}=`)) return header.split(';')[0]!;
  }
  return null;
}
