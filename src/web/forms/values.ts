import { fieldsOf, groupsOf, type Field, type FormItem, type RepeatableGroup } from './definition.ts';

/** Form values exactly as typed, keyed by field path ("title", "contacts.0.email"); checkbox lists give lists. */
export type FormValues = Record<string, string | string[]>;

/** A parsed form body as Hono's parseBody({ all: true }) returns it. */
export type PostedBody = Record<string, string | File | Array<string | File>>;

/** Rows accepted per group when the schema sets no limit; a bound against bodies full of junk keys. */
const DEFAULT_MAX_ROWS = 50;

/** The value of a field as a single string ("" when absent). */
export function textValue(values: FormValues, path: string): string {
  const value = values[path];
  return typeof value === 'string' ? value : '';
}

/** The values of a checkbox list. */
export function listValue(values: FormValues, path: string): string[] {
  const value = values[path];
  return Array.isArray(value) ? value : typeof value === 'string' && value !== '' ? [value] : [];
}

function firstString(value: PostedBody[string] | undefined): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.find((v): v is string => typeof v === 'string') ?? null;
  return null;
}

function readField(field: Field, path: string, body: PostedBody, out: FormValues): void {
  const raw = body[path];
  if (field.kind === 'checkbox') {
    if (firstString(raw) !== null) out[path] = 'ja';
  } else if (field.kind === 'checkboxes') {
    const allowed = new Set(field.options.map((o) => o.value));
    const chosen = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v): v is string => typeof v === 'string' && allowed.has(v));
    if (chosen.length > 0) out[path] = [...new Set(chosen)];
  } else {
    const text = firstString(raw);
    if (text !== null) out[path] = text;
  }
}

/**
 * The values of these form items from a posted body, as typed. Only fields the form defines are
 * taken (anything else in the body is ignored), with at most maxRows rows per group.
 */
export function readPosted(items: readonly FormItem[], body: PostedBody, maxRows: (group: RepeatableGroup) => number | null = () => null): FormValues {
  const out: FormValues = {};
  for (const { field, template, group } of fieldsOf(items)) {
    if (!group) {
      readField(field, template, body, out);
      continue;
    }
    const limit = maxRows(group) ?? DEFAULT_MAX_ROWS;
    const prefix = `${group.name}.`;
    const suffix = `.${field.name}`;
    for (const key of Object.keys(body)) {
      if (!key.startsWith(prefix) || !key.endsWith(suffix)) continue;
      const index = key.slice(prefix.length, key.length - suffix.length);
      if (/^\d{1,3}$/.test(index) && Number(index) < limit) readField(field, key, body, out);
    }
  }
  return out;
}

/** Whether a stored key belongs to these form items (a field of theirs or a row of one of their groups). */
export function ownsKey(items: readonly FormItem[], key: string): boolean {
  return (
    groupsOf(items).some((group) => key.startsWith(`${group.name}.`)) ||
    fieldsOf(items).some((placed) => !placed.group && placed.template === key)
  );
}

/** The stored values with this form part's values replaced by the posted ones (unchecked boxes send nothing). */
export function mergeValues(stored: FormValues, items: readonly FormItem[], posted: FormValues): FormValues {
  const kept = Object.fromEntries(Object.entries(stored).filter(([key]) => !ownsKey(items, key)));
  return { ...kept, ...posted };
}

function rowIndex(group: RepeatableGroup, key: string): number | null {
  if (!key.startsWith(`${group.name}.`)) return null;
  const match = /^(\d+)\./.exec(key.slice(group.name.length + 1));
  return match ? Number(match[1]) : null;
}

/** Number of rows a group has in the values (highest row index + 1). */
export function rowCount(values: FormValues, group: RepeatableGroup): number {
  let count = 0;
  for (const key of Object.keys(values)) {
    const index = rowIndex(group, key);
    if (index !== null && index + 1 > count) count = index + 1;
  }
  return count;
}

/** Appends an empty row; returns the values and the new row's index. */
export function addRow(values: FormValues, group: RepeatableGroup): { values: FormValues; index: number } {
  const index = rowCount(values, group);
  const first = group.fields.find((f) => f.kind !== 'checkbox' && f.kind !== 'checkboxes') ?? group.fields[0];
  return { values: first ? { ...values, [`${group.name}.${index}.${first.name}`]: '' } : values, index };
}

/** Removes one row and moves the rows after it up, so row numbers stay contiguous. */
export function removeRow(values: FormValues, group: RepeatableGroup, index: number): FormValues {
  const out: FormValues = {};
  for (const [key, value] of Object.entries(values)) {
    const row = rowIndex(group, key);
    if (row === null || row < index) out[key] = value;
    else if (row > index) out[`${group.name}.${row - 1}.${key.slice(`${group.name}.${row}.`.length)}`] = value;
  }
  return out;
}

/**
 * A row nobody filled in: every text is empty and every select still shows its first choice.
 * Such rows are left out of the data instead of being reported as incomplete.
 */
export function isBlankRow(values: FormValues, group: RepeatableGroup, index: number): boolean {
  return group.fields.every((field) => {
    const path = `${group.name}.${index}.${field.name}`;
    if (field.kind === 'checkbox' || field.kind === 'checkboxes') return true;
    const value = textValue(values, path).trim();
    if (field.kind === 'select') {
      const first = field.emptyLabel !== undefined ? '' : firstOptionValue(field.options);
      return value === '' || value === first;
    }
    return value === '';
  });
}

function firstOptionValue(options: Extract<Field, { kind: 'select' }>['options']): string {
  const first = options[0];
  if (!first) return '';
  return 'options' in first ? (first.options[0]?.value ?? '') : first.value;
}

/** What a button press asks for: "add:contacts", "remove:contacts.2", or a plain action name. */
export type FormAction = { type: 'add'; group: RepeatableGroup } | { type: 'remove'; group: RepeatableGroup; index: number } | { type: 'submit'; name: string };

export function parseAction(items: readonly FormItem[], raw: string | undefined, fallback: string): FormAction {
  const value = raw ?? fallback;
  const groups = groupsOf(items);
  if (value.startsWith('add:')) {
    const group = groups.find((g) => g.name === value.slice(4));
    if (group) return { type: 'add', group };
  }
  const remove = /^remove:(.+)\.(\d{1,3})$/.exec(value);
  if (remove) {
    const group = groups.find((g) => g.name === remove[1]);
    if (group) return { type: 'remove', group, index: Number(remove[2]) };
  }
  return { type: 'submit', name: /^[a-z-]{1,30}$/.test(value) ? value : fallback };
}

/**
 * Fills fields nobody has typed into from other values (e.g. read from an uploaded document);
 * whatever was typed wins. A group is taken over only when it has no filled row yet.
 */
export function fillBlank(items: readonly FormItem[], values: FormValues, incoming: FormValues): { values: FormValues; filled: number } {
  const out: FormValues = { ...values };
  let filled = 0;
  for (const { field, template, group } of fieldsOf(items)) {
    if (group) continue;
    const next = incoming[template];
    if (next === undefined || isGiven(field, out[template])) continue;
    out[template] = next;
    filled++;
  }
  for (const group of groupsOf(items)) {
    const rows = rowCount(out, group);
    const hasFilledRow = Array.from({ length: rows }, (_, i) => !isBlankRow(out, group, i)).some(Boolean);
    const incomingRows = rowCount(incoming, group);
    if (hasFilledRow || incomingRows === 0) continue;
    for (const key of Object.keys(out)) if (key.startsWith(`${group.name}.`)) delete out[key];
    for (const [key, value] of Object.entries(incoming)) if (key.startsWith(`${group.name}.`)) out[key] = value;
    filled += incomingRows;
  }
  return { values: out, filled };
}

/** Whether a field holds something the reader chose; a select still on its first choice does not. */
function isGiven(field: Field, current: string | string[] | undefined): boolean {
  if (current === undefined) return false;
  if (Array.isArray(current)) return current.length > 0;
  const text = current.trim();
  if (field.kind === 'select') return text !== '' && (field.emptyLabel !== undefined || text !== firstOptionValue(field.options));
  return text !== '';
}
