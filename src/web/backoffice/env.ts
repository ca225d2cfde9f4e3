import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { Role } from '../../domain/user.ts';
import type { LoginDeps } from '../../app/auth/login.ts';
import type { EditorialDeps } from '../../app/editorial/deps.ts';
import type { ApiTokensRepository } from '../../storage/api-tokens-repository.ts';
import type { SessionRecord } from '../../storage/sessions-repository.ts';
import type { SimilarContent } from '../../search/types.ts';

/** What the back office needs; the composition root (src/app/context.ts) provides it. */
export interface BackOfficeDeps extends LoginDeps, EditorialDeps {
  /** API tokens of trusted systems, managed by admins. */
  apiTokens: ApiTokensRepository;
  /** Set Secure on cookies (and use the __Host- prefix): true whenever the site is served over https. */
  secureCookies: boolean;
  /** The search index, so likely duplicates among published contributions are found by their words too (optional in tests). */
  search?: SimilarContent;
}

export interface BackOfficeEnv {
  Variables: {
    /** The signed-in editor's session, or null for anonymous requests. */
    session: SessionRecord | null;
  };
}

export type BackOfficeContext = Context<BackOfficeEnv>;

/** Who may use a back-office route: anyone (login page), or at least the given role. */
export type RouteAccess = 'public' | Role;

/** Renders a back-office page (title, content, status, the navigation entry to mark as current); never cached. */
export type BackOfficePage = (c: BackOfficeContext, title: string, content: Child, status?: 200 | 400 | 401 | 403 | 404 | 409 | 429, current?: string) => Promise<Response>;
