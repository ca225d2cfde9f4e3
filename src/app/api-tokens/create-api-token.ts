import { z } from 'zod';
import { API_TOKEN_PREFIX, NewApiTokenSchema, type ApiToken } from '../../domain/api-token.ts';
import { toFieldErrors, type FieldError } from '../../domain/messages.ts';
import type { ApiTokensRepository } from '../../storage/api-tokens-repository.ts';
import type { AuditLog } from '../../storage/audit-log.ts';
import type { Database } from '../../storage/database.ts';
import type { Actor } from '../editorial/deps.ts';
import { newToken, tokenHash } from '../auth/session-tokens.ts';

export type CreateApiTokenOutcome = { ok: true; token: ApiToken; secret: string } | { ok: false; errors: FieldError[] };

/** How many characters of the secret are kept in clear to recognise a token ("bk_" and 6 more). */
const VISIBLE_PREFIX_LENGTH = API_TOKEN_PREFIX.length + 6;

/**
 * Creates an API token for a trusted system (admins in the back office, CLI `token add`). The
 * secret is returned once and only its SHA-256 is stored; the audit entry is written in the same
 * transaction.
 */
export async function createApiToken(
  deps: { db: Database; apiTokens: ApiTokensRepository; auditLog: AuditLog },
  input: z.input<typeof NewApiTokenSchema>,
  actor: Actor,
): Promise<CreateApiTokenOutcome> {
  const parsed = NewApiTokenSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: toFieldErrors(parsed.error) };
  const secret = `${API_TOKEN_PREFIX}${newToken()}`;
  const scopes = [...new Set(parsed.data.scopes)].sort();
  const token = await deps.db.transaction(async (tx) => {
    const created = await deps.apiTokens.create(
      {
        name: parsed.data.name,
        tokenHash: tokenHash(secret),
        prefix: secret.slice(0, VISIBLE_PREFIX_LENGTH),
        scopes,
        createdBy: actor.id,
        createdByLabel: actor.label,
        validDays: parsed.data.validDays,
      },
      tx,
    );
    await deps.auditLog.record(
      {
        actorId: actor.id,
        actor: actor.label,
        action: 'api_token.create',
        entityType: 'api_token',
        entityId: created.id,
        after: { name: created.name, prefix: created.prefix, scopes: created.scopes, expiresAt: created.expiresAt },
      },
      tx,
    );
    return created;
  });
  return { ok: true, token, secret };
}
