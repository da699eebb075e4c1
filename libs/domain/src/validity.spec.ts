import fc from 'fast-check';
import { CERTIFICATE_VALIDITY_MONTHS, addMonthsClamped, certificateValidTo } from './validity';

const utc = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);
const day = (date: Date): string => date.toISOString().slice(0, 10);

describe('addMonthsClamped', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-03-31', 1, '2024-04-30'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2024-12-15', 1, '2025-01-15'],
    ['2025-01-15', -1, '2024-12-15'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2100-01-31', 1, '2100-02-28'],
    ['2000-01-31', 1, '2000-02-29'],
    ['2025-05-20', 0, '2025-05-20'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(day(addMonthsClamped(utc(from), months))).toBe(expected);
  });

  it('keeps the time of day and does not mutate its argument', () => {
    const from = new Date('2025-01-31T09:30:15.250Z');
    expect(addMonthsClamped(from, 1).toISOString()).toBe('2025-02-28T09:30:15.250Z');
    expect(from.toISOString()).toBe('2025-01-31T09:30:15.250Z');
  });

  it('rejects fractional months and invalid dates', () => {
    expect(() => addMonthsClamped(utc('2025-01-01'), 1.5)).toThrow(RangeError);
    expect(() => addMonthsClamped(new Date(Number.NaN), 1)).toThrow(RangeError);
  });

  it('lands in the right month on the same or the last day (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.integer({ min: -240, max: 240 }),
        (ms, months) => {
          const from = new Date(ms);
          const to = addMonthsClamped(from, months);
          const monthsApart = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
          expect(monthsApart).toBe(months);
          const lastDay = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() + 1, 0)).getUTCDate();
          expect(to.getUTCDate()).toBe(Math.min(from.getUTCDate(), lastDay));
          expect(to.getTime() % 86_400_000).toBe(from.getTime() % 86_400_000);
        },
      ),
    );
  });
});

describe('certificateValidTo', () => {
  it('is 36 months after the start', () => {
    expect(CERTIFICATE_VALIDITY_MONTHS).toBe(36);
    expect(day(certificateValidTo(utc('2023-03-15')))).toBe('2026-03-15');
    expect(day(certificateValidTo(utc('2019-12-30')))).toBe('2022-12-30');
  });

  it('ends on 28 February when issued on a 29 February', () => {
    expect(day(certificateValidTo(utc('2024-02-29')))).toBe('2027-02-28');
  });

  it('keeps a 29 February that exists three years on', () => {
    expect(day(certificateValidTo(utc('2025-02-28')))).toBe('2028-02-28');
    expect(day(certificateValidTo(utc('2021-03-01')))).toBe('2024-03-01');
  });
});
