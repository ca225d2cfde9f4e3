import { z } from 'zod';
import { PartialDateSchema, earliestDay, latestDay, formatPartialDate, todayInBerlin, type PartialDate } from './partial-date.ts';

export const PeriodSchema = z
  .object({
    start: PartialDateSchema.nullable().default(null),
    /** null with a start means an open end ("seit 2019", "laufend"). */
    end: PartialDateSchema.nullable().default(null),
    /** The wording of the source, kept so editors can see what was interpreted. */
    text: z.string().max(500).nullable().default(null),
  })
  .refine((p) => !p.start || !p.end || earliestDay(p.start) <= latestDay(p.end), {
    error: 'period_end_before_start',
    path: ['end'],
  });

export type Period = z.infer<typeof PeriodSchema>;

export const statusValues = ['planned', 'running', 'finished', 'unknown'] as const;
export type ProjectStatus = (typeof statusValues)[number];

export const statusLabels: Record<ProjectStatus, string> = {
  planned: 'geplant',
  running: 'laufend',
  finished: 'abgeschlossen',
  unknown: 'unbekannt',
};

/**
 * Status is derived from the period and today, never stored, so it cannot go stale.
 * A partial start counts from its first day, a partial end until its last day.
 */
export function deriveStatus(period: Period, today: string = todayInBerlin()): ProjectStatus {
  return statusFromDays(period.start ? earliestDay(period.start) : null, period.end ? latestDay(period.end) : null, today);
}

/** The same rule on precomputed first/last days (YYYY-MM-DD), for callers that filter many records. */
export function statusFromDays(startDay: string | null, endDay: string | null, today: string): ProjectStatus {
  if (!startDay && !endDay) return 'unknown';
  if (startDay && startDay > today) return 'planned';
  if (endDay && endDay < today) return 'finished';
  return 'running';
}

export function formatPeriod(period: Period): string | null {
  const { start, end } = period;
  if (start && end) return `${formatPartialDate(start)} bis ${formatPartialDate(end)}`;
  if (start) return `seit ${formatPartialDate(start)}`;
  if (end) return `bis ${formatPartialDate(end)}`;
  return period.text;
}

export type { PartialDate };
