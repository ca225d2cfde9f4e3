import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * The client's address for rate limits. X-Forwarded-For is only believed behind a proxy the
 * operator declared (TRUST_PROXY), otherwise anyone could pick a fresh address per request.
 */
export function clientAddress(c: Context, trustProxy = process.env.TRUST_PROXY === 'true'): string {
  if (trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unbekannt';
  } catch {
    // app.request() in tests has no socket.
    return 'unbekannt';
  }
}
