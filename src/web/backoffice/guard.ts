import { timingSafeEqual } from 'node:crypto';
import type { Hono, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { hasRole } from '../../domain/user.ts';
import { tokenHash } from '../../app/auth/session-tokens.ts';
import { SESSION_IDLE_MS } from '../../app/auth/login.ts';
import type { BackOfficeContext, BackOfficeDeps, BackOfficeEnv, RouteAccess } from './env.ts';

export const sessionCookieName = (secure: boolean) => (secure ? '__Host-baukasten_session' : 'baukasten_session');
export const CSRF_FIELD = '_csrf';
// last_seen_at is written at most this often, not on every request.
const TOUCH_EVERY_MS = 60_000;

/** Loads the session named by the cookie (if any) into c.var.session. */
export function loadSession(deps: BackOfficeDeps): MiddlewareHandler<BackOfficeEnv> {
  return async (c, next) => {
    const token = getCookie(c, sessionCookieName(deps.secureCookies));
    const session = token ? await deps.sessions.find(tokenHash(token), SESSION_IDLE_MS) : null;
    if (session && Date.now() - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS) await deps.sessions.touch(session.tokenHash);
    c.set('session', session);
    await next();
  };
}

/** One entry per back-office route with the access it requires: the role × route tests walk this table. */
export interface GuardedRoute {
  method: 'GET' | 'POST';
  path: string;
  access: RouteAccess;
}

/**
 * Registers back-office routes with their required access, so no route can be added without
 * saying who may use it. Every POST also needs the session's CSRF token (see checkCsrf).
 */
export function guardedRoutes(app: Hono<BackOfficeEnv>, onDenied: (c: BackOfficeContext, reason: 'anonymous' | 'forbidden' | 'csrf') => Response | Promise<Response>) {
  const table: GuardedRoute[] = [];
  const guard =
    (access: RouteAccess, method: 'GET' | 'POST'): MiddlewareHandler<BackOfficeEnv> =>
    async (c, next) => {
      if (access !== 'public') {
        const session = c.var.session;
        if (!session) return onDenied(c, 'anonymous');
        if (!hasRole(session.user, access)) return onDenied(c, 'forbidden');
        if (method === 'POST' && !(await csrfMatches(c, session.csrfToken))) return onDenied(c, 'csrf');
      }
      await next();
    };
  const add = (method: 'GET' | 'POST') => (path: string, access: RouteAccess, handler: (c: BackOfficeContext) => Response | Promise<Response>) => {
    table.push({ method, path, access });
    if (method === 'GET') app.get(path, guard(access, method), handler);
    else app.post(path, guard(access, method), handler);
  };
  return { get: add('GET'), post: add('POST'), table };
}

/** Synchronizer token: the form field (or X-CSRF-Token header) must equal the session's token. */
export async function csrfMatches(c: BackOfficeContext, expected: string): Promise<boolean> {
  let sent = c.req.header('X-CSRF-Token');
  if (!sent) {
    const type = c.req.header('Content-Type') ?? '';
    if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
      const value = (await c.req.parseBody())[CSRF_FIELD];
      sent = typeof value === 'string' ? value : undefined;
    }
  }
  return sent !== undefined && sameString(sent, expected);
}

export function sameString(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
