import { randomUUID } from 'node:crypto';
import {
  ContributionContentSchema,
  withContentDefaults,
  withDerivedStatus,
  type Contribution,
  type ContributionContent,
  type EditorialState,
  type Provenance,
  type Revision,
} from '../domain/contribution.ts';
import { diffFields, type FieldChange } from '../domain/diff.ts';
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

const MIN_UUID = '00000000-0000-0000-0000-000000000000';

const COLUMNS = 'id, slug, state, content, provenance, version, created_at, updated_at, published_at, reviewed_at';

export interface CreateOptions {
  state: EditorialState;
  actor: string;
  provenance?: Provenance | null;
  note?: string | null;
  /** Public submissions: the reference number shown to the submitter ("BK-2026-00042"). */
  reference?: string | null;
  /** Public submissions: who submitted (not public). */
  submitter?: unknown;
}

export interface ChangeCursor {
  updatedAt: string;
  id: string;
}

/** Position in the publication order of published contributions (exports); publishedAt keeps microseconds. */
export interface PublishedCursor {
  publishedAt: string;
  id: string;
}

/** What identifies the current state of the published set, cheaply (conditional requests, dataset dates). */
export interface PublishedSummary {
  count: number;
  /** First publication of any contribution still published (ISO, milliseconds); null when none is. */
  firstPublishedAt: string | null;
  /** Newest update of a published contribution (ISO, milliseconds); null when none is published. */
  lastUpdatedAt: string | null;
  /**
   * Changes whenever the published set or anything exported of it changes (count, newest update and newest
   * currency check, with microseconds): the basis of the downloads' ETag.
   */
  changeMark: string;
}

export interface ListOptions {
  states?: readonly EditorialState[];
  limit: number;
  offset: number;
}

export interface DuplicateCandidate {
  id: string;
  /** With the id, identifies the text below (for caching what is derived from it). */
  version: number;
  /** Same title, ignoring case, umlaut spelling, accents, spaces and punctuation. */
  sameTitle: boolean;
  /** Same sponsor name, compared the same way; false when either has none. */
  sameSponsor: boolean;
}

/** The running text compared for duplicates (description, purpose, component texts, answers) of one version. */
export interface RunningText {
  id: string;
  version: number;
  text: string;
}

export type ContributionRepository = ReturnType<typeof createContributionRepository>;

export function createContributionRepository(db: Database) {
  /** Runs fn in the caller's transaction when one is given, otherwise in a new one. */
  const inTransaction = <T>(outerTx: Queryable | undefined, fn: (tx: Queryable) => Promise<T>) => (outerTx ? fn(outerTx) : db.transaction(fn));

  /** With tx, the contribution is written inside the caller's transaction (e.g. together with a submission's draft). */
  async function create(content: ContributionContent, options: CreateOptions, tx?: Queryable): Promise<Contribution> {
    const item = { content, provenance: options.provenance ?? null, reference: options.reference ?? null, submitter: options.submitter ?? null };
    const [created] = await createMany([item], options, tx);
    return created!;
  }

  /**
   * Stores many contributions with one set-based write statement (bulk import, benchmarks); all or
   * nothing. Each gets its revision 1.
   */
  async function createMany(
    items: ReadonlyArray<{ content: ContributionContent; provenance?: Provenance | null; reference?: string | null; submitter?: unknown }>,
    options: Omit<CreateOptions, 'provenance' | 'reference' | 'submitter'>,
    outerTx?: Queryable,
  ): Promise<Contribution[]> {
    const valid = items.map((item) => ({
      content: ContributionContentSchema.parse(item.content),
      provenance: item.provenance ?? null,
      reference: item.reference ?? null,
      submitter: item.submitter ?? null,
    }));
    if (valid.length === 0) return [];
    // The write is one statement (rows and revisions), atomic on its own; the slug lookup before it
    // only reads. So no explicit transaction is opened around them unless the caller has one; that
    // spares a bulk import two round trips per document. (A concurrent writer taking the same slug in
    // between is refused by the unique index either way.)
    const run = async (tx: Queryable) => {
      const slugs = await uniqueSlugs(tx, valid.map((item) => slugFromTitle(item.content.title)));
      const records = valid.map((item, i) => ({
        id: randomUUID(),
        slug: slugs[i],
        kind: item.content.kind,
        title: item.content.title,
        content: item.content,
        ...filterFields(item.content),
        provenance: item.provenance,
        source_hash: item.provenance?.contentHash ?? null,
        reference: item.reference,
        submitter: item.submitter,
      }));
      // One statement for the rows and their first revisions: the revision's snapshot is taken from the
      // inserted row in the database, and only the metadata comes back (the content is what was sent),
      // so the content crosses the connection once. This is the bulk import's hot path.
      const rows = await tx.query<Omit<ContributionRow, 'content' | 'provenance'>>(
        `WITH x AS (
           SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, slug text, kind text, title text, content jsonb, period_start date, period_end date,
                leitbild_area text, leitsaetze jsonb, sdgs jsonb, region_ids jsonb, provenance jsonb, source_hash text, reference text, submitter jsonb)
         ),
         inserted AS (
           INSERT INTO contributions (id, slug, kind, state, title, content, ${FILTER_COLUMN_NAMES}, provenance, source_hash, published_at, reference, submitter)
           SELECT x.id, x.slug, x.kind, $2, x.title, x.content, x.period_start, x.period_end, x.leitbild_area,
                  ARRAY(SELECT jsonb_array_elements_text(x.leitsaetze)::integer), ARRAY(SELECT jsonb_array_elements_text(x.sdgs)::integer),
                  ARRAY(SELECT jsonb_array_elements_text(x.region_ids)), x.provenance, x.source_hash,
                  CASE WHEN $2 = 'published' THEN now() END, x.reference, x.submitter
           FROM x
           RETURNING id, slug, state, version, content, created_at, updated_at, published_at, reviewed_at
         ),
         revisions AS (
           INSERT INTO contribution_revisions (contribution_id, version, actor, changes, snapshot, state, note)
           SELECT inserted.id, inserted.version, $3, '[]'::jsonb, inserted.content, inserted.state, $4
           FROM inserted JOIN x ON x.id = inserted.id
         )
         SELECT id, slug, state, version, created_at, updated_at, published_at, reviewed_at FROM inserted`,
        [JSON.stringify(records), options.state, options.actor, options.note ?? null],
      );
      const byId = new Map(rows.map((row) => [row.id, row]));
      return records.map((record) => toContribution({ ...byId.get(record.id)!, content: record.content, provenance: record.provenance }));
    };
    return run(outerTx ?? db);
  }

  /**
   * Replaces the content if expectedVersion is still current. A stale version is refused
   * with VersionConflictError and changes nothing (optimistic concurrency). With tx, it is part of the
   * caller's transaction (e.g. together with the audit entry).
   */
  async function update(id: string, expectedVersion: number, content: ContributionContent, actor: string, note: string | null = null, outerTx?: Queryable): Promise<Contribution> {
    const valid = ContributionContentSchema.parse(content);
    return inTransaction(outerTx, async (tx) => {
      const previous = await lockCurrent(tx, id, expectedVersion);
      const rows = await tx.query<ContributionRow>(
        `UPDATE contributions SET kind = $3, title = $4, content = $5, ${FILTER_ASSIGNMENTS(6)},
                version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2
         RETURNING ${COLUMNS}`,
        [id, expectedVersion, valid.kind, valid.title, valid, ...filterColumns(valid)],
      );
      const row = rows[0]!;
      await insertRevisions(tx, [{ row, changes: diffFields(previous.content, valid) }], actor, note);
      return toContribution(row);
    });
  }

  /** Moves a contribution to another editorial state; same concurrency rule as update. */
  async function transition(id: string, expectedVersion: number, state: EditorialState, actor: string, note: string | null = null, outerTx?: Queryable): Promise<Contribution> {
    return inTransaction(outerTx, async (tx) => {
      const previous = await lockCurrent(tx, id, expectedVersion);
      const rows = await tx.query<ContributionRow>(
        `UPDATE contributions SET state = $3, version = version + 1, updated_at = now(),
                published_at = CASE WHEN $3 = 'published' THEN coalesce(published_at, now()) ELSE published_at END
         WHERE id = $1 AND version = $2
         RETURNING ${COLUMNS}`,
        [id, expectedVersion, state],
      );
      const row = rows[0]!;
      await insertRevisions(tx, [{ row, changes: [{ path: 'state', before: previous.state, after: state }] }], actor, note);
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

  /**
   * Published contributions in publication order (published_at, then id), one page after the cursor:
   * the public exports read every published contribution this way without holding them all. A page
   * never repeats or skips a row that stays published; contributions published meanwhile come last.
   */
  async function publishedAfter(after: PublishedCursor | null, limit: number): Promise<{ items: Contribution[]; cursor: PublishedCursor | null }> {
    // The cursor keeps microseconds (see changedSince); condition and order match the partial index of migration 0008.
    const rows = await db.transaction(async (tx) => {
      // Without statistics (PGlite never gathers them) the planner guesses a handful of published rows and
      // chose a bitmap scan of *all* remaining published rows plus a sort, for every page. Reading the index
      // in order is right for any size, so the alternatives are ruled out for this one statement.
      await tx.query('SET LOCAL enable_sort = off');
      await tx.query('SET LOCAL enable_bitmapscan = off');
      return tx.query<ContributionRow & { cursor_at: string }>(
        `SELECT ${COLUMNS}, to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at FROM contributions
         WHERE state = 'published' AND (published_at, id) > ($1::timestamptz, $2::uuid)
         ORDER BY published_at, id
         LIMIT $3`,
        [after?.publishedAt ?? '-infinity', after?.id ?? MIN_UUID, limit],
      );
    });
    const last = rows[rows.length - 1];
    return { items: rows.map(toContribution), cursor: last ? { publishedAt: last.cursor_at, id: last.id } : after };
  }

  /** Every contribution in any state, by id, one page after the given id (operators' full export). */
  async function allAfter(afterId: string | null, limit: number): Promise<{ items: Contribution[]; cursor: string | null }> {
    const rows = await db.query<ContributionRow>(`SELECT ${COLUMNS} FROM contributions WHERE id > $1::uuid ORDER BY id LIMIT $2`, [afterId ?? MIN_UUID, limit]);
    return { items: rows.map(toContribution), cursor: rows[rows.length - 1]?.id ?? afterId };
  }

  /**
   * Count and dates of the published set, read from indexes and one pass over the published rows' heap
   * tuples (not their content). Any change to the set moves count, newest update or newest check: editing or
   * publishing raises updated_at, confirming currency raises reviewed_at (and leaves updated_at), and a
   * contribution that leaves the set lowers the count unless another one enters, whose transition raises
   * the newest update.
   */
  async function publishedSummary(): Promise<PublishedSummary> {
    const micro = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
    const rows = await db.query<{ count: number; first_published_at: Date | null; last_updated_at: Date | null; last_updated_mark: string | null; last_reviewed_mark: string | null }>(
      `SELECT totals.count, ${micro('totals.last_reviewed_at')} AS last_reviewed_mark,
              (SELECT published_at FROM contributions WHERE state = 'published' ORDER BY published_at, id LIMIT 1) AS first_published_at,
              newest.updated_at AS last_updated_at, ${micro('newest.updated_at')} AS last_updated_mark
       FROM (SELECT count(*)::integer AS count, max(reviewed_at) AS last_reviewed_at FROM contributions WHERE state = 'published') AS totals
       LEFT JOIN LATERAL (SELECT updated_at FROM contributions WHERE state = 'published' ORDER BY updated_at DESC, id DESC LIMIT 1) AS newest ON true`,
    );
    const row = rows[0]!;
    return {
      count: row.count,
      firstPublishedAt: row.first_published_at ? iso(row.first_published_at) : null,
      lastUpdatedAt: row.last_updated_at ? iso(row.last_updated_at) : null,
      changeMark: `${row.count}/${row.last_updated_mark ?? '-'}/${row.last_reviewed_mark ?? '-'}`,
    };
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
  async function changedSince(after: ChangeCursor | null, limit: number): Promise<{ items: Contribution[]; cursor: ChangeCursor | null }> {
    // The cursor keeps microseconds: a JavaScript Date would round them away and repeat the page forever.
    // No other condition here: with one, a planner without fresh statistics (PGlite never gathers them)
    // sorted the whole table for every page instead of reading the (updated_at, id) index in order.
    const rows = await db.query<ContributionRow & { cursor_at: string }>(
      `SELECT ${COLUMNS}, to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at FROM contributions
       WHERE (updated_at, id) > ($1::timestamptz, $2::uuid)
       ORDER BY updated_at, id
       LIMIT $3`,
      [after?.updatedAt ?? '-infinity', after?.id ?? MIN_UUID, limit],
    );
    const last = rows[rows.length - 1];
    return { items: rows.map(toContribution), cursor: last ? { updatedAt: last.cursor_at, id: last.id } : after };
  }

  /** The database's clock, so cursors across instances never depend on a local clock. */
  async function now(): Promise<string> {
    const rows = await db.query<{ now: Date }>('SELECT now() AS now');
    return iso(rows[0]!.now);
  }

  async function revisions(id: string): Promise<Revision[]> {
    const rows = await db.query<RevisionRow & { version: number }>(
      'SELECT version, actor, created_at, changes, note, CASE WHEN version = 1 THEN snapshot END AS snapshot FROM contribution_revisions WHERE contribution_id = $1 ORDER BY version',
      [id],
    );
    return rows.map((r) => ({ contributionId: id, version: r.version, actor: r.actor, createdAt: iso(r.created_at), changes: changesOf(r.version, r), note: r.note }));
  }

  /** One revision with the full content and state it recorded (for showing and restoring it). */
  async function revision(id: string, version: number): Promise<(Revision & { snapshot: ContributionContent; state: EditorialState }) | null> {
    const rows = await db.query<RevisionRow & { snapshot: ContributionContent; state: EditorialState }>(
      'SELECT actor, created_at, changes, note, snapshot, state FROM contribution_revisions WHERE contribution_id = $1 AND version = $2',
      [id, version],
    );
    const r = rows[0];
    return r ? { contributionId: id, version, actor: r.actor, createdAt: iso(r.created_at), changes: changesOf(version, r), note: r.note, snapshot: withContentDefaults(r.snapshot), state: r.state } : null;
  }

  /**
   * Contributions that may be the same as the given title and sponsor: same title beginning or same
   * sponsor (keys by duplicate_key(), migrations 0004 and 0006), plus the given ids (e.g. similar ones from
   * the search index). Says for each whether the whole title and the sponsor are the same. Their texts
   * come from runningTexts(), so a caller that keeps them per version reads each text once.
   */
  async function duplicateCandidates(input: { title: string; sponsorName: string | null; ids: readonly string[]; excludeId: string | null; limit: number }): Promise<DuplicateCandidate[]> {
    const rows = await db.query<{ id: string; version: number; same_title: boolean; same_sponsor: boolean | null }>(
      `WITH given AS (SELECT duplicate_key($1) AS title_key, nullif(duplicate_key($2), '') AS sponsor_key)
       SELECT c.id, c.version, c.title_key = given.title_key AS same_title, c.sponsor_key = given.sponsor_key AS same_sponsor
       FROM contributions c, given
       WHERE ($4::uuid IS NULL OR c.id <> $4::uuid)
         AND (left(c.title_key, 20) = left(given.title_key, 20)
              OR c.sponsor_key = given.sponsor_key
              OR c.id = ANY($3::uuid[]))
       ORDER BY same_title DESC, same_sponsor DESC NULLS LAST, c.updated_at DESC, c.id
       LIMIT $5`,
      [input.title, input.sponsorName, [...input.ids], input.excludeId, input.limit],
    );
    return rows.map((row) => ({ id: row.id, version: row.version, sameTitle: row.same_title, sameSponsor: row.same_sponsor === true }));
  }

  /** The running texts of the given contributions (current versions), built in SQL so the whole content never leaves the database. */
  async function runningTexts(ids: readonly string[]): Promise<RunningText[]> {
    if (ids.length === 0) return [];
    return db.query<RunningText>(
      `SELECT c.id, c.version,
              concat_ws(E'\n', c.content ->> 'description', c.content ->> 'purpose',
                (SELECT string_agg(x ->> 'text', E'\n') FROM jsonb_array_elements(c.content -> 'components') x),
                c.content #>> '{answers,decision}', c.content #>> '{answers,support}',
                c.content #>> '{answers,challenges}', c.content #>> '{answers,prerequisites}') AS text
       FROM contributions c WHERE c.id = ANY($1::uuid[])`,
      [[...ids]],
    );
  }

  return {
    create,
    createMany,
    update,
    transition,
    get,
    findBySlug,
    findBySourceHash,
    findManyByIds,
    changedSince,
    publishedAfter,
    allAfter,
    publishedSummary,
    now,
    list,
    all,
    revisions,
    revision,
    duplicateCandidates,
    runningTexts,
    listPublished: (page: { limit: number; offset: number }) => list({ ...page, states: ['published'] }),
    findPublishedBySlug: async (slug: string) => {
      const found = await findBySlug(slug);
      return found?.state === 'published' ? found : null;
    },
    findPublishedById: async (id: string) => {
      const found = await get(id);
      return found?.state === 'published' ? found : null;
    },
  };
}

interface RevisionRow {
  actor: string;
  created_at: Date;
  changes: Revision['changes'];
  note: string | null;
  snapshot: ContributionContent | null;
}

/**
 * The first revision changes every field from nothing to its snapshot, so its changes are not stored
 * (that would write the content a third time on every create, the bulk import's hot path) but derived
 * from the snapshot when read. Rows written before that still hold them; they are read the same way.
 */
function changesOf(version: number, row: RevisionRow): Revision['changes'] {
  return version === 1 && row.snapshot ? diffFields({}, withContentDefaults(row.snapshot)) : row.changes;
}

/** Locks the row and checks the version inside the transaction, so a concurrent writer cannot slip in between. */
async function lockCurrent(tx: Queryable, id: string, expectedVersion: number): Promise<ContributionRow> {
  const rows = await tx.query<ContributionRow>(`SELECT ${COLUMNS} FROM contributions WHERE id = $1 FOR UPDATE`, [id]);
  const current = rows[0];
  if (!current) throw new NotFoundError(id);
  if (current.version !== expectedVersion) throw new VersionConflictError(id, expectedVersion, current.version);
  return current;
}

async function insertRevisions(tx: Queryable, entries: Array<{ row: ContributionRow; changes: FieldChange[] }>, actor: string, note: string | null): Promise<void> {
  const records = entries.map(({ row, changes }) => ({ contribution_id: row.id, version: row.version, changes, snapshot: row.content, state: row.state }));
  await tx.query(
    `INSERT INTO contribution_revisions (contribution_id, version, actor, changes, snapshot, state, note)
     SELECT x.contribution_id, x.version, $2, x.changes, x.snapshot, x.state, $3
     FROM jsonb_to_recordset($1::jsonb) AS x(contribution_id uuid, version integer, changes jsonb, snapshot jsonb, state text)`,
    [JSON.stringify(records), actor, note],
  );
}

/** Slugs that are free, also among each other: "titel", then "titel-2", "titel-3" … */
async function uniqueSlugs(tx: Queryable, bases: string[]): Promise<string[]> {
  const taken = new Set<string>();
  // One query per distinct base: a constant prefix pattern lets the planner use the slug prefix index
  // (migration 0005), where "LIKE ANY(array)" scanned every contribution for each one created.
  // Slugs hold only [a-z0-9-], so the base needs no LIKE escaping.
  for (const base of new Set(bases)) {
    const rows = await tx.query<{ slug: string }>('SELECT slug FROM contributions WHERE slug = $1 OR slug LIKE $2', [base, `${base}-%`]);
    for (const row of rows) taken.add(row.slug);
  }
  return bases.map((base) => {
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    return slug;
  });
}

// Copies of content fields as columns, for filters and facets.
const FILTER_COLUMN_NAMES = 'period_start, period_end, leitbild_area, leitsaetze, sdgs, region_ids';
const FILTER_ASSIGNMENTS = (first: number) =>
  FILTER_COLUMN_NAMES.split(', ')
    .map((name, i) => `${name} = $${first + i}`)
    .join(', ');

function filterFields(content: ContributionContent) {
  const { period, taxonomy, places } = content;
  return {
    period_start: period.start ? earliestDay(period.start) : null,
    period_end: period.end ? latestDay(period.end) : null,
    leitbild_area: taxonomy.leitbildArea,
    leitsaetze: taxonomy.leitsaetze,
    sdgs: taxonomy.sdgs,
    region_ids: [...new Set(places.flatMap((p) => (p.regionId ? [p.regionId] : [])))],
  };
}

/** The same values in FILTER_COLUMN_NAMES order, as positional parameters. */
function filterColumns(content: ContributionContent): unknown[] {
  return Object.values(filterFields(content));
}

function toContribution(row: ContributionRow): Contribution {
  return withDerivedStatus({
    ...withContentDefaults(row.content),
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
