import { createHash } from 'node:crypto';
import type { Context } from 'hono';

/**
 * Conditional GET for the read API: a strong ETag over the exact body bytes, Last-Modified where a
 * real modification time exists, and 304 for If-None-Match (preferred) or If-Modified-Since.
 */
export function jsonResponse(c: Context, value: unknown, options: { lastModified?: string | null; maxAge?: number } = {}): Response {
  const body = JSON.stringify(value);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
  c.header('ETag', etag);
  c.header('Cache-Control', `public, max-age=${options.maxAge ?? 60}`);
  c.header('Vary', 'Accept, Origin');
  const lastModified = options.lastModified ? new Date(options.lastModified) : null;
  if (lastModified) c.header('Last-Modified', lastModified.toUTCString());
  if (notModified(c.req.header('If-None-Match'), c.req.header('If-Modified-Since'), etag, lastModified)) return c.body(null, 304);
  return c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
}

/** RFC 9110 §13.1.1–13.1.3: If-None-Match uses weak comparison; If-Modified-Since only counts without it. */
export function notModified(ifNoneMatch: string | undefined, ifModifiedSince: string | undefined, etag: string, lastModified: Date | null): boolean {
  if (ifNoneMatch !== undefined) {
    if (ifNoneMatch.trim() === '*') return true;
    const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
    return ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(etag));
  }
  if (ifModifiedSince === undefined || !lastModified) return false;
  const since = Date.parse(ifModifiedSince);
  // HTTP dates have whole seconds.
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

/** Whether an Accept header admits JSON (or problem+json); a missing header admits everything. */
export function acceptsJson(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  return accept.split(',').some((range) => {
    const [type = '', ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    if (q !== undefined && Number(q.slice(2)) === 0) return false;
    return ['*/*', 'application/*', 'application/json', 'application/problem+json'].includes(type);
  });
}
