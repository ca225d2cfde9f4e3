import type { z } from 'zod';
import { formatEuroInput, parseEuroInput } from '../../domain/money.ts';
import { germanMessage, toFieldErrors, type FieldError } from '../../domain/messages.ts';
import { formatPartialDateInput, normalisePartialDateInput } from '../../domain/partial-date.ts';
import { fieldsOf, groupsOf, type Field, type FormItem } from './definition.ts';
import { isOmittable } from './schema-info.ts';
import { isBlankRow, listValue, rowCount, textValue, type FormValues } from './values.ts';

/*
 * Form values (strings as typed) ⇄ schema data. The way there converts only the notation
 * (German amounts and dates, checkboxes, one entry per line) and leaves every rule to the
 * schema; its errors come back at the paths of the form's fields ("contacts.1.email").
 */

type Converted = { value: unknown } | { error: string } | null;

function convert(field: Field, path: string, values: FormValues): Converted {
  switch (field.kind) {
    case 'checkbox':
      return { value: textValue(values, path) !== '' };
    case 'checkboxes': {
      const chosen = listValue(values, path);
      return { value: field.numeric ? chosen.map(Number) : chosen };
    }
    case 'lines':
      return { value: textValue(values, path).split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '') };
    default: {
      const text = textValue(values, path).trim();
      if (text === '') return null;
      if (field.kind === 'money') {
        const cents = parseEuroInput(text);
        return cents === null ? { error: 'amount_invalid' } : { value: cents };
      }
      return { value: field.kind === 'date' ? normalisePartialDateInput(text) : text };
    }
  }
}

type Tree = Record<string, unknown>;

function setPath(target: Tree, path: string, value: unknown): void {
  const segments = path.split('.');
  let node = target;
  for (const segment of segments.slice(0, -1)) {
    const next = node[segment];
    if (typeof next === 'object' && next !== null && !Array.isArray(next)) node = next as Tree;
    else node = node[segment] = {};
  }
  node[segments[segments.length - 1]!] = value;
}

function getPath(source: unknown, path: string): unknown {
  let node = source;
  for (const segment of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Tree)[segment];
  }
  return node;
}

/** Leaves out objects nobody filled in (no sponsor at all) where the schema allows it. */
function pruneEmpty(schema: z.ZodType, node: Tree, prefix: string): void {
  for (const [key, value] of Object.entries(node)) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    pruneEmpty(schema, value as Tree, path);
    if (Object.keys(value).length === 0 && isOmittable(schema, path)) delete node[key];
  }
}

export interface FormInput {
  /** The data for the schema, still unvalidated. */
  input: Tree;
  /** Notation errors (e.g. an amount that is no amount) at form paths. */
  errors: FieldError[];
  /** Per group: the form row of each list item (blank rows are left out). */
  rows: Map<string, number[]>;
}

/** Form values → input for the schema. Blank group rows are dropped; their numbering is kept in `rows`. */
export function toInput(schema: z.ZodType, items: readonly FormItem[], values: FormValues): FormInput {
  const input: Tree = {};
  const errors: FieldError[] = [];
  const rows = new Map<string, number[]>();
  const apply = (field: Field, formPath: string, target: Tree, targetPath: string) => {
    const converted = convert(field, formPath, values);
    // Objects along the path exist even when nothing was typed: a required object (the submitter)
    // then reports its fields; an optional one (the sponsor) is pruned below.
    if (targetPath.includes('.')) setPath(target, targetPath.slice(0, targetPath.lastIndexOf('.')), getPath(target, targetPath.slice(0, targetPath.lastIndexOf('.'))) ?? {});
    if (converted === null) return;
    if ('error' in converted) errors.push({ path: formPath, code: converted.error, message: germanMessage(converted.error) });
    else setPath(target, targetPath, converted.value);
  };
  for (const { field, template, group } of fieldsOf(items)) {
    if (!group) apply(field, template, input, template);
  }
  for (const group of groupsOf(items)) {
    const kept: number[] = [];
    for (let i = 0; i < rowCount(values, group); i++) if (!isBlankRow(values, group, i)) kept.push(i);
    rows.set(group.name, kept);
    const list = kept.map((row) => {
      const item: Tree = {};
      for (const field of group.fields) apply(field, `${group.name}.${row}.${field.name}`, item, field.name);
      return item;
    });
    setPath(input, group.name, list);
  }
  pruneEmpty(schema, input, '');
  return { input, errors, rows };
}

/** A schema error path → the same path in form rows ("contacts.0.email" of the data may be row 1 of the form). */
function toFormPath(path: string, rows: Map<string, number[]>): string {
  for (const [group, kept] of [...rows].sort((a, b) => b[0].length - a[0].length)) {
    if (!path.startsWith(`${group}.`)) continue;
    const [index, ...rest] = path.slice(group.length + 1).split('.');
    const row = kept[Number(index)];
    if (index !== undefined && /^\d+$/.test(index) && row !== undefined) return [group, row, ...rest].join('.');
  }
  return path;
}

/**
 * The form field an error belongs to: the longest field path (or group) that the error path starts
 * with. "taxonomy.sdgs.3" belongs to the checkbox list "taxonomy.sdgs". Null when no field of these
 * items matches (the error belongs to another part of the form).
 */
export function fieldPathOf(items: readonly FormItem[], path: string): string | null {
  const segments = path.split('.');
  const templates = [...fieldsOf(items).map((p) => p.template), ...groupsOf(items).map((g) => g.name)];
  let best: string[] | null = null;
  for (const template of templates) {
    const parts = template.split('.');
    if (parts.length > segments.length || (best && parts.length <= best.length)) continue;
    if (parts.every((part, i) => (part === '*' ? /^\d+$/.test(segments[i] ?? '') : part === segments[i]))) best = segments.slice(0, parts.length);
  }
  return best ? best.join('.') : null;
}

function isTextField(items: readonly FormItem[], path: string): boolean {
  const template = path.replace(/\.\d+\./g, '.*.');
  const placed = fieldsOf(items).find((p) => p.template === template);
  return placed !== undefined && placed.field.kind !== 'checkbox' && placed.field.kind !== 'checkboxes' && placed.field.kind !== 'lines';
}

export interface FormValidation<T> {
  /** The valid data; null when anything is wrong anywhere. */
  data: T | null;
  /** Errors at the paths of these items' fields, in form order of discovery, one per field. */
  errors: FieldError[];
  /** Errors no field of these items shows (they belong to other parts of the form). */
  elsewhere: FieldError[];
}

/** Validates form values against the schema; every message is German (src/domain/messages.ts). */
export function validateForm<S extends z.ZodType>(schema: S, items: readonly FormItem[], values: FormValues): FormValidation<z.infer<S>> {
  const { input, errors: notation, rows } = toInput(schema, items, values);
  const result = schema.safeParse(input);
  const fromSchema = result.success
    ? []
    : toFieldErrors(result.error).map((e) => {
        const path = toFormPath(e.path, rows);
        // Nothing typed is "missing", whatever the schema's message for a wrong value would say (e-mail).
        const blank = values[path] === undefined || values[path] === '' || (typeof values[path] === 'string' && values[path].trim() === '');
        return blank && isTextField(items, path) ? { path, code: 'required', message: germanMessage('required') } : { ...e, path };
      });
  const errors: FieldError[] = [];
  const elsewhere: FieldError[] = [];
  const seen = new Set<string>();
  for (const error of [...notation, ...fromSchema]) {
    const path = fieldPathOf(items, error.path);
    if (path === null) elsewhere.push(error);
    else if (!seen.has(path)) {
      seen.add(path);
      errors.push({ ...error, path });
    }
  }
  return { data: result.success && notation.length === 0 ? (result.data as z.infer<S>) : null, errors, elsewhere };
}

function format(field: Field, value: unknown): string | string[] | undefined {
  if (value === null || value === undefined) return undefined;
  switch (field.kind) {
    case 'checkbox':
      return value === true ? 'ja' : undefined;
    case 'checkboxes':
      return Array.isArray(value) && value.length > 0 ? value.map(String) : undefined;
    case 'lines':
      return Array.isArray(value) ? value.map(String).join('\n') : undefined;
    case 'money':
      return typeof value === 'number' ? formatEuroInput(value) : undefined;
    case 'date':
      return typeof value === 'string' ? formatPartialDateInput(value) : undefined;
    default:
      return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  }
}

/** Schema data → form values for these items (to pre-fill a form from an import or a stored record). */
export function toValues(items: readonly FormItem[], data: unknown): FormValues {
  const values: FormValues = {};
  const put = (field: Field, path: string, value: unknown) => {
    const formatted = format(field, value);
    if (formatted !== undefined) values[path] = formatted;
  };
  for (const { field, template, group } of fieldsOf(items)) {
    if (!group) put(field, template, getPath(data, template));
  }
  for (const group of groupsOf(items)) {
    const list = getPath(data, group.name);
    if (!Array.isArray(list)) continue;
    list.forEach((item, i) => {
      for (const field of group.fields) {
        const path = `${group.name}.${i}.${field.name}`;
        // Every row keeps its text keys, so an item with only empty optional texts still counts as a row.
        if (field.kind !== 'checkbox' && field.kind !== 'checkboxes') values[path] = '';
        put(field, path, getPath(item, field.name));
      }
    });
  }
  return values;
}
