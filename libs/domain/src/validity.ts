/**
 * Adds calendar months in UTC, keeping the time of day and clamping the day to the end of a
 * shorter month: Jan 31 + 1 month = Feb 28 (Feb 29 in a leap year). Dates are read as UTC
 * calendar dates, so callers should pass a date-only value (the Vietnam calendar day at 00:00Z).
 */
export function addMonthsClamped(date: Date, months: number): Date {
  if (!Number.isInteger(months)) {
    throw new RangeError(`months must be an integer, got ${months}`);
  }
  if (Number.isNaN(date.getTime())) {
    throw new RangeError('date must be a valid date');
  }
  const monthIndex = date.getUTCMonth() + months;
  const year = date.getUTCFullYear() + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const result = new Date(date.getTime());
  result.setUTCFullYear(year, month, 1);
  result.setUTCDate(Math.min(date.getUTCDate(), daysInMonth(year, month)));
  return result;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month] as number;
}

/** 3★–5★ certificates are valid 36 months from issue (148/QĐ-TTg). */
export const CERTIFICATE_VALIDITY_MONTHS = 36;

/** The end of a certificate's validity: the same calendar day 36 months after `validFrom`. */
export function certificateValidTo(validFrom: Date): Date {
  return addMonthsClamped(validFrom, CERTIFICATE_VALIDITY_MONTHS);
}
