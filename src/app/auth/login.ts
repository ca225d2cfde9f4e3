import type { User } from '../../domain/user.ts';
import type { AuditLog } from '../../storage/audit-log.ts';
import type { RateLimits } from '../../storage/rate-limits.ts';
import type { SessionsRepository } from '../../storage/sessions-repository.ts';
import { publicUser, type UsersRepository } from '../../storage/users-repository.ts';
import { verifyDecoy, verifyPassword } from './passwords.ts';
import { newToken, tokenHash } from './session-tokens.ts';

/** Account lockout: after this many consecutive failures the account is locked for LOCK_MS. */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MS = 15 * 60_000;
/** Back-off per client address: at most this many failed logins per window, whatever the accounts. */
export const MAX_FAILURES_PER_ADDRESS = 20;
export const ADDRESS_WINDOW_MS = 15 * 60_000;
export const SESSION_TTL_MS = 12 * 60 * 60_000;
export const SESSION_IDLE_MS = 2 * 60 * 60_000;

export type LoginOutcome =
  | { ok: true; user: User; sessionToken: string }
  | { ok: false; code: 'login_failed' | 'login_locked' | 'login_throttled' };

export interface LoginDeps {
  users: UsersRepository;
  sessions: SessionsRepository;
  rateLimits: RateLimits;
  auditLog: AuditLog;
}

/**
 * Checks the password and opens a NEW session (a session id from before the login is never
 * reused: no session fixation). Unknown address and wrong password get the same answer.
 */
export async function login(deps: LoginDeps, input: { email: string; password: string; clientAddress: string }): Promise<LoginOutcome> {
  const email = input.email.trim().toLowerCase();
  if ((await deps.rateLimits.count('login', input.clientAddress, ADDRESS_WINDOW_MS)) >= MAX_FAILURES_PER_ADDRESS) {
    return { ok: false, code: 'login_throttled' };
  }
  const user = await deps.users.findByEmail(email);
  const fail = async (code: 'login_failed' | 'login_locked', detail: string) => {
    await deps.rateLimits.record('login', input.clientAddress);
    await deps.auditLog.record({ actorId: user?.id ?? null, actor: email.slice(0, 254) || '(leer)', action: 'user.login_failed', entityType: 'user', entityId: user?.id ?? null, detail });
    return { ok: false as const, code };
  };
  if (!user || user.disabled) {
    await verifyDecoy(input.password);
    return fail('login_failed', user ? 'Konto deaktiviert' : 'Unbekannte E-Mail-Adresse');
  }
  if (user.lockedUntil && Date.parse(user.lockedUntil) > Date.now()) return fail('login_locked', 'Konto gesperrt');
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await deps.users.recordFailedLogin(user.id, LOCK_AFTER_FAILURES, LOCK_MS);
    return fail('login_failed', 'Falsches Passwort');
  }
  await deps.users.recordLogin(user.id);
  const sessionToken = newToken();
  await deps.sessions.create({ tokenHash: tokenHash(sessionToken), userId: user.id, csrfToken: newToken(), ttlMs: SESSION_TTL_MS });
  await deps.auditLog.record({ actorId: user.id, actor: `${user.name} <${user.email}>`, action: 'user.login', entityType: 'user', entityId: user.id });
  return { ok: true, user: publicUser(user), sessionToken };
}

export async function logout(deps: Pick<LoginDeps, 'sessions'>, sessionToken: string): Promise<void> {
  await deps.sessions.remove(tokenHash(sessionToken));
}
