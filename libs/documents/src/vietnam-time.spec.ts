import { placeDateLine, vietnamDate, vietnamDateTime, vietnamNumericDate, vietnamTime } from './vietnam-time';

describe('Vietnam time', () => {
  it('reads instants in UTC+7, whatever their offset', () => {
    expect(vietnamDate('2026-11-23T18:30:00Z')).toBe('ngày 24 tháng 11 năm 2026');
    expect(vietnamTime('2026-11-23T18:30:00Z')).toBe('01 giờ 30 phút');
    expect(vietnamTime('2026-11-24T08:00:00+07:00')).toBe('08 giờ 00 phút');
    expect(vietnamDateTime('2026-12-31T17:00:00Z')).toBe('00 giờ 00 phút, ngày 01 tháng 01 năm 2027');
    expect(vietnamDate(new Date('2026-11-23T16:59:59Z'))).toBe('ngày 23 tháng 11 năm 2026');
  });

  it('pads days below 10 and the months 1 and 2 only (Nghị định 30/2020/NĐ-CP)', () => {
    expect(vietnamDate('2026-02-04T03:00:00Z')).toBe('ngày 04 tháng 02 năm 2026');
    expect(vietnamDate('2026-03-09T03:00:00Z')).toBe('ngày 09 tháng 3 năm 2026');
    expect(vietnamDate('2026-10-10T03:00:00Z')).toBe('ngày 10 tháng 10 năm 2026');
  });

  it('writes the numeric date of a citation, padded, on the Vietnam calendar', () => {
    expect(vietnamNumericDate('2026-01-31T17:30:00Z')).toBe('01/02/2026');
    expect(vietnamNumericDate('2026-03-09T03:00:00Z')).toBe('09/03/2026');
    expect(vietnamNumericDate('2029-01-31T00:00:00Z')).toBe('31/01/2029');
  });

  it('writes the place-and-date line', () => {
    expect(placeDateLine('Thanh Hóa', '2026-11-23T18:30:00Z')).toBe('Thanh Hóa, ngày 24 tháng 11 năm 2026');
  });

  it('rejects an invalid instant', () => {
    expect(() => vietnamDate('24/11/2026')).toThrow(expect.objectContaining({ code: 'DATE_INVALID' }));
  });
});
