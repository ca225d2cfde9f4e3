import type { ApiToken } from '../../domain/api-token.ts';
import type { ApiTokensRepository } from '../../storage/api-tokens-repository.ts';
import type { AuditLog } from '../../storage/audit-log.ts';
import type { Database } from '../../storage/database.ts';
import type { Actor } from '../editorial/deps.ts';

export type RevokeApiTokenOutcome = { ok: true; token: ApiToken } | { ok: false; code: 'token_not_found' | 'token_already_revoked' };

/** Revokes a token at once for every instance (they look tokens up in the database on each request); audit-logged. */
export async function revokeApiToken(deps: { db: Database; apiTokens: ApiTokensRepository; auditLog: AuditLog }, id: string, actor: Actor): Promise<RevokeApiTokenOutcome> {
  return deps.db.transaction(async (tx) => {
    const before = await deps.apiTokens.get(id, tx);
    if (!before) return { ok: false, code: 'token_not_found' } as const;
    const token = await deps.apiTokens.revoke(id, actor.label, tx);
    if (!token) return { ok: false, code: 'token_already_revoked' } as const;
    await deps.auditLog.record(
      {
        actorId: actor.id,
        actor: actor.label,
        action: 'api_token.revoke',
        entityType: 'api_token',
        entityId: id,
        before: { revokedAt: null },
        after: { revokedAt: token.revokedAt },
        detail: `„${token.name}“ (${token.prefix}…) widerrufen`,
      },
      tx,
    );
    return { ok: true, token } as const;
  });
}
