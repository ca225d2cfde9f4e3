import { API_TOKEN_PREFIX, tokenState, type ApiToken } from '../../domain/api-token.ts';
import type { ApiTokensRepository } from '../../storage/api-tokens-repository.ts';
import { tokenHash } from '../auth/session-tokens.ts';

export type AuthenticateOutcome = { ok: true; token: ApiToken } | { ok: false; code: 'token_unknown' | 'token_revoked' | 'token_expired' };

// last_used_at is written at most this often per token, not on every request.
const TOUCH_EVERY_MS = 60_000;
const wellFormed = new RegExp(`^${API_TOKEN_PREFIX}[A-Za-z0-9_-]{43}$`);

/**
 * Looks the presented secret up by its hash on every request, so a revocation through any
 * instance takes effect everywhere at once (no token cache).
 */
export async function authenticateApiToken(deps: { apiTokens: ApiTokensRepository }, secret: string, now: Date = new Date()): Promise<AuthenticateOutcome> {
  if (!wellFormed.test(secret)) return { ok: false, code: 'token_unknown' };
  const token = await deps.apiTokens.findByHash(tokenHash(secret));
  if (!token) return { ok: false, code: 'token_unknown' };
  const state = tokenState(token, now);
  if (state === 'revoked') return { ok: false, code: 'token_revoked' };
  if (state === 'expired') return { ok: false, code: 'token_expired' };
  if (!token.lastUsedAt || now.getTime() - Date.parse(token.lastUsedAt) > TOUCH_EVERY_MS) await deps.apiTokens.touch(token.id);
  return { ok: true, token };
}
