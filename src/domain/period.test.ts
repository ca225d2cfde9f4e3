import { describe, expect, it } from 'vitest';
import { PeriodSchema, deriveStatus, formatPeriod } from './period.ts';
import { earliestDay, isValidPartialDate, latestDay, todayInBerlin } from './partial-date.ts';

const period = (start: string | null, end: string | null) => PeriodSchema.parse({ start, end });

describe('partial dates', () => {
  it('accepts year, month and day precision and rejects impossible dates', () => {
    expect(['2019', '2019-06', '2024-02-29'].every(isValidPartialDate)).toBe(true);
    expect(['2019-13', '2023-02-29', '2019-06-31', '1800'].some(isValidPartialDate)).toBe(false);
  });

  it('widens a partial date to its first and last possible day', () => {
    expect([earliestDay('2019'), latestDay('2019')]).toEqual(['2019-01-01', '2019-12-31']);
    expect([earliestDay('2024-02'), latestDay('2024-02')]).toEqual(['2024-02-01', '2024-02-29']);
    expect(latestDay('2021-10-01')).toBe('2021-10-01');
  });

  it('uses the German calendar day, not UTC, for today', () => {
    expect(todayInBerlin(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});

describe('status derived from the period', () => {
  it('is planned before the start, running within, finished after the end', () => {
    const p = period('2021-10-01', '2023-09-30');
    expect(deriveStatus(p, '2021-09-30')).toBe('planned');
    expect(deriveStatus(p, '2021-10-01')).toBe('running');
    expect(deriveStatus(p, '2023-09-30')).toBe('running');
    expect(deriveStatus(p, '2023-10-01')).toBe('finished');
  });

  it('keeps an open-ended period running and counts a year-only end until 31 December', () => {
    expect(deriveStatus(period('2019', null), '2026-11-21')).toBe('running');
    expect(deriveStatus(period('2019', '2022'), '2022-12-31')).toBe('running');
    expect(deriveStatus(period('2019', '2022'), '2023-01-01')).toBe('finished');
    expect(deriveStatus(period(null, null), '2026-11-21')).toBe('unknown');
  });

  it('refuses an end before the start with an error code for the end field', () => {
    const result = PeriodSchema.safeParse({ start: '2023-05', end: '2023-04-30' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['end'], message: 'period_end_before_start' });
    expect(PeriodSchema.safeParse({ start: '2023-05', end: '2023-05-01' }).success).toBe(true);
  });

  it('formats periods in German', () => {
    expect(formatPeriod(period('2021-10-01', '2023-09-30'))).toBe('01.10.2021 bis 30.09.2023');
    expect(formatPeriod(period('2019', null))).toBe('seit 2019');
    expect(formatPeriod(period('2020-03', null))).toBe('seit März 2020');
  });
});
