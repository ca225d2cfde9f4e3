import type { FC } from 'hono/jsx';
import { fieldId, isSelectGroup, itemPath, type Field, type FormItem, type Option, type RepeatableGroup } from './definition.ts';
import { isBlankRow, listValue, rowCount, textValue, type FormValues } from './values.ts';

/*
 * Read-only view of form values (the "check your answers" page): what was typed, with option
 * labels instead of codes. JSX escapes everything, so typed HTML shows as text.
 */

const notGiven = 'Keine Angabe';

function optionLabel(options: ReadonlyArray<Option | { label: string; options: readonly Option[] }>, value: string): string {
  for (const option of options) {
    if (isSelectGroup(option)) {
      const inner = option.options.find((o) => o.value === value);
      if (inner) return inner.label;
    } else if (option.value === value) {
      return option.label;
    }
  }
  return value;
}

const Value: FC<{ field: Field; path: string; values: FormValues }> = ({ field, path, values }) => {
  if (field.kind === 'checkbox') return <>{textValue(values, path) !== '' ? 'Ja' : 'Nein'}</>;
  if (field.kind === 'checkboxes') {
    const chosen = listValue(values, path);
    return chosen.length === 0 ? (
      <>{notGiven}</>
    ) : (
      <ul>
        {chosen.map((value) => (
          <li>{field.options.find((o) => o.value === value)?.label ?? value}</li>
        ))}
      </ul>
    );
  }
  const text = textValue(values, path).trim();
  if (text === '') return <span class="not-given">{notGiven}</span>;
  if (field.kind === 'select') return <>{optionLabel(field.options, text)}</>;
  // Line breaks as typed (CSS white-space: pre-line); no markup is interpreted.
  return <span class="typed">{text}</span>;
};

const Rows: FC<{ fields: readonly Field[]; prefix: string; values: FormValues }> = ({ fields, prefix, values }) => (
  <dl class="summary-list">
    {fields.map((field) => (
      <div class="summary-row">
        <dt>{field.label}</dt>
        <dd>
          <Value field={field} path={`${prefix}${field.name}`} values={values} />
        </dd>
      </div>
    ))}
  </dl>
);

const GroupSummary: FC<{ group: RepeatableGroup; values: FormValues; level: 3 | 4 }> = ({ group, values, level }) => {
  const filled = Array.from({ length: rowCount(values, group) }, (_, i) => i).filter((i) => !isBlankRow(values, group, i));
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <div class="summary-group" id={`zusammenfassung-${fieldId(group.name)}`}>
      <Heading>{group.legend}</Heading>
      {filled.length === 0 ? (
        <p class="not-given">{notGiven}</p>
      ) : (
        filled.map((row, n) => (
          <>
            <p class="summary-item">
              {group.itemLabel} {n + 1}
            </p>
            <Rows fields={group.fields} prefix={`${itemPath(group, row)}.`} values={values} />
          </>
        ))
      )}
    </div>
  );
};

/** All items with their values; groups and sections get headings at the given level (nested ones one below). */
export const ValuesSummary: FC<{ items: readonly FormItem[]; values: FormValues; level?: 3 | 4 }> = ({ items, values, level = 3 }) => {
  // Consecutive plain fields share one list; groups and sections interrupt it.
  const blocks: Array<Field[] | Exclude<FormItem, Field>> = [];
  for (const item of items) {
    const last = blocks[blocks.length - 1];
    if (item.kind === 'group' || item.kind === 'section') blocks.push(item);
    else if (Array.isArray(last)) last.push(item);
    else blocks.push([item]);
  }
  return (
    <>
      {blocks.map((block) => {
        if (Array.isArray(block)) return <Rows fields={block} prefix="" values={values} />;
        if (block.kind === 'group') return <GroupSummary group={block} values={values} level={level} />;
        const Heading = level === 3 ? 'h3' : 'h4';
        return (
          <div class="summary-section">
            <Heading>{block.legend}</Heading>
            <ValuesSummary items={block.items} values={values} level={4} />
          </div>
        );
      })}
    </>
  );
};
