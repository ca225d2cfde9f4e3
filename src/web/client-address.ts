import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * The client's address for rate limits. X-Forwarded-For is only believed behind a proxy the
 * operator declared (TRUST_PROXY), otherwise anyone could pick a fresh address per request. Of
 * its entries the last one counts: the address the trusted proxy itself saw and appended; the
 * entries before it come from the client and could be anything.
 */
export function clientAddress(c: Context, trustProxy = process.env.TRUST_PROXY === 'true'): string {
  if (trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unbekannt';
  } catch {
    // app.request() in tests has no socket.
    return 'unbekannt';
  }
}
