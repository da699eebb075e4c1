import fc from 'fast-check';
import { DEFAULT_RISK_WEIGHTS, inScope, riskScore, selectCertificates, shareOf, type PoolCertificate } from './inspection-selection';

const asOf = new Date('2031-07-01T00:00:00Z');
const cert = (i: number, o: Partial<PoolCertificate> = {}): PoolCertificate => ({
  certificateId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  productGroup: 'FOOD',
  productSetCode: '04',
  stars: 3,
  unitCodes: ['38', '380'],
  issuedAt: new Date('2030-01-01T00:00:00Z'),
  validTo: new Date('2033-01-01T00:00:00Z'),
  lastInspectedAt: null,
  priorViolations: 0,
  complaints: 0,
  ...o,
});

describe('campaign selection', () => {
  it('a random share is the same set for the same seed and pool, whatever the pool order, and another set for another seed', () => {
    const pool = Array.from({ length: 200 }, (_, i) => cert(i));
    const a = selectCertificates(pool, { kind: 'RANDOM', share: 0.25, seed: 'Q3-2031' }, asOf).map((s) => s.certificateId);
    const b = selectCertificates([...pool].reverse(), { kind: 'RANDOM', share: 0.25, seed: 'Q3-2031' }, asOf).map((s) => s.certificateId);
    const c = selectCertificates(pool, { kind: 'RANDOM', share: 0.25, seed: 'Q4-2031' }, asOf).map((s) => s.certificateId);
    expect(a).toHaveLength(50);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it("any pool and seed: the selection is a subset of the pool of the share's size", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 100 }), fc.string(), (n, pct, seed) => {
        const pool = Array.from({ length: n }, (_, i) => cert(i));
        const sel = selectCertificates(pool, { kind: 'RANDOM', share: pct / 100, seed }, asOf);
        expect(sel).toHaveLength(shareOf(n, pct / 100));
        expect(new Set(sel.map((s) => s.certificateId)).size).toBe(sel.length);
      }),
    );
  });

  it('ranks by risk as the weights say: group, years uninspected, violations, complaints, nearing expiry', () => {
    const pool = [
      cert(1, { productGroup: 'HANDICRAFTS', lastInspectedAt: new Date('2031-01-01T00:00:00Z') }), // 5
      cert(2, { productGroup: 'FOOD', lastInspectedAt: new Date('2031-01-01T00:00:00Z') }), // 30
      cert(3, { productGroup: 'FOOD', priorViolations: 1, lastInspectedAt: new Date('2031-01-01T00:00:00Z') }), // 50
      cert(4, { productGroup: 'HERBAL', complaints: 2, lastInspectedAt: new Date('2031-01-01T00:00:00Z') }), // 55
      cert(5, {
        productGroup: 'HANDICRAFTS',
        validTo: new Date('2031-09-01T00:00:00Z'),
        lastInspectedAt: new Date('2031-01-01T00:00:00Z'),
      }), // 15
      cert(6, { productGroup: 'HANDICRAFTS', issuedAt: new Date('2028-06-01T00:00:00Z') }), // 5 + 3 years × 10 = 35
    ];
    const ranked = selectCertificates(pool, { kind: 'RISK', share: 1 }, asOf);
    expect(ranked.map((r) => [Number(r.certificateId.slice(-2)), r.score])).toEqual([
      [4, 55],
      [3, 50],
      [6, 35],
      [2, 30],
      [5, 15],
      [1, 5],
    ]);
    expect(ranked[0]!.reasons).toEqual(['group HERBAL: +25', '2 complaints: +30']);
    // A weight decides: complaints worth nothing puts the violation first.
    const other = selectCertificates(pool, { kind: 'RISK', share: 0.34, weights: { perComplaint: 0 } }, asOf);
    expect(other.map((r) => Number(r.certificateId.slice(-2)))).toEqual([3, 6, 2]);
    expect(riskScore(pool[0]!, DEFAULT_RISK_WEIGHTS, asOf).score).toBe(5);
  });

  it('scopes by group, set, unit, stars, issue date and expiry window', () => {
    const c = cert(1, { productGroup: 'BEVERAGES', stars: 4, unitCodes: ['38', '381'] });
    expect(inScope(c, {}, asOf)).toBe(true);
    expect(inScope(c, { productGroups: ['FOOD'] }, asOf)).toBe(false);
    expect(inScope(c, { unitCodes: ['381'], stars: [4, 5] }, asOf)).toBe(true);
    expect(inScope(c, { issuedBefore: new Date('2029-12-31T00:00:00Z') }, asOf)).toBe(false);
    expect(inScope(c, { expiringWithinDays: 365 }, asOf)).toBe(false);
    expect(inScope(c, { expiringWithinDays: 600 }, asOf)).toBe(true);
  });
});
