import { z } from 'zod';

/**
 * A date known to year, month or day precision: "2019", "2019-06", "2021-10-01".
 * Source documents often say only "Seit Sommer 2019", so precision is part of the value.
 */
export const PartialDateSchema = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { error: 'partial_date_format' })
  .refine(isValidPartialDate, { error: 'partial_date_invalid' })
  .meta({ description: 'Date as YYYY, YYYY-MM or YYYY-MM-DD', examples: ['2019', '2021-10', '2021-10-01'] });

export type PartialDate = z.infer<typeof PartialDateSchema>;

export function isValidPartialDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  if (y === undefined || y < 1900 || y > 2200) return false;
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  return d >= 1 && d <= daysInMonth(y, m);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Earliest calendar day the partial date may denote, as YYYY-MM-DD. */
export function earliestDay(value: PartialDate): string {
  const [y, m = '01', d = '01'] = value.split('-');
  return `${y}-${m}-${d}`;
}

/** Latest calendar day the partial date may denote, as YYYY-MM-DD. */
export function latestDay(value: PartialDate): string {
  const parts = value.split('-');
  const y = Number(parts[0]);
  const m = parts[1] ? Number(parts[1]) : 12;
  const d = parts[2] ? Number(parts[2]) : daysInMonth(y, m);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Today's date in Germany as YYYY-MM-DD; status must follow the local calendar, not UTC. */
export function todayInBerlin(now: Date = new Date()): string {
  return berlinDate.format(now);
}

// Creating the formatter is costly; it is used on every search and page.
const berlinDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

const monthNames = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

/** German display form: "2019", "Oktober 2021", "01.10.2021". */
export function formatPartialDate(value: PartialDate): string {
  const [y, m, d] = value.split('-');
  if (d && m) return `${d}.${m}.${y}`;
  if (m) return `${monthNames[Number(m) - 1]} ${y}`;
  return y ?? value;
}

/**
 * A date as typed into a form → the stored form, when its shape is recognised: "01.10.2021" →
 * "2021-10-01", "10.2021" or "10/2021" → "2021-10", "2021" stays. Anything else is returned trimmed
 * and unchanged, so PartialDateSchema reports it (the rules stay in the schema).
 */
export function normalisePartialDateInput(text: string): string {
  const t = text.trim();
  const pad = (n: string) => n.padStart(2, '0');
  let m = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})$/.exec(t);
  if (m) return `${m[3]}-${pad(m[2] ?? '')}-${pad(m[1] ?? '')}`;
  m = /^(\d{1,2})\s?[./]\s?(\d{4})$/.exec(t);
  if (m) return `${m[2]}-${pad(m[1] ?? '')}`;
  return t;
}

/** The stored form as a form shows it for editing: "01.10.2021", "10.2021", "2021". */
export function formatPartialDateInput(value: PartialDate): string {
  const [y, m, d] = value.split('-');
  if (d && m) return `${d}.${m}.${y}`;
  if (m) return `${m}.${y}`;
  return value;
}
