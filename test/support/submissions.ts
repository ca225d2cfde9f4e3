// A web app with the public submission form over a real test database, plus small readers for
// what a submission left in the database.
import type { SubmissionDeps } from '../../src/app/submissions/deps.ts';
import { draftTokenHash } from '../../src/app/submissions/draft-token.ts';
import { createAuditLog } from '../../src/storage/audit-log.ts';
import { createContributionRepository } from '../../src/storage/contributions-repository.ts';
import { createDraftsRepository } from '../../src/storage/drafts-repository.ts';
import { createOutboxRepository } from '../../src/storage/outbox-repository.ts';
import { createRateLimits } from '../../src/storage/rate-limits.ts';
import { createWebApp } from '../../src/web/app.tsx';
import { createFakeCatalog } from './contributions.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';
import { createFakeSearch } from './fake-search.ts';

export interface SubmissionHarness {
  test: TestDatabase;
  deps: SubmissionDeps;
  app: ReturnType<typeof createWebApp>;
  /** Pretends the draft was started long enough ago to pass the minimum fill time. */
  ageDraft(token: string, seconds?: number): Promise<void>;
  expireDraft(token: string): Promise<void>;
  /** Contributions that came in through the form: reference, title, state, submitter. */
  submitted(): Promise<Array<{ reference: string; title: string; state: string; submitter: { name: string; email: string } }>>;
  dispose(): Promise<void>;
}

export async function createSubmissionHarness(engine: 'pglite' | 'postgres' = 'pglite'): Promise<SubmissionHarness> {
  const test = await createTestDatabase(engine);
  const deps: SubmissionDeps = {
    db: test.db,
    drafts: createDraftsRepository(test.db),
    contributions: createContributionRepository(test.db),
    rateLimits: createRateLimits(test.db),
    auditLog: createAuditLog(test.db),
    outbox: createOutboxRepository(test.db),
    editorsAddress: 'redaktion@example.org',
    siteUrl: 'http://localhost',
  };
  const app = createWebApp({ catalog: createFakeCatalog(), search: createFakeSearch(), submissions: deps });
  return {
    test,
    deps,
    app,
    ageDraft: async (token, seconds = 60) => {
      await test.db.query('UPDATE submission_drafts SET created_at = now() - make_interval(secs => $2) WHERE token_hash = $1', [draftTokenHash(token), seconds]);
    },
    expireDraft: async (token) => {
      await test.db.query(`UPDATE submission_drafts SET expires_at = now() - interval '1 day' WHERE token_hash = $1`, [draftTokenHash(token)]);
    },
    submitted: () =>
      test.db.query(`SELECT reference, title, state, submitter FROM contributions WHERE provenance->>'format' = 'form' ORDER BY created_at, id`),
    dispose: () => test.dispose(),
  };
}
