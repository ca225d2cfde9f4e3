import type { z } from 'zod';
import { ContributionContentSchema, type ContributionContent } from './contribution.ts';
import { toFieldErrors } from './messages.ts';

/*
 * Content sent by trusted systems (API): validated by the one contribution schema, with two rules
 * the forms do not need. Unknown fields are refused rather than silently dropped (a typo in a
 * field name must not look like success), and changes come as a JSON Merge Patch (RFC 7396).
 */

export interface ContentError {
  /** JSON Pointer (RFC 6901) into the request body, e.g. "/contacts/0/email". */
  pointer: string;
  /** German. */
  detail: string;
}

export type ContentInputOutcome = { ok: true; content: ContributionContent } | { ok: false; errors: ContentError[] };

const pointerOf = (path: ReadonlyArray<string | number>) => `/${path.map((part) => String(part).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;

/** Keys in the input that the schema does not know: zod drops them, so they are missing from its output. */
export function unknownFields(input: unknown, output: unknown, path: Array<string | number> = []): string[] {
  if (Array.isArray(input) && Array.isArray(output)) return input.flatMap((item, i) => unknownFields(item, output[i], [...path, i]));
  if (!isPlainObject(input) || !isPlainObject(output)) return [];
  return Object.keys(input).flatMap((key) => (Object.hasOwn(output, key) ? unknownFields(input[key], output[key], [...path, key]) : [pointerOf([...path, key])]));
}

/** The schema's German field errors, located by JSON Pointer. */
function contentErrors(error: z.ZodError): ContentError[] {
  return toFieldErrors(error).map((e) => ({ pointer: pointerOf(e.path === '' ? [] : e.path.split('.')), detail: e.message }));
}

const unknownFieldErrors = (pointers: string[]): ContentError[] => pointers.map((pointer) => ({ pointer, detail: 'Dieses Feld gibt es nicht.' }));

/** Validates whole content (e.g. a new contribution): German errors with pointers, unknown fields included. */
export function parseContentInput(input: unknown): ContentInputOutcome {
  if (!isPlainObject(input)) return { ok: false, errors: [{ pointer: '', detail: 'Erwartet wird ein JSON-Objekt mit den Feldern des Beitrags.' }] };
  const parsed = ContributionContentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: contentErrors(parsed.error) };
  const unknown = unknownFields(input, parsed.data);
  if (unknown.length > 0) return { ok: false, errors: unknownFieldErrors(unknown) };
  return { ok: true, content: parsed.data };
}

/** RFC 7396: objects merge key by key, null removes a key, anything else (arrays too) replaces. */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return patch;
  const result: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
}

/**
 * Applies a merge patch to stored content and validates the result. A removed field falls back to
 * the schema's default (e.g. null), so `{"teaser": null}` clears the teaser.
 */
export function patchContent(current: ContributionContent, patch: unknown): ContentInputOutcome {
  if (!isPlainObject(patch)) return { ok: false, errors: [{ pointer: '', detail: 'Erwartet wird ein JSON-Objekt (JSON Merge Patch, RFC 7396).' }] };
  const merged = applyMergePatch(current, patch);
  const parsed = ContributionContentSchema.safeParse(merged);
  // Unknown fields are reported against the patch, where the sender put them.
  const unknown = parsed.success ? unknownFields(merged, parsed.data) : [];
  if (unknown.length > 0) return { ok: false, errors: unknownFieldErrors(unknown) };
  if (!parsed.success) return { ok: false, errors: contentErrors(parsed.error) };
  return { ok: true, content: parsed.data };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
