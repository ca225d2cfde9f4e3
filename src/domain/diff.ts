import { isDeepStrictEqual } from 'node:util';

export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Field-level changes between two JSON documents. Objects are compared key by key;
 * arrays and scalars as whole values, which is what an editor reads in a revision list.
 */
export function diffFields(before: unknown, after: unknown, prefix = ''): FieldChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => diffFields(before[key] ?? null, after[key] ?? null, prefix ? `${prefix}.${key}` : key));
  }
  // Deep equality ignores key order: jsonb does not keep the order keys were written in.
  return isDeepStrictEqual(before, after) ? [] : [{ path: prefix, before: before ?? null, after: after ?? null }];
}

function isPlainObject(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
