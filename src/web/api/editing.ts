import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { Contribution } from '../../domain/contribution.ts';
import type { ContributionRepository } from '../../storage/contributions-repository.ts';
import { notModified } from './http.ts';

/*
 * The representation trusted systems edit: the whole record, never cached by shared caches. Its
 * ETag begins with the version ("v3-…"), which If-Match on a change is compared by; the rest
 * follows the body, so a status that changed with the date still revalidates.
 */

export type EditingReader = Pick<ContributionRepository, 'get' | 'findBySlug'>;

export function editingEtag(contribution: Contribution, body: string): string {
  return `"v${contribution.version}-${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`;
}

/** The version an If-Match value names, or null when it names none we issued. */
export function versionFromIfMatch(ifMatch: string): number | null {
  const tags = ifMatch.split(',').map((tag) => tag.trim());
  if (tags.length !== 1) return null;
  const match = /^"v(\d{1,9})-[\w-]*"$/.exec(tags[0]!);
  return match ? Number(match[1]) : null;
}

export function editableResponse(c: Context, contribution: Contribution, status: 200 | 201 = 200, extra: Record<string, unknown> | null = null): Response {
  const record = JSON.stringify(contribution);
  const etag = editingEtag(contribution, record);
  c.header('ETag', etag);
  c.header('Cache-Control', 'private, no-cache');
  c.header('Vary', 'Accept, Authorization');
  if ((c.req.method === 'GET' || c.req.method === 'HEAD') && notModified(c.req.header('If-None-Match'), undefined, etag, null)) return c.body(null, 304);
  const body = extra === null ? record : JSON.stringify({ ...extra, contribution });
  return c.body(body, status, { 'Content-Type': 'application/json; charset=utf-8' });
}
