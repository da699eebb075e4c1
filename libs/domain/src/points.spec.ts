import fc from 'fast-check';
import { DomainRuleError } from './domain-rule.error';
import { formatPoints, grantsCertificate, parsePoints, starBand, starBandOfMean } from './points';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof DomainRuleError ? error.code : `not a DomainRuleError: ${String(error)}`;
  }
  return undefined;
}

/** Reference band, written from the table in domain-research.md §1.4 in points. */
function referenceBand(hundredths: number): number {
  const points = hundredths / 100;
  if (points < 30) return 1;
  if (points < 50) return 2;
  if (points < 70) return 3;
  if (points < 90) return 4;
  return 5;
}

describe('parsePoints', () => {
  it.each([
    ['70', 7000],
    ['69.5', 6950],
    ['69.99', 6999],
    ['0', 0],
    ['0.01', 1],
    ['0.5', 50],
    ['100', 10000],
    ['100.00', 10000],
    ['29.99', 2999],
  ])('parses "%s" as %i hundredths', (text, expected) => {
    expect(parsePoints(text)).toBe(expected);
  });

  it.each(['', ' 70', '70 ', '69,5', '69.999', '-1', '+5', '100.01', '101', '070', '.5', '5.', '1e2', 'NaN', '0x10', '7O', '٧٠'])(
    'rejects "%s" with POINTS_INVALID',
    (text) => {
      expect(codeOf(() => parsePoints(text))).toBe('POINTS_INVALID');
    },
  );

  it('honours a custom maximum, including one with decimals', () => {
    expect(parsePoints('5', 5)).toBe(500);
    expect(codeOf(() => parsePoints('5.01', 5))).toBe('POINTS_INVALID');
    expect(parsePoints('2.5', 2.5)).toBe(250);
    expect(codeOf(() => parsePoints('2.51', 2.5))).toBe('POINTS_INVALID');
    expect(parsePoints('120', 120)).toBe(12000);
  });

  it('refuses an unusable maximum as a programming error', () => {
    expect(() => parsePoints('1', -1)).toThrow(RangeError);
    expect(() => parsePoints('1', 0.001)).toThrow(RangeError);
    expect(() => parsePoints('1', Number.NaN)).toThrow(RangeError);
  });

  it('parses every value written with two decimals to its exact hundredths (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        fc.pre(whole < 100 || cents === 0);
        const text = `${whole}.${String(cents).padStart(2, '0')}`;
        expect(parsePoints(text)).toBe(whole * 100 + cents);
      }),
    );
  });
});

describe('formatPoints', () => {
  it.each([
    [6999, '69.99'],
    [7000, '70.00'],
    [6950, '69.50'],
    [1, '0.01'],
    [0, '0.00'],
    [10000, '100.00'],
  ])('formats %i as "%s"', (hundredths, expected) => {
    expect(formatPoints(hundredths)).toBe(expected);
  });

  it.each([-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects %p with POINTS_INVALID', (value) => {
    expect(codeOf(() => formatPoints(value))).toBe('POINTS_INVALID');
  });

  it('round-trips: parsePoints(formatPoints(h)) === h for every h in 0..10000 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), (h) => {
        expect(parsePoints(formatPoints(h))).toBe(h);
      }),
    );
  });

  it('round-trips the other way up to normalisation: "69.5" → "69.50" (property)', () => {
    const pointsText = fc
      .tuple(fc.integer({ min: 0, max: 99 }), fc.constantFrom('', '.d', '.dd'), fc.integer({ min: 0, max: 99 }))
      .map(([whole, shape, cents]) => {
        const two = String(cents).padStart(2, '0');
        return shape === '' ? `${whole}` : shape === '.d' ? `${whole}.${two[0]}` : `${whole}.${two}`;
      });
    fc.assert(
      fc.property(pointsText, (text) => {
        const formatted = formatPoints(parsePoints(text));
        expect(formatted).toMatch(/^\d+\.\d\d$/);
        expect(parsePoints(formatted)).toBe(parsePoints(text));
        const [whole, decimals = ''] = text.split('.');
        expect(formatted).toBe(`${whole}.${decimals.padEnd(2, '0')}`);
      }),
    );
  });
});

describe('starBand', () => {
  it.each([
    [0, 1],
    [2999, 1],
    [3000, 2],
    [4999, 2],
    [5000, 3],
    [6999, 3],
    [7000, 4],
    [8999, 4],
    [9000, 5],
    [10000, 5],
  ])('%i hundredths is %i★', (hundredths, stars) => {
    expect(starBand(hundredths)).toBe(stars);
  });

  it('steps up by exactly one star at every border and nowhere else (property)', () => {
    const borders = [3000, 5000, 7000, 9000];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10000 }), (h) => {
        const step = starBand(h) - starBand(h - 1);
        expect(step).toBe(borders.includes(h) ? 1 : 0);
      }),
    );
  });

  it('agrees with the band table for every total in 0..10000 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), (h) => {
        expect(starBand(h)).toBe(referenceBand(h));
      }),
    );
  });

  it('ranks a parsed border value, not a float near it', () => {
    expect(starBand(parsePoints('69.99'))).toBe(3);
    expect(starBand(parsePoints('70'))).toBe(4);
    expect(starBand(parsePoints('89.99'))).toBe(4);
    expect(starBand(parsePoints('90.00'))).toBe(5);
  });

  it.each([-1, 10001, 69.5, Number.NaN])('rejects %p with POINTS_INVALID', (value) => {
    expect(codeOf(() => starBand(value))).toBe('POINTS_INVALID');
  });

  it('rejects any integer above 10000 or below 0 (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 10001, max: 1_000_000 }), fc.integer({ min: -1_000_000, max: -1 })), (h) => {
        expect(codeOf(() => starBand(h))).toBe('POINTS_INVALID');
      }),
    );
  });
});

describe('starBandOfMean', () => {
  it('does not round a mean just under a border up to the next star', () => {
    // Mean 69.995: 3★, although rounding to hundredths would give 70.00 and 4★.
    expect(starBandOfMean([6999, 7000])).toBe(3);
    expect(starBandOfMean([7000, 7000])).toBe(4);
    // (89 + 90 + 91) / 3 = 90 exactly.
    expect(starBandOfMean([8900, 9000, 9100])).toBe(5);
    expect(starBandOfMean([8900, 9000, 9099])).toBe(4);
  });

  it('equals starBand for a single sheet and for identical sheets (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 1, max: 9 }), (h, n) => {
        expect(starBandOfMean(Array.from({ length: n }, () => h))).toBe(starBand(h));
      }),
    );
  });

  it('matches the exact rational mean compared with each border (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 1, maxLength: 9 }), (totals) => {
        const sum = totals.reduce((a, b) => a + b, 0);
        const n = totals.length;
        const expected = 1 + [3000, 5000, 7000, 9000].filter((border) => sum >= border * n).length;
        expect(starBandOfMean(totals)).toBe(expected);
      }),
    );
  });

  it('rejects no sheets and invalid totals', () => {
    expect(codeOf(() => starBandOfMean([]))).toBe('POINTS_INVALID');
    expect(codeOf(() => starBandOfMean([5000, 10001]))).toBe('POINTS_INVALID');
  });
});

describe('grantsCertificate', () => {
  it('grants a certificate from 3★ up only', () => {
    expect([1, 2, 3, 4, 5].map((stars) => grantsCertificate(stars as 1 | 2 | 3 | 4 | 5))).toEqual([false, false, true, true, true]);
  });

  it('grants exactly from the 50.00 border (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), (h) => {
        expect(grantsCertificate(starBand(h))).toBe(h >= 5000);
      }),
    );
  });
});
