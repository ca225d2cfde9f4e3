import type { AuditLog } from '../../storage/audit-log.ts';
import type { ContributionRepository } from '../../storage/contributions-repository.ts';
import type { Database } from '../../storage/database.ts';
import type { DraftsRepository } from '../../storage/drafts-repository.ts';
import type { OutboxRepository } from '../../storage/outbox-repository.ts';
import type { RateLimits } from '../../storage/rate-limits.ts';

/** What the public submission needs; the composition root (src/app/context.ts) provides it. */
export interface SubmissionDeps {
  db: Database;
  drafts: DraftsRepository;
  contributions: ContributionRepository;
  rateLimits: RateLimits;
  auditLog: AuditLog;
  outbox: OutboxRepository;
  /** Where new submissions are announced (config.mail.editorsAddress); null: editors see them in the queue only. */
  editorsAddress: string | null;
  /** Public base URL for links in mails. */
  siteUrl: string;
}

/** A draft lives this long after its last change; the secret link stops working then. */
export const DRAFT_TTL_MS = 30 * 24 * 60 * 60_000;
/** Expired drafts are deleted this long after expiry; until then their link says "expired", not "unknown". */
export const DRAFT_PURGE_GRACE_MS = 14 * 24 * 60 * 60_000;
/** A person needs longer than this from starting the form to submitting it; scripts do not. */
export const MIN_FILL_MS = 5_000;
/** Submissions per client address and hour. */
export const SUBMISSIONS_PER_WINDOW = 5;
/** New drafts per client address and hour (a bound on junk drafts). */
export const DRAFT_STARTS_PER_WINDOW = 30;
export const RATE_WINDOW_MS = 60 * 60_000;

/** The actor named in the audit log and revisions for everything the public form does. */
export const SUBMISSION_ACTOR = 'Einreichung';
