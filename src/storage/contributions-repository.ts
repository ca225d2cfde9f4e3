import { randomUUID } from 'node:crypto';
import {
  ContributionContentSchema,
  withDerivedStatus,
  type Contribution,
  type ContributionContent,
  type EditorialState,
  type Provenance,
  type Revision,
} from '../domain/contribution.ts';
import { diffFields } from '../domain/diff.ts';
import { earliestDay, latestDay } from '../domain/partial-date.ts';
import { slugFromTitle } from '../domain/slug.ts';
import type { Database, Queryable } from './database.ts';
import { NotFoundError, VersionConflictError } from './errors.ts';

interface ContributionRow {
  id: string;
  slug: string;
  state: EditorialState;
  content: ContributionContent;
  provenance: Provenance | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  published_at: Date | null;
  reviewed_at: Date | null;
}

const COLUMNS = 'id, slug, state, content, provenance, version, created_at, updated_at, published_at, reviewed_at';

export interface CreateOptions {
  state: EditorialState;
  actor: string;
  provenance?: Provenance | null;
  note?: string | null;
}

export interface ChangeCursor {
  updatedAt: string;
  id: string;
}

export interface ListOptions {
  states?: readonly EditorialState[];
  limit: number;
  offset: number;
}

export type ContributionRepository = ReturnType<typeof createContributionRepository>;

export function createContributionRepository(db: Database) {
  async function create(content: ContributionContent, options: CreateOptions): Promise<Contribution> {
    const valid = ContributionContentSchema.parse(content);
    return db.transaction(async (tx) => {
      const id = randomUUID();
      const slug = await uniqueSlug(tx, slugFromTitle(valid.title));
      const rows = await tx.query<ContributionRow>(
        `INSERT INTO contributions (id, slug, kind, state, title, content, ${FILTER_COLUMN_NAMES}, provenance, source_hash, published_at)
         VALUES ($1, $2, $3, $4, $5, $6, ${FILTER_PLACEHOLDERS(7)}, $13, $14, CASE WHEN $4 = 'published' THEN now() END)
         RETURNING ${COLUMNS}`,
        [id, slug, valid.kind, options.state, valid.title, valid, ...filterColumns(valid), options.provenance ?? null, options.provenance?.contentHash ?? null],
      );
      const row = rows[0]!;
      await insertRevision(tx, row, diffFields({}, valid), options.actor, options.note ?? null);
      return toContribution(row);
    });
  }

  /**
   * Replaces the content if expectedVersion is still current. A stale version is refused
   * with VersionConflictError and changes nothing (optimistic concurrency).
   */
  async function update(id: string, expectedVersion: number, content: ContributionContent, actor: string, note: string | null = null): Promise<Contribution> {
    const valid = ContributionContentSchema.parse(content);
    return db.transaction(async (tx) => {
      const previous = await lockCurrent(tx, id, expectedVersion);
      const rows = await tx.query<ContributionRow>(
        `UPDATE contributions SET kind = $3, title = $4, content = $5, ${FILTER_ASSIGNMENTS(6)},
                version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2
         RETURNING ${COLUMNS}`,
        [id, expectedVersion, valid.kind, valid.title, valid, ...filterColumns(valid)],
      );
      const row = rows[0]!;
      await insertRevision(tx, row, diffFields(previous.content, valid), actor, note);
      return toContribution(row);
    });
  }

  /** Moves a contribution to another editorial state; same concurrency rule as update. */
  async function transition(id: string, expectedVersion: number, state: EditorialState, actor: string, note: string | null = null): Promise<Contribution> {
    return db.transaction(async (tx) => {
      const previous = await lockCurrent(tx, id, expectedVersion);
      const rows = await tx.query<ContributionRow>(
        `UPDATE contributions SET state = $3, version = version + 1, updated_at = now(),
                published_at = CASE WHEN $3 = 'published' THEN coalesce(published_at, now()) ELSE published_at END
         WHERE id = $1 AND version = $2
         RETURNING ${COLUMNS}`,
        [id, expectedVersion, state],
      );
      const row = rows[0]!;
      await insertRevision(tx, row, [{ path: 'state', before: previous.state, after: state }], actor, note);
      return toContribution(row);
    });
  }

  async function get(id: string): Promise<Contribution | null> {
    const rows = await db.query<ContributionRow>(`SELECT ${COLUMNS} FROM contributions WHERE id = $1`, [id]);
    return rows[0] ? toContribution(rows[0]) : null;
  }

  async function findBySlug(slug: string): Promise<Contribution | null> {
    const rows = await db.query<ContributionRow>(`SELECT ${COLUMNS} FROM contributions WHERE slug = $1`, [slug]);
    return rows[0] ? toContribution(rows[0]) : null;
  }

  async function findBySourceHash(hash: string): Promise<Contribution | null> {
    const rows = await db.query<ContributionRow>(`SELECT ${COLUMNS} FROM contributions WHERE source_hash = $1`, [hash]);
    return rows[0] ? toContribution(rows[0]) : null;
  }

  async function list(options: ListOptions): Promise<{ items: Contribution[]; total: number }> {
    const states = options.states ? [...options.states] : null;
    const [rows, counts] = await Promise.all([
      db.query<ContributionRow>(
        `SELECT ${COLUMNS} FROM contributions
         WHERE ($1::text[] IS NULL OR state = ANY($1::text[]))
         ORDER BY coalesce(published_at, created_at) DESC, id
         LIMIT $2 OFFSET $3`,
        [states, options.limit, options.offset],
      ),
      db.query<{ total: number }>(`SELECT count(*)::integer AS total FROM contributions WHERE ($1::text[] IS NULL OR state = ANY($1::text[]))`, [states]),
    ]);
    return { items: rows.map(toContribution), total: counts[0]?.total ?? 0 };
  }

  /** Every contribution in canonical order (creation time, then id): the basis of exports. */
  async function all(): Promise<Contribution[]> {
    const rows = await db.query<ContributionRow>(`SELECT ${COLUMNS} FROM contributions ORDER BY created_at, id`);
    return rows.map(toContribution);
  }

  async function findManyByIds(ids: readonly string[]): Promise<Contribution[]> {
    if (ids.length === 0) return [];
    const rows = await db.query<ContributionRow>(`SELECT ${COLUMNS} FROM contributions WHERE id = ANY($1::uuid[])`, [[...ids]]);
    return rows.map(toContribution);
  }

  /**
   * Contributions changed after a point in time, oldest change first, in pages: the feed that keeps
   * each instance's search index current. `after` is a cursor (updated_at, id) from the previous page.
   */
  async function changedSince(after: ChangeCursor | null, limit: number, states?: readonly EditorialState[]): Promise<{ items: Contribution[]; cursor: ChangeCursor | null }> {
    const rows = await db.query<ContributionRow>(
      `SELECT ${COLUMNS} FROM contributions
       WHERE ($1::timestamptz IS NULL OR (updated_at, id) > ($1::timestamptz, $2::uuid))
         AND ($4::text[] IS NULL OR state = ANY($4::text[]))
       ORDER BY updated_at, id
       LIMIT $3`,
      [after?.updatedAt ?? null, after?.id ?? '00000000-0000-0000-0000-000000000000', limit, states ? [...states] : null],
    );
    const last = rows[rows.length - 1];
    return { items: rows.map(toContribution), cursor: last ? { updatedAt: iso(last.updated_at), id: last.id } : after };
  }

  /** The database's clock, so cursors across instances never depend on a local clock. */
  async function now(): Promise<string> {
    const rows = await db.query<{ now: Date }>('SELECT now() AS now');
    return iso(rows[0]!.now);
  }

  async function revisions(id: string): Promise<Revision[]> {
    const rows = await db.query<{ version: number; actor: string; created_at: Date; changes: Revision['changes']; note: string | null }>(
      'SELECT version, actor, created_at, changes, note FROM contribution_revisions WHERE contribution_id = $1 ORDER BY version',
      [id],
    );
    return rows.map((r) => ({ contributionId: id, version: r.version, actor: r.actor, createdAt: iso(r.created_at), changes: r.changes, note: r.note }));
  }

  return {
    create,
    update,
    transition,
    get,
    findBySlug,
    findBySourceHash,
    findManyByIds,
    changedSince,
    now,
    list,
    all,
    revisions,
    listPublished: (page: { limit: number; offset: number }) => list({ ...page, states: ['published'] }),
    findPublishedBySlug: async (slug: string) => {
      const found = await findBySlug(slug);
      return found?.state === 'published' ? found : null;
    },
  };
}

/** Locks the row and checks the version inside the transaction, so a concurrent writer cannot slip in between. */
async function lockCurrent(tx: Queryable, id: string, expectedVersion: number): Promise<ContributionRow> {
  const rows = await tx.query<ContributionRow>(`SELECT ${COLUMNS} FROM contributions WHERE id = $1 FOR UPDATE`, [id]);
  const current = rows[0];
  if (!current) throw new NotFoundError(id);
  if (current.version !== expectedVersion) throw new VersionConflictError(id, expectedVersion, current.version);
  return current;
}

async function insertRevision(tx: Queryable, row: ContributionRow, changes: ReturnType<typeof diffFields>, actor: string, note: string | null): Promise<void> {
  await tx.query(
    `INSERT INTO contribution_revisions (contribution_id, version, actor, changes, snapshot, state, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [row.id, row.version, actor, JSON.stringify(changes), row.content, row.state, note],
  );
}

async function uniqueSlug(tx: Queryable, base: string): Promise<string> {
  const taken = new Set(
    (await tx.query<{ slug: string }>(`SELECT slug FROM contributions WHERE slug = $1 OR slug LIKE $2`, [base, `${base}-%`])).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

// Copies of content fields as columns, for filters and facets.
const FILTER_COLUMN_NAMES = 'period_start, period_end, leitbild_area, leitsaetze, sdgs, region_ids';
const FILTER_PLACEHOLDERS = (first: number) => Array.from({ length: 6 }, (_, i) => `$${first + i}`).join(', ');
const FILTER_ASSIGNMENTS = (first: number) =>
  FILTER_COLUMN_NAMES.split(', ')
    .map((name, i) => `${name} = $${first + i}`)
    .join(', ');

function filterColumns(content: ContributionContent): unknown[] {
  const { period, taxonomy, places } = content;
  return [
    period.start ? earliestDay(period.start) : null,
    period.end ? latestDay(period.end) : null,
    taxonomy.leitbildArea,
    taxonomy.leitsaetze,
    taxonomy.sdgs,
    [...new Set(places.flatMap((p) => (p.regionId ? [p.regionId] : [])))],
  ];
}

function toContribution(row: ContributionRow): Contribution {
  return withDerivedStatus({
    ...ContributionContentSchema.parse(row.content),
    id: row.id,
    slug: row.slug,
    state: row.state,
    version: row.version,
    provenance: row.provenance,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    publishedAt: row.published_at ? iso(row.published_at) : null,
    reviewedAt: row.reviewed_at ? iso(row.reviewed_at) : null,
  });
}

function iso(value: Date | string): string {
  return new Date(value).toISOString();
}
