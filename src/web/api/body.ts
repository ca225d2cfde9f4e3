import type { Context } from 'hono';
import { problem } from './problem.ts';

/*
 * Request bodies of the write endpoints: the declared media type first (415), then at most
 * maxBytes read from the stream (413, also without Content-Length), then JSON syntax (400).
 */

/** The media type without parameters, lower-cased ("application/json; charset=utf-8" → "application/json"). */
export const mediaTypeOf = (c: Context) => (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();

/** The body's bytes, or a 413 problem as soon as more than maxBytes arrive. */
export async function readBody(c: Context, maxBytes: number, what: string): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; response: Response }> {
  const tooLarge = () => ({
    ok: false as const,
    response: problem(c, 'payload-too-large', `${what} darf höchstens ${(maxBytes / 1024 / 1024).toLocaleString('de-DE', { maximumFractionDigits: 2 })} MiB groß sein; nichts wurde gespeichert.`),
  });
  const declared = Number(c.req.header('Content-Length') ?? '0');
  if (!Number.isFinite(declared) || declared > maxBytes) return tooLarge();
  const stream = c.req.raw.body;
  if (!stream) return { ok: true, bytes: new Uint8Array(0) };
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return tooLarge();
    }
    chunks.push(value);
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}

/** A JSON body of one of the given media types. */
export async function readJson(c: Context, mediaTypes: readonly string[], maxBytes: number): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  if (!mediaTypes.includes(mediaTypeOf(c))) {
    return { ok: false, response: problem(c, 'unsupported-media-type', `Erwartet wird Content-Type: ${mediaTypes.join(' oder ')}.`) };
  }
  const body = await readBody(c, maxBytes, 'Der Anfrageinhalt');
  if (!body.ok) return body;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body.bytes);
  } catch {
    return { ok: false, response: problem(c, 'invalid-body', 'Der Anfrageinhalt ist kein gültiges UTF-8.') };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const where = error instanceof SyntaxError ? ` (${error.message.replace(/^.*?(at position \d+|in JSON at position \d+|line \d+ column \d+).*$/s, '$1')})` : '';
    return { ok: false, response: problem(c, 'invalid-body', `Der Anfrageinhalt ist kein gültiges JSON${where}.`) };
  }
}
