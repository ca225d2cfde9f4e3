import { randomUUID } from 'node:crypto';
import { editorialStates, type ContributionKind, type EditorialState } from '../domain/contribution.ts';
import { REVIEW_INTERVAL_MONTHS } from '../domain/editorial-workflow.ts';
import { SubmitterSchema, type Submitter } from '../domain/submission.ts';
import type { Queryable } from './database.ts';

/** One row of the review queue: enough to list it, without the content. */
export interface QueueItem {
  id: string;
  title: string;
  kind: ContributionKind;
  state: EditorialState;
  version: number;
  reference: string | null;
  submitterName: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ContributionComment {
  id: string;
  contributionId: string;
  authorName: string;
  body: string;
  toSubmitter: boolean;
  createdAt: string;
}

/** A published contribution due for a check, with what makes it due. */
export interface CurrencyItem {
  id: string;
  title: string;
  slug: string;
  periodEnd: string | null;
  publishedAt: string | null;
  reviewedAt: string | null;
  placeholderLinks: number;
  brokenLinks: number;
}

export interface CurrencyList {
  items: CurrencyItem[];
  total: number;
}

const iso = (value: Date | string) => new Date(value).toISOString();

/** What the back office reads and writes around contributions: queue, submitter data, comments, checks. */
export function createEditorialRepository(db: Queryable) {
  async function queue(options: { states: readonly EditorialState[]; limit: number; offset: number }): Promise<{ items: QueueItem[]; total: number }> {
    const states = [...options.states];
    const [rows, counts] = await Promise.all([
      db.query<{ id: string; title: string; kind: ContributionKind; state: EditorialState; version: number; reference: string | null; submitter_name: string | null; created_at: Date; updated_at: Date }>(
        `SELECT id, title, kind, state, version, reference, submitter->>'name' AS submitter_name, created_at, updated_at
         FROM contributions WHERE state = ANY($1::text[])
         ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
        [states, options.limit, options.offset],
      ),
      db.query<{ total: number }>('SELECT count(*)::integer AS total FROM contributions WHERE state = ANY($1::text[])', [states]),
    ]);
    return {
      items: rows.map((r) => ({
        id: r.id,
        title: r.title,
        kind: r.kind,
        state: r.state,
        version: r.version,
        reference: r.reference,
        submitterName: r.submitter_name,
        createdAt: iso(r.created_at),
        updatedAt: iso(r.updated_at),
      })),
      total: counts[0]?.total ?? 0,
    };
  }

  async function stateCounts(): Promise<Record<EditorialState, number>> {
    const rows = await db.query<{ state: EditorialState; count: number }>('SELECT state, count(*)::integer AS count FROM contributions GROUP BY state');
    const counts = Object.fromEntries(editorialStates.map((s) => [s, 0])) as Record<EditorialState, number>;
    for (const row of rows) counts[row.state] = row.count;
    return counts;
  }

  /** Reference number and submitter of a contribution (not part of its public content); null if it does not exist. */
  async function submissionOf(id: string): Promise<{ reference: string | null; submitter: Submitter | null } | null> {
    const rows = await db.query<{ reference: string | null; submitter: unknown }>('SELECT reference, submitter FROM contributions WHERE id = $1', [id]);
    if (!rows[0]) return null;
    const submitter = SubmitterSchema.safeParse(rows[0].submitter);
    return { reference: rows[0].reference, submitter: submitter.success ? submitter.data : null };
  }

  async function comments(contributionId: string): Promise<ContributionComment[]> {
    const rows = await db.query<{ id: string; author_name: string; body: string; to_submitter: boolean; created_at: Date }>(
      'SELECT id, author_name, body, to_submitter, created_at FROM contribution_comments WHERE contribution_id = $1 ORDER BY created_at, id',
      [contributionId],
    );
    return rows.map((r) => ({ id: r.id, contributionId, authorName: r.author_name, body: r.body, toSubmitter: r.to_submitter, createdAt: iso(r.created_at) }));
  }

  async function addComment(
    input: { contributionId: string; authorId: string | null; authorName: string; body: string; toSubmitter: boolean },
    tx: Queryable = db,
  ): Promise<ContributionComment> {
    const rows = await tx.query<{ id: string; created_at: Date }>(
      'INSERT INTO contribution_comments (id, contribution_id, author_id, author_name, body, to_submitter) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, created_at',
      [randomUUID(), input.contributionId, input.authorId, input.authorName, input.body, input.toSubmitter],
    );
    return { id: rows[0]!.id, contributionId: input.contributionId, authorName: input.authorName, body: input.body, toSubmitter: input.toSubmitter, createdAt: iso(rows[0]!.created_at) };
  }

  /**
   * Records that an editor checked the contribution and found it current. Not a content change:
   * no new version, and updated_at stays (the search index has nothing to re-read).
   */
  async function markReviewed(id: string, tx: Queryable = db): Promise<{ before: string | null; after: string } | null> {
    const rows = await tx.query<{ before: Date | null; after: Date }>(
      `UPDATE contributions AS c SET reviewed_at = now() FROM (SELECT id, reviewed_at AS before FROM contributions WHERE id = $1 FOR UPDATE) AS old
       WHERE c.id = old.id RETURNING old.before, c.reviewed_at AS after`,
      [id],
    );
    const row = rows[0];
    return row ? { before: row.before ? iso(row.before) : null, after: iso(row.after) } : null;
  }

  /**
   * Published contributions that need a look: the period has ended and nobody checked the text since
   * (it may still read as running); not checked for REVIEW_INTERVAL_MONTHS; links without target or broken.
   */
  async function currency(options: { today: string; limit: number }): Promise<{ ended: CurrencyList; unreviewed: CurrencyList; links: CurrencyList }> {
    const lists = {
      ended: {
        where: `period_end < $1::date AND (reviewed_at IS NULL OR (reviewed_at AT TIME ZONE 'Europe/Berlin')::date <= period_end)`,
        params: [options.today],
        order: 'period_end, id',
      },
      unreviewed: { where: 'coalesce(reviewed_at, published_at) < now() - make_interval(months => $1::integer)', params: [REVIEW_INTERVAL_MONTHS], order: 'coalesce(reviewed_at, published_at), id' },
      links: { where: `(content->'links' @> '[{"placeholder": true}]' OR content->'links' @> '[{"broken": true}]')`, params: [], order: 'title, id' },
    };
    const read = async (name: keyof typeof lists): Promise<CurrencyList> => {
      const { where, params, order } = lists[name];
      const condition = `WHERE state = 'published' AND ${where}`;
      const [rows, counts] = await Promise.all([
        db.query<{ id: string; title: string; slug: string; period_end: string | null; published_at: Date | null; reviewed_at: Date | null; placeholder_links: number; broken_links: number }>(
          `SELECT id, title, slug, period_end::text AS period_end, published_at, reviewed_at,
                  (SELECT count(*)::integer FROM jsonb_array_elements(content->'links') AS l WHERE l->>'placeholder' = 'true') AS placeholder_links,
                  (SELECT count(*)::integer FROM jsonb_array_elements(content->'links') AS l WHERE l->>'broken' = 'true') AS broken_links
           FROM contributions ${condition} ORDER BY ${order} LIMIT $${params.length + 1}`,
          [...params, options.limit],
        ),
        db.query<{ total: number }>(`SELECT count(*)::integer AS total FROM contributions ${condition}`, params),
      ]);
      return {
        items: rows.map((r) => ({
          id: r.id,
          title: r.title,
          slug: r.slug,
          periodEnd: r.period_end,
          publishedAt: r.published_at ? iso(r.published_at) : null,
          reviewedAt: r.reviewed_at ? iso(r.reviewed_at) : null,
          placeholderLinks: r.placeholder_links,
          brokenLinks: r.broken_links,
        })),
        total: counts[0]?.total ?? 0,
      };
    };
    const [ended, unreviewed, links] = await Promise.all([read('ended'), read('unreviewed'), read('links')]);
    return { ended, unreviewed, links };
  }

  return { queue, stateCounts, submissionOf, comments, addComment, markReviewed, currency };
}
export type EditorialRepository = ReturnType<typeof createEditorialRepository>;
