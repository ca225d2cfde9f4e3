import type { Context, MiddlewareHandler } from 'hono';
import { authenticateApiToken } from '../../app/api-tokens/authenticate-api-token.ts';
import type { ApiScope, ApiToken } from '../../domain/api-token.ts';
import type { ApiTokensRepository } from '../../storage/api-tokens-repository.ts';
import type { RateLimits } from '../../storage/rate-limits.ts';
import { problem } from './problem.ts';

/*
 * Who calls the API: anonymous readers (limited per client address) or trusted systems with an
 * API token (limited per token; scopes allow writes). Tokens and counters live in the database,
 * so every instance behind a load balancer applies the same revocations and the same limits.
 */

export interface ApiEnv {
  Variables: {
    /** The caller's API token, or null for anonymous requests. */
    token: ApiToken | null;
  };
}

export interface ApiRateLimits {
  /** Requests per minute and client address without a token; 0 = unlimited. */
  anonymousPerMinute: number;
  /** Requests per minute and token; 0 = unlimited. */
  tokenPerMinute: number;
}

export interface ApiAccessDeps {
  apiTokens: ApiTokensRepository;
  rateLimits: Pick<RateLimits, 'hit'>;
  limits: ApiRateLimits;
  clientAddress: (c: Context) => string;
}

const REALM = 'Nachhaltigkeitsbaukasten';
const WINDOW_MS = 60_000;

export const hasScope = (token: ApiToken, scope: ApiScope) => token.scopes.includes(scope);

const tokenProblems = {
  token_unknown: 'Der Zugangsschlüssel ist unbekannt.',
  token_revoked: 'Der Zugangsschlüssel wurde widerrufen.',
  token_expired: 'Der Zugangsschlüssel ist abgelaufen.',
} as const;

/** 401 with the challenge of RFC 6750; the header carries ASCII only, the German text is in the body. */
export function invalidToken(c: Context, detail: string, error: 'invalid_token' | 'invalid_request' | null = 'invalid_token'): Response {
  c.header('WWW-Authenticate', `Bearer realm="${REALM}"${error ? `, error="${error}"` : ''}`);
  return problem(c, 'invalid-token', detail);
}

/** Reads Authorization: Bearer … into c.var.token; a header that is present but not valid is refused, never ignored. */
export function authenticate(deps: ApiAccessDeps | null): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    c.set('token', null);
    const header = c.req.header('Authorization');
    if (header !== undefined) {
      const match = /^Bearer +(\S+) *$/i.exec(header);
      if (!match) return invalidToken(c, 'Erwartet wird die Kopfzeile „Authorization: Bearer <Zugangsschlüssel>“.', 'invalid_request');
      if (!deps) return invalidToken(c, 'Diese Instanz nimmt keine Zugangsschlüssel an; die Schnittstelle ist hier nur lesbar.');
      const outcome = await authenticateApiToken(deps, match[1]!);
      if (!outcome.ok) return invalidToken(c, tokenProblems[outcome.code]);
      c.set('token', outcome.token);
    }
    await next();
  };
}

/**
 * Fixed one-minute windows counted in the database (see RateLimits.hit). Every answer says the
 * limit and what is left (RateLimit-* headers); over the limit comes 429 with Retry-After.
 */
export function rateLimit(deps: ApiAccessDeps | null): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (!deps) return next();
    const token = c.get('token');
    const limit = token ? deps.limits.tokenPerMinute : deps.limits.anonymousPerMinute;
    if (limit <= 0) return next();
    const { count, resetAt } = await deps.rateLimits.hit(token ? 'api-token' : 'api-address', token ? token.id : deps.clientAddress(c), WINDOW_MS);
    const resetSeconds = Math.max(1, Math.ceil((resetAt.getTime() - Date.now()) / 1000));
    const headers = { 'RateLimit-Limit': String(limit), 'RateLimit-Remaining': String(Math.max(0, limit - count)), 'RateLimit-Reset': String(resetSeconds) };
    if (count > limit) {
      for (const [name, value] of Object.entries(headers)) c.header(name, value);
      c.header('Retry-After', String(resetSeconds));
      return problem(
        c,
        'rate-limited',
        token
          ? `Dieser Zugangsschlüssel darf ${limit} Anfragen je Minute stellen. Bitte in ${resetSeconds} Sekunden erneut versuchen.`
          : `Ohne Zugangsschlüssel sind ${limit} Anfragen je Minute und Adresse möglich. Bitte in ${resetSeconds} Sekunden erneut versuchen; für größere Mengen gibt es die Downloads unter /daten.`,
      );
    }
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  };
}

/** For write endpoints, before the body is read: the token must be there and carry the scope. */
export function requireScope(scope: ApiScope): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const token = c.get('token');
    if (!token) return invalidToken(c, `Dieser Endpunkt braucht einen Zugangsschlüssel mit der Berechtigung „${scope}“ (Authorization: Bearer …).`, null);
    if (!hasScope(token, scope)) {
      c.header('WWW-Authenticate', `Bearer realm="${REALM}", error="insufficient_scope", scope="${scope}"`);
      return problem(c, 'insufficient-scope', `Dem Zugangsschlüssel „${token.name}“ fehlt die Berechtigung „${scope}“.`);
    }
    await next();
  };
}
