import { DomainRuleError } from './domain-rule.error';

// Points are integer hundredths (69.99 points = 6999) so that no float is ever compared at a
// star border. Parsing and formatting work on the decimal digits, never on float arithmetic.

/** Whole part without leading zeros, then at most two decimals: "70", "69.5", "0.25". */
const POINTS_PATTERN = /^(0|[1-9]\d{0,6})(?:\.(\d{1,2}))?$/;

function digitsToHundredths(text: string): number | undefined {
  const match = POINTS_PATTERN.exec(text);
  if (match === null) return undefined;
  const whole = match[1] as string;
  const decimals = (match[2] ?? '').padEnd(2, '0');
  // Concatenating the digits gives the value in hundredths as a decimal integer string.
  return Number.parseInt(`${whole}${decimals}`, 10);
}

/**
 * Parses a points value written with at most two decimals ("70", "69.5", "69.99") into integer
 * hundredths, between 0 and `max` points inclusive (default 100). `max` may itself carry up to
 * two decimals (e.g. 2.5 for a criterion worth 2.5 points).
 */
export function parsePoints(text: string, max = 100): number {
  const maxHundredths = digitsToHundredths(String(max));
  if (maxHundredths === undefined) {
    throw new RangeError(`max must be a non-negative number with at most 2 decimals, got ${max}`);
  }
  const value = typeof text === 'string' ? digitsToHundredths(text) : undefined;
  if (value === undefined || value > maxHundredths) {
    throw new DomainRuleError(
      'POINTS_INVALID',
      `Points must be a number from 0 to ${formatPoints(maxHundredths)} with at most 2 decimals, got "${String(text)}"`,
    );
  }
  return value;
}

function assertHundredths(hundredths: number): void {
  if (!Number.isSafeInteger(hundredths) || hundredths < 0) {
    throw new DomainRuleError('POINTS_INVALID', `Points must be a non-negative integer of hundredths, got ${hundredths}`);
  }
}

/** Formats integer hundredths with exactly two decimals: 6999 → "69.99", 7000 → "70.00". */
export function formatPoints(hundredths: number): string {
  assertHundredths(hundredths);
  const digits = String(hundredths).padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

export type StarRating = 1 | 2 | 3 | 4 | 5;

/** Lower borders (hundredths) of 2★..5★; 1048/QĐ-TTg and 148/QĐ-TTg: bands 30, 50, 70, 90. */
const STAR_BORDERS: readonly (readonly [StarRating, number])[] = [
  [5, 9000],
  [4, 7000],
  [3, 5000],
  [2, 3000],
];

export const MAX_POINTS_HUNDREDTHS = 10000;

/** The lowest total (hundredths) of a star band: 2★ 3000, 3★ 5000, 4★ 7000, 5★ 9000; 1★ 0. */
export function starBorderHundredths(stars: StarRating): number {
  return STAR_BORDERS.find(([s]) => s === stars)?.[1] ?? 0;
}

/**
 * The star band of a total, half-open: 1★ [0,30), 2★ [30,50), 3★ [50,70), 4★ [70,90),
 * 5★ [90,100] (148/QĐ-TTg). Throws POINTS_INVALID outside 0..10000 hundredths or for a non-integer.
 */
export function starBand(hundredths: number): StarRating {
  assertHundredths(hundredths);
  if (hundredths > MAX_POINTS_HUNDREDTHS) {
    throw new DomainRuleError('POINTS_INVALID', `Points cannot exceed 100.00, got ${formatPoints(hundredths)}`);
  }
  for (const [stars, border] of STAR_BORDERS) {
    if (hundredths >= border) return stars;
  }
  return 1;
}

/**
 * The star band of the arithmetic mean of the council members' totals (148/QĐ-TTg), decided
 * exactly: mean ≥ border ⇔ sum ≥ border × n, so a mean such as 69.995 is never rounded up to 4★.
 */
export function starBandOfMean(totalsInHundredths: readonly number[]): StarRating {
  if (totalsInHundredths.length === 0) {
    throw new DomainRuleError('POINTS_INVALID', 'Cannot rank the mean of no score sheets');
  }
  const sum = totalsInHundredths.reduce((acc, total) => {
    starBand(total); // validates each total
    return acc + total;
  }, 0);
  const n = totalsInHundredths.length;
  for (const [stars, border] of STAR_BORDERS) {
    if (sum >= border * n) return stars;
  }
  return 1;
}

/** Only 3★ and above receive a certificate (148/QĐ-TTg). */
export function grantsCertificate(stars: StarRating): boolean {
  return stars >= 3;
}
