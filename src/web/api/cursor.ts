import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { SearchFilters, SearchWindow, SortOrder } from '../../search/types.ts';

/*
 * Opaque cursors for /api/v1/contributions. A cursor names where the next page starts, bound to
 * the query it came from (a hash of text, filters and sort):
 * - "neueste" and "titel": the sort key and id of the last item shown (keyset). Contributions
 *   published in between sort before that position ("neueste") or are simply met on a later page
 *   ("titel"); either way nothing is repeated or skipped.
 * - "relevanz": scores change whenever the catalog changes, so there is no fixed key. The cursor
 *   holds the offset and the moment the first page was asked for; contributions published after
 *   it are left out of all later pages (and were not on the first). No result set is stored on the
 *   server. Limits: scores of the remaining contributions still change a little with the catalog
 *   (word statistics), so two nearly equal neighbours can swap across a page border; and a
 *   contribution published just before the first page but not yet in the search index (it follows
 *   the database within about a second) can still appear on a later page. `relevanceSettleMs`
 *   moves that moment back to close the second gap, at the price of new contributions joining
 *   relevance results only after that time.
 * Cursors expire after a day, so a stale one fails clearly instead of quietly paging an old state.
 */

export const cursorMaxAgeMs = 24 * 60 * 60 * 1000;

const CursorSchema = z.strictObject({
  v: z.literal(1),
  /** Query hash. */
  h: z.string().regex(/^[0-9a-f]{16}$/),
  /** Issued at (ms since epoch). */
  t: z.number().int().nonnegative(),
  w: z.strictObject({
    after: z
      .discriminatedUnion('sort', [
        z.strictObject({ sort: z.literal('neueste'), publishedAt: z.iso.datetime().nullable(), id: z.uuid() }),
        z.strictObject({ sort: z.literal('titel'), title: z.string().max(1000), id: z.uuid() }),
      ])
      .optional(),
    offset: z.number().int().nonnegative().max(1_000_000).optional(),
    publishedUpTo: z.iso.datetime().optional(),
  }),
});

export function queryHash(query: { text: string; filters: SearchFilters; sort: SortOrder }): string {
  return createHash('sha256').update(JSON.stringify([query.text, query.filters, query.sort])).digest('hex').slice(0, 16);
}

export function encodeCursor(hash: string, window: SearchWindow, now: number): string {
  return Buffer.from(JSON.stringify({ v: 1, h: hash, t: now, w: window }), 'utf8').toString('base64url');
}

export type CursorResult = { ok: true; window: SearchWindow } | { ok: false; reason: 'invalid' | 'expired' | 'other-query' };

export function decodeCursor(raw: string, hash: string, now: number): CursorResult {
  if (raw.length > 2000 || !/^[A-Za-z0-9_-]+$/.test(raw)) return { ok: false, reason: 'invalid' };
  let parsed: z.infer<typeof CursorSchema>;
  try {
    const result = CursorSchema.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    if (!result.success) return { ok: false, reason: 'invalid' };
    parsed = result.data;
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (parsed.t > now + 60_000) return { ok: false, reason: 'invalid' };
  if (now - parsed.t > cursorMaxAgeMs) return { ok: false, reason: 'expired' };
  if (parsed.h !== hash) return { ok: false, reason: 'other-query' };
  return { ok: true, window: parsed.w as SearchWindow };
}
