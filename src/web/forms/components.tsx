import type { Child, FC } from 'hono/jsx';
import type { z } from 'zod';
import type { FieldError } from '../../domain/messages.ts';
import {
  anchorId,
  fieldId,
  fieldsOf,
  groupsOf,
  isSelectGroup,
  itemPath,
  type CheckboxesField,
  type Field,
  type FormItem,
  type RepeatableGroup,
  type SelectField,
} from './definition.ts';
import { isRequired, maxItems } from './schema-info.ts';
import { listValue, rowCount, textValue, type FormValues } from './values.ts';

/*
 * Rendering of form items with the GOV.UK / KERN error pattern: an error summary at the top that
 * links to each field, and at the field a message with a visually hidden "Fehler:" prefix,
 * aria-describedby and aria-invalid. Everything works without JavaScript.
 */

/** What a form shows: the values as typed, the errors at field paths, and the schema for "required" and list limits. */
export interface FormView {
  values: FormValues;
  errors: readonly FieldError[];
  schema: z.ZodType;
}

/** The submit control's name for buttons that add or remove group rows. */
export const ACTION_FIELD = '_action';

export const ErrorSummary: FC<{ errors: ReadonlyArray<{ href: string; text: string }> }> = ({ errors }) =>
  errors.length === 0 ? null : (
    // Focused on load by enhance.js (tabindex -1 makes that possible); role=alert announces it without.
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} data-error-summary>
      <h2 id="error-summary-title">Es gibt ein Problem</h2>
      <ul>
        {errors.map((error) => (
          <li>
            <a href={error.href}>{error.text}</a>
          </li>
        ))}
      </ul>
    </div>
  );

/**
 * The error summary's entries for these items: "Ansprechperson 2, E-Mail-Adresse: …" linking to the
 * field (a checkbox's label is a whole sentence, so its message stands alone). pageUrl is set when the fields are on another page (e.g. from the review step).
 */
export function errorLinks(items: readonly FormItem[], errors: readonly FieldError[], pageUrl: (path: string) => string = () => ''): Array<{ href: string; text: string }> {
  return errors.map((error) => {
    const found = describeField(items, error.path);
    return { href: `${pageUrl(error.path)}#${found ? anchorId(found.field, error.path) : fieldId(error.path)}`, text: found && found.field.kind !== 'checkbox' ? `${found.label}: ${error.message}` : error.message };
  });
}

/** The field at a concrete path with a label that names the group row ("Ansprechperson 2, E-Mail-Adresse"). */
export function describeField(items: readonly FormItem[], path: string): { field: Field; label: string } | null {
  for (const { field, template, group } of fieldsOf(items)) {
    if (!group) {
      if (template === path) return { field, label: field.label };
      continue;
    }
    const match = new RegExp(`^${escapeRegExp(group.name)}\\.(\\d+)\\.${escapeRegExp(field.name)}$`).exec(path);
    if (match) return { field, label: `${group.itemLabel} ${Number(match[1]) + 1}, ${field.label}` };
  }
  const group = groupsOf(items).find((g) => g.name === path);
  return group ? { field: { kind: 'text', name: group.name, label: group.legend }, label: group.legend } : null;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const errorAt = (view: FormView, path: string) => view.errors.find((e) => e.path === path)?.message;

const describedBy = (...ids: Array<string | null>) => ids.filter((id): id is string => id !== null).join(' ') || undefined;

const Hint: FC<{ id: string; text?: string }> = ({ id, text }) =>
  text ? (
    <p class="hint" id={`${id}-hint`}>
      {text}
    </p>
  ) : null;

const ErrorMessage: FC<{ id: string; message?: string }> = ({ id, message }) =>
  message ? (
    <p class="error-message" id={`${id}-error`}>
      <span class="visually-hidden">Fehler:</span> {message}
    </p>
  ) : null;

const requiredMark = ' (Pflichtangabe)';

function Options({ field, value }: { field: SelectField; value: string }) {
  const option = (o: { value: string; label: string }) => (
    <option value={o.value} selected={o.value === value}>
      {o.label}
    </option>
  );
  return (
    <>
      {field.emptyLabel !== undefined ? option({ value: '', label: field.emptyLabel }) : null}
      {field.options.map((o) =>
        isSelectGroup(o) ? (
          <optgroup label={o.label}>{o.options.map(option)}</optgroup>
        ) : (
          option(o)
        ),
      )}
    </>
  );
}

const CheckboxList: FC<{ field: CheckboxesField; path: string; view: FormView }> = ({ field, path, view }) => {
  const id = fieldId(path);
  const error = errorAt(view, path);
  const chosen = new Set(listValue(view.values, path));
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <fieldset class="checkboxes" id={id} aria-describedby={describedBy(field.hint ? `${id}-hint` : null, error ? `${id}-error` : null)}>
        <legend>{field.label}</legend>
        <Hint id={id} text={field.hint} />
        <ErrorMessage id={id} message={error} />
        <ul>
          {field.options.map((option) => (
            <li class="checkbox-item">
              <input type="checkbox" id={`${id}-${option.value}`} name={path} value={option.value} checked={chosen.has(option.value)} />
              <label for={`${id}-${option.value}`}>{option.label}</label>
            </li>
          ))}
        </ul>
      </fieldset>
    </div>
  );
};

/** One field at a concrete path (inside a group: "contacts.1.email"). */
export const FormField: FC<{ field: Field; path: string; template: string; view: FormView }> = ({ field, path, template, view }) => {
  if (field.kind === 'checkboxes') return <CheckboxList field={field} path={path} view={view} />;
  const id = fieldId(path);
  const error = errorAt(view, path);
  const aria = {
    'aria-describedby': describedBy(field.hint ? `${id}-hint` : null, error ? `${id}-error` : null),
    'aria-invalid': error ? ('true' as const) : undefined,
  };
  const label = `${field.label}${isRequired(view.schema, template) ? requiredMark : ''}`;
  const value = textValue(view.values, path);
  if (field.kind === 'checkbox') {
    return (
      <div class={error ? 'field field-error' : 'field'}>
        <ErrorMessage id={id} message={error} />
        <div class="checkbox-item">
          <input type="checkbox" id={id} name={path} value="ja" checked={value !== ''} {...aria} />
          <label for={id}>{label}</label>
        </div>
        <Hint id={id} text={field.hint} />
      </div>
    );
  }
  let control: Child;
  if (field.kind === 'textarea' || field.kind === 'lines') {
    control = (
      <textarea id={id} name={path} rows={field.rows ?? 5} {...aria}>
        {value}
      </textarea>
    );
  } else if (field.kind === 'select') {
    control = (
      <select id={id} name={path} {...aria}>
        <Options field={field} value={value} />
      </select>
    );
  } else {
    const type = field.kind === 'email' || field.kind === 'tel' || field.kind === 'url' ? field.kind : 'text';
    control = (
      <input
        id={id}
        name={path}
        type={type}
        value={value}
        class={field.width ? `width-${field.width}` : undefined}
        inputmode={field.kind === 'money' ? 'decimal' : undefined}
        autocomplete={field.autocomplete}
        spellcheck={field.kind === 'email' || field.kind === 'url' ? false : undefined}
        {...aria}
      />
    );
  }
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{label}</label>
      <Hint id={id} text={field.hint} />
      <ErrorMessage id={id} message={error} />
      {control}
    </div>
  );
};

/** A repeatable group: one fieldset per row with a remove button, and an add button while the schema allows more. */
export const Group: FC<{ group: RepeatableGroup; view: FormView }> = ({ group, view }) => {
  const id = fieldId(group.name);
  const count = rowCount(view.values, group);
  // An empty group still shows one row to fill in; a blank row is left out of the data.
  const rows = Math.max(count, 1);
  const max = maxItems(view.schema, group.name);
  const error = errorAt(view, group.name);
  return (
    <fieldset class={error ? 'repeatable field-error' : 'repeatable'} id={id} aria-describedby={describedBy(group.hint ? `${id}-hint` : null, error ? `${id}-error` : null)}>
      <legend>{group.legend}</legend>
      <Hint id={id} text={group.hint} />
      <ErrorMessage id={id} message={error} />
      {Array.from({ length: rows }, (_, i) => (
        <fieldset class="repeatable-item" id={fieldId(itemPath(group, i))}>
          <legend>
            {group.itemLabel} {i + 1}
          </legend>
          {group.fields.map((field) => (
            <FormField field={field} path={`${itemPath(group, i)}.${field.name}`} template={`${group.name}.*.${field.name}`} view={view} />
          ))}
          {count > 0 ? (
            <button type="submit" name={ACTION_FIELD} value={`remove:${itemPath(group, i)}`} class="button-secondary">
              {group.itemLabel} {i + 1} entfernen
            </button>
          ) : null}
        </fieldset>
      ))}
      {max === null || rows < max ? (
        <button type="submit" name={ACTION_FIELD} value={`add:${group.name}`} class="button-secondary">
          {group.addLabel}
        </button>
      ) : (
        <p class="hint">Mehr als {max} Einträge sind nicht möglich.</p>
      )}
    </fieldset>
  );
};

/** Renders form items in order: fields, groups, and sections around them. */
export const FormItems: FC<{ items: readonly FormItem[]; view: FormView }> = ({ items, view }) => (
  <>
    {items.map((item) => {
      if (item.kind === 'group') return <Group group={item} view={view} />;
      if (item.kind === 'section') {
        const id = `abschnitt-${fieldId(item.legend.toLowerCase().replace(/[^a-z0-9äöüß]+/g, '-'))}`;
        return (
          <fieldset class="section" aria-describedby={item.hint ? `${id}-hint` : undefined}>
            <legend>{item.legend}</legend>
            <Hint id={id} text={item.hint} />
            <FormItems items={item.items} view={view} />
          </fieldset>
        );
      }
      return <FormField field={item} path={item.name} template={item.name} view={view} />;
    })}
  </>
);
