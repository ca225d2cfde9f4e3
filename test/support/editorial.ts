// The editorial operations' dependencies over one test database, and a submitted contribution to work on.
import { randomUUID } from 'node:crypto';
import type { EditorialDeps } from '../../src/app/editorial/deps.ts';
import { ContributionContentSchema, type ContributionContentInput, type EditorialState } from '../../src/domain/contribution.ts';
import { createAuditLog } from '../../src/storage/audit-log.ts';
import { createContributionRepository } from '../../src/storage/contributions-repository.ts';
import type { Database } from '../../src/storage/database.ts';
import { createEditorialRepository } from '../../src/storage/editorial-repository.ts';
import { createOutboxRepository } from '../../src/storage/outbox-repository.ts';
import { createSettingsRepository } from '../../src/storage/settings-repository.ts';
import { createTaxonomyRepository } from '../../src/storage/taxonomy-repository.ts';

export const SITE_URL = 'https://baukasten.example';

export function createEditorialDeps(db: Database): EditorialDeps {
  return {
    db,
    contributions: createContributionRepository(db),
    editorial: createEditorialRepository(db),
    auditLog: createAuditLog(db),
    outbox: createOutboxRepository(db),
    taxonomy: createTaxonomyRepository(db),
    settings: createSettingsRepository(db),
    siteUrl: SITE_URL,
  };
}

/** A contribution as the public form leaves it (reference number, submitter), in the given state. */
export async function createSubmitted(
  deps: Pick<EditorialDeps, 'contributions'>,
  content: ContributionContentInput,
  options: { state?: EditorialState; submitter?: { name: string; email: string } | null } = {},
) {
  const reference = `BK-2026-${randomUUID().slice(0, 8)}`;
  const contribution = await deps.contributions.create(ContributionContentSchema.parse(content), {
    state: options.state ?? 'submitted',
    actor: 'Einreichung',
    reference,
    submitter: options.submitter === undefined ? { name: 'Petra Einreicherin', email: 'petra@gemeinde.example' } : options.submitter,
  });
  return Object.assign(contribution, { reference });
}
