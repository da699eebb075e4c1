import { DomainRuleError } from './domain-rule.error';
import { addMonthsClamped } from './validity';

/**
 * Vietnam's calendar, in one place. Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving), so a fixed
 * offset is exact: every rule that speaks of a day (a legal version's effective date, the 2025 calendar,
 * a cycle year, a certificate's validity, a document's date) reads the instant through these functions,
 * whatever the server's time zone.
 */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

export interface VietnamClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function millis(at: Date | string): number {
  const time = (typeof at === 'string' ? new Date(at) : at instanceof Date ? at : new Date(Number.NaN)).getTime();
  if (Number.isNaN(time)) throw new DomainRuleError('DATE_INVALID', `Expected a valid date, not ${String(at)}`);
  return time;
}

/** The Vietnam wall clock at an instant (an ISO string or a Date). */
export function vietnamClock(at: Date | string): VietnamClock {
  const local = new Date(millis(at) + VIETNAM_OFFSET_MS);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  };
}

const two = (n: number): string => String(n).padStart(2, '0');

/** The Vietnam calendar day of an instant, 'YYYY-MM-DD' (2025-07-05T17:00:00Z → '2025-07-06'). */
export function vietnamDay(at: Date | string): string {
  const { year, month, day } = vietnamClock(at);
  return `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}`;
}

/** The Vietnam calendar year of an instant (the OCOP cycle year, the year in a decision's or a sample's number). */
export function vietnamYear(at: Date | string): number {
  return vietnamClock(at).year;
}

/** The instant at which a Vietnam calendar day 'YYYY-MM-DD' begins (00:00 in Vietnam, 17:00Z the day before). */
export function vietnamDayStart(day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date) - VIETNAM_OFFSET_MS);
}

/**
 * A Vietnam calendar year as the instants [from, to): from its first day's start to the next year's, or to `until` if
 * that comes first (a year counted as of an instant inside it).
 */
export function vietnamYearSpan(year: number, until?: Date): { from: Date; to: Date } {
  const next = vietnamDayStart(`${year + 1}-01-01`);
  return { from: vietnamDayStart(`${year}-01-01`), to: until && until < next ? until : next };
}

/** The Vietnam calendar day of an instant as a date-only value (00:00Z of that day), the way validity dates are stored. */
export function vietnamCalendarDate(at: Date | string): Date {
  return new Date(`${vietnamDay(at)}T00:00:00Z`);
}

/**
 * The same Vietnam wall-clock time `months` calendar months later (the day clamped to a shorter month's end): the
 * sessions of a recurring series, "one every two months" from the first.
 */
export function addVietnamMonths(at: Date, months: number): Date {
  return new Date(addMonthsClamped(new Date(at.getTime() + VIETNAM_OFFSET_MS), months).getTime() - VIETNAM_OFFSET_MS);
}
