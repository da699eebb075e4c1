import { AppError } from './errors';
import { validateInto } from './validate';
import { PageQuery } from './query';

const refusal = (plain: Record<string, unknown>): { field?: string; message: string } | undefined => {
  try {
    validateInto(PageQuery, plain);
    return undefined;
  } catch (e) {
    return { field: (e as AppError).field, message: (e as AppError).message };
  }
};

describe('query numbers', () => {
  it('turns only strings of decimal digits into numbers', () => {
    expect(validateInto(PageQuery, { limit: '16', offset: '0' })).toMatchObject({ limit: 16, offset: 0 });
    expect(validateInto(PageQuery, { limit: '007' }).limit).toBe(7);
    for (const bad of ['0x10', '1e3', 'true', '', ' 7', '+5', '-1', '1.5', '١٢']) {
      expect({ bad, refusal: refusal({ limit: bad }) }).toEqual({
        bad,
        refusal: { field: 'limit', message: 'limit must be a whole number from 1 to 500 in decimal digits' },
      });
    }
  });

  it('bounds every number, and takes numbers as they are from a NATS payload', () => {
    expect(refusal({ limit: '501' })?.field).toBe('limit');
    expect(refusal({ limit: '0' })?.field).toBe('limit');
    expect(refusal({ offset: '1000001' })?.field).toBe('offset');
    expect(refusal({ offset: '99999999999999999999' })?.field).toBe('offset');
    expect(validateInto(PageQuery, { limit: 500, offset: 1_000_000 })).toMatchObject({ limit: 500, offset: 1_000_000 });
    expect(refusal({ limit: true })?.field).toBe('limit');
  });
});
