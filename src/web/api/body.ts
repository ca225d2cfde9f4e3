import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { problem } from './problem.ts';

/*
 * Request bodies of the write endpoints: at most maxBytes (413, also when sent chunked without
 * Content-Length; Hono's bodyLimit counts while reading), then the declared media type (415), then
 * JSON syntax (400).
 */

/** Refuses a body over maxBytes with a German problem before the handler sees it. */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) =>
      problem(c, 'payload-too-large', `Der Anfrageinhalt darf höchstens ${(maxBytes / 1024 / 1024).toLocaleString('de-DE', { maximumFractionDigits: 2 })} MiB groß sein; nichts wurde gespeichert.`),
  });
}

/** The media type without parameters, lower-cased ("application/json; charset=utf-8" → "application/json"). */
export const mediaTypeOf = (c: Context) => (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();

/** A JSON body of one of the given media types (its size was checked by limitBody). */
export async function readJson(c: Context, mediaTypes: readonly string[]): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  if (!mediaTypes.includes(mediaTypeOf(c))) {
    return { ok: false, response: problem(c, 'unsupported-media-type', `Erwartet wird Content-Type: ${mediaTypes.join(' oder ')}.`) };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await c.req.arrayBuffer());
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
