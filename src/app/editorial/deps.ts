import type { Database } from '../../storage/database.ts';
import type { AuditLog } from '../../storage/audit-log.ts';
import type { ContributionRepository } from '../../storage/contributions-repository.ts';
import type { EditorialRepository } from '../../storage/editorial-repository.ts';
import type { OutboxRepository } from '../../storage/outbox-repository.ts';
import type { SettingsRepository } from '../../storage/settings-repository.ts';
import type { TaxonomyRepository } from '../../storage/taxonomy-repository.ts';

/** Who acts: the editor's user id and the label kept in revisions and the audit log. */
export interface Actor {
  id: string | null;
  label: string;
}

/** What the editorial operations need; each takes only the part it uses. */
export interface EditorialDeps {
  db: Database;
  contributions: ContributionRepository;
  editorial: EditorialRepository;
  auditLog: AuditLog;
  outbox: OutboxRepository;
  taxonomy: TaxonomyRepository;
  settings: SettingsRepository;
  /** Public base URL, for links in mails to submitters. */
  siteUrl: string;
}
