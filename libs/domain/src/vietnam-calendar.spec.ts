import fc from 'fast-check';
import { addVietnamMonths, vietnamCalendarDate, vietnamClock, vietnamDay, vietnamDayStart, vietnamYear } from './vietnam-calendar';

const at = (iso: string): Date => new Date(iso);

describe('vietnamDay', () => {
  it('is already the next day in Vietnam from 17:00 UTC', () => {
    expect(vietnamDay(at('2025-07-05T16:59:59.999Z'))).toBe('2025-07-05');
    expect(vietnamDay(at('2025-07-05T17:00:00Z'))).toBe('2025-07-06');
  });

  it('reads the Vietnam wall clock of an offset timestamp', () => {
    expect(vietnamDay(at('2025-07-06T00:00:00+07:00'))).toBe('2025-07-06');
    expect(vietnamDay(at('2025-07-05T23:59:59+07:00'))).toBe('2025-07-05');
  });

  it('equals the UTC date of the instant shifted by 7 hours, for any instant (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }), (ms) => {
        expect(vietnamDay(new Date(ms))).toBe(new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10));
      }),
    );
  });

  it('rejects an invalid date with DATE_INVALID', () => {
    expect(() => vietnamDay(new Date(Number.NaN))).toThrow(expect.objectContaining({ code: 'DATE_INVALID' }));
  });
});

describe('the rest of the Vietnam calendar', () => {
  it('reads the wall clock, the year and the date-only value of an instant', () => {
    expect(vietnamClock('2031-12-31T17:05:00Z')).toEqual({ year: 2032, month: 1, day: 1, hour: 0, minute: 5 });
    expect(vietnamYear(at('2031-12-31T16:59:59Z'))).toBe(2031);
    expect(vietnamYear(at('2031-12-31T17:00:00Z'))).toBe(2032);
    expect(vietnamCalendarDate(at('2031-12-31T17:00:00Z')).toISOString()).toBe('2032-01-01T00:00:00.000Z');
  });

  it('starts a Vietnam day at 17:00 UTC the day before, and that instant reads back as the same day (property)', () => {
    expect(vietnamDayStart('2025-07-01').toISOString()).toBe('2025-06-30T17:00:00.000Z');
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const day = d.toISOString().slice(0, 10);
        expect(vietnamDay(vietnamDayStart(day))).toBe(day);
        expect(vietnamDay(new Date(vietnamDayStart(day).getTime() - 1))).not.toBe(day);
      }),
    );
  });
});

describe('addVietnamMonths', () => {
  it('keeps the Vietnam wall-clock time and clamps the day', () => {
    // 19:00 on 31/01/2026 in Vietnam is 12:00Z: two months on is 19:00 on 31/03, one month on 19:00 on 28/02.
    expect(addVietnamMonths(new Date('2026-01-31T12:00:00Z'), 2).toISOString()).toBe('2026-03-31T12:00:00.000Z');
    expect(addVietnamMonths(new Date('2026-01-31T12:00:00Z'), 1).toISOString()).toBe('2026-02-28T12:00:00.000Z');
    // 06:00 on 01/03 in Vietnam is 23:00Z on 28/02: the Vietnam day counts, not the UTC one.
    expect(addVietnamMonths(new Date('2026-02-28T23:00:00Z'), 2).toISOString()).toBe('2026-04-30T23:00:00.000Z');
  });
});
