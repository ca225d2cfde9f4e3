import { z } from 'zod';

/**
 * API tokens for trusted systems (issue 6): a name, the scopes it grants and an optional expiry.
 * `import` creates draft contributions (documents or canonical JSON); `edit` changes existing ones.
 */
export const apiScopes = ['import', 'edit'] as const;
export const ApiScopeSchema = z.enum(apiScopes);
export type ApiScope = z.infer<typeof ApiScopeSchema>;

export const apiScopeLabels: Record<ApiScope, string> = {
  import: 'Importieren (neue Beiträge als Entwurf anlegen)',
  edit: 'Bearbeiten (bestehende Beiträge ändern)',
};

/** Offered validity periods in days; null = until revoked. */
export const apiTokenValidityDays = [30, 90, 365] as const;

export const NewApiTokenSchema = z.object({
  name: z.string().trim().min(3, { error: 'token_name_too_short' }).max(100, { error: 'too_long' }),
  scopes: z.array(ApiScopeSchema, { error: 'token_scope_required' }).min(1, { error: 'token_scope_required' }),
  validDays: z.number({ error: 'token_validity_invalid' }).int({ error: 'token_validity_invalid' }).min(1, { error: 'token_validity_invalid' }).max(3650, { error: 'token_validity_invalid' }).nullable(),
});
export type NewApiToken = z.infer<typeof NewApiTokenSchema>;

export interface ApiToken {
  id: string;
  name: string;
  /** The first characters of the secret ("bk_a1B2c3"), to recognise it. */
  prefix: string;
  scopes: ApiScope[];
  createdByLabel: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  revokedByLabel: string | null;
}

/** Secrets start with this, so a leaked one is easy to recognise (e.g. by secret scanners). */
export const API_TOKEN_PREFIX = 'bk_';

export function tokenState(token: Pick<ApiToken, 'revokedAt' | 'expiresAt'>, now: Date = new Date()): 'active' | 'revoked' | 'expired' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= now.getTime()) return 'expired';
  return 'active';
}

/** How the token appears in audit entries and revisions. */
export const tokenActorLabel = (token: Pick<ApiToken, 'name' | 'prefix'>) => `API-Zugang „${token.name}“ (${token.prefix}…)`;
