/*
 * Forms as data (pattern of a2j-rechtsantragstelle): a form is a list of fields, repeatable groups
 * and sections whose names are the paths of the schema they fill ("title", "sponsor.postcode",
 * "contacts.*.email"). Labels and hints live here; validation rules never do – they come from
 * the schema, and error texts from src/domain/messages.ts.
 */

export interface Option {
  value: string;
  label: string;
}

export interface OptionGroup {
  label: string;
  options: readonly Option[];
}

interface FieldBase {
  /** Path in the schema; inside a group relative to the group's item ("email"). */
  name: string;
  label: string;
  hint?: string;
  autocomplete?: string;
  /** Narrow inputs for short values (postcode, dates, amounts): the width hints at the expected length. */
  width?: 'narrow' | 'medium';
}

/**
 * How a typed string becomes a schema value: text kinds are trimmed (empty means "not given"),
 * money takes German amounts ("12.500,50 €") as cents, dates take "01.10.2021", "10.2021" or "2021".
 */
export type InputField = FieldBase & { kind: 'text' | 'email' | 'tel' | 'url' | 'money' | 'date' };
/** "lines": one list entry per line (e.g. target groups). */
export type TextAreaField = FieldBase & { kind: 'textarea' | 'lines'; rows?: number };
/** With emptyLabel, the first option has the value "" and means "not given". */
export type SelectField = FieldBase & { kind: 'select'; options: ReadonlyArray<Option | OptionGroup>; emptyLabel?: string };
/** One yes/no box; checked means true. */
export type CheckboxField = FieldBase & { kind: 'checkbox' };
/** Several boxes filling one list; numeric lists (Leitsätze, SDGs) hold numbers. */
export type CheckboxesField = FieldBase & { kind: 'checkboxes'; options: readonly Option[]; numeric?: boolean };

export type Field = InputField | TextAreaField | SelectField | CheckboxField | CheckboxesField;

/** A list of items (contacts, partners …): without JavaScript, buttons add and remove rows. */
export interface RepeatableGroup {
  kind: 'group';
  name: string;
  legend: string;
  hint?: string;
  /** Numbered legend of one item: "Ansprechperson" → "Ansprechperson 2". */
  itemLabel: string;
  /** Button texts: "Weitere Ansprechperson hinzufügen", "entfernen" is appended to the item label. */
  addLabel: string;
  fields: readonly Field[];
}

/** A fieldset around related fields (e.g. the sponsor's address); no meaning for the data. */
export interface Section {
  kind: 'section';
  legend: string;
  hint?: string;
  items: ReadonlyArray<Field | RepeatableGroup>;
}

export type FormItem = Field | RepeatableGroup | Section;

/** A leaf field with its absolute path template ("contacts.*.email") and the group it belongs to. */
export interface PlacedField {
  field: Field;
  template: string;
  group: RepeatableGroup | null;
}

export function isSelectGroup(option: Option | OptionGroup): option is OptionGroup {
  return 'options' in option;
}

/** All repeatable groups of a form. */
export function groupsOf(items: readonly FormItem[]): RepeatableGroup[] {
  return items.flatMap((item) => (item.kind === 'group' ? [item] : item.kind === 'section' ? groupsOf(item.items) : []));
}

/** All leaf fields with absolute path templates, in form order. */
export function fieldsOf(items: readonly FormItem[]): PlacedField[] {
  return items.flatMap((item): PlacedField[] => {
    if (item.kind === 'section') return fieldsOf(item.items);
    if (item.kind === 'group') return item.fields.map((field) => ({ field, template: `${item.name}.*.${field.name}`, group: item }));
    return [{ field: item, template: item.name, group: null }];
  });
}

/** The id of a field's control: "contacts.0.email" → "contacts-0-email" (dots would need escaping in CSS). */
export function fieldId(path: string): string {
  return path.replace(/\./g, '-');
}

/** Where an error on this field should take the reader: the control, or a checkbox list's first box. */
export function anchorId(field: Field, path: string): string {
  return field.kind === 'checkboxes' && field.options[0] ? `${fieldId(path)}-${field.options[0].value}` : fieldId(path);
}

/** A group item's path: "contacts", 2 → "contacts.2". */
export const itemPath = (group: RepeatableGroup, index: number) => `${group.name}.${index}`;
