import { z } from 'zod';

/*
 * What a form needs to know about the schema it fills, read from the schema itself so that no
 * rule is written down twice: whether a field must be given, and how many items a list may have.
 */

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodDefault || current instanceof z.ZodPrefault || current instanceof z.ZodNullable || current instanceof z.ZodOptional) {
      current = current.unwrap() as z.ZodType;
    } else {
      return current;
    }
  }
}

/** The schema at a dotted path; "*" or a number steps into a list. */
export function schemaAt(root: z.ZodType, path: string): z.ZodType | null {
  let current: z.ZodType = root;
  for (const segment of path.split('.')) {
    const inner = unwrap(current);
    if (inner instanceof z.ZodObject) {
      const next = (inner.shape as Record<string, z.ZodType | undefined>)[segment];
      if (!next) return null;
      current = next;
    } else if (inner instanceof z.ZodArray && (segment === '*' || /^\d+$/.test(segment))) {
      current = inner.element as z.ZodType;
    } else {
      return null;
    }
  }
  return current;
}

/** True when the field has to be given (no default, not nullable): its label says so. */
export function isRequired(root: z.ZodType, path: string): boolean {
  const schema = schemaAt(root, path);
  return schema !== null && !schema.safeParse(undefined).success && !schema.safeParse(null).success;
}

/** True when leaving the whole object out is allowed (e.g. no sponsor at all). */
export function isOmittable(root: z.ZodType, path: string): boolean {
  const schema = schemaAt(root, path);
  return schema === null || schema.safeParse(undefined).success;
}

/** The most items a list at this path may have; null when the schema sets no limit. */
export function maxItems(root: z.ZodType, path: string): number | null {
  const schema = schemaAt(root, path);
  const list = schema ? unwrap(schema) : null;
  if (!(list instanceof z.ZodArray)) return null;
  for (const check of list._zod.def.checks ?? []) {
    const def = check._zod.def as { check: string; maximum?: number };
    if (def.check === 'max_length' && typeof def.maximum === 'number') return def.maximum;
  }
  return null;
}
