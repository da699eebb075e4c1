import { LAB_INDICATORS, SampleStage as S, canTakeStep, canonicalResult, defaultIndicators, overallVerdict, stageDueAt } from './sample';
import { PRODUCT_SETS } from './product-catalogue';

const deadlines = { collectHours: 72, dispatchHours: 48, receiveHours: 48 };

describe('sample lifecycle', () => {
  it('allows each step only from its stages', () => {
    expect(canTakeStep(S.REQUESTED, 'COLLECT')).toBe(true);
    expect(canTakeStep(S.REQUESTED, 'DISPATCH')).toBe(false);
    expect(canTakeStep(S.DISPATCHED, 'RESULT')).toBe(true);
    expect(canTakeStep(S.RECEIVED_BY_LAB, 'RESULT')).toBe(true);
    expect(canTakeStep(S.RESULT_RECORDED, 'RESULT')).toBe(false);
    expect(canTakeStep(S.CANCELLED, 'COLLECT')).toBe(false);
  });

  it('dates each stage from its start: office steps by hours, the lab by its turnaround', () => {
    const t = new Date('2030-05-01T00:00:00Z');
    expect(stageDueAt(S.REQUESTED, t, deadlines, 7)?.toISOString()).toBe('2030-05-04T00:00:00.000Z');
    expect(stageDueAt(S.COLLECTED, t, deadlines, 7)?.toISOString()).toBe('2030-05-03T00:00:00.000Z');
    expect(stageDueAt(S.DISPATCHED, t, deadlines, 7)?.toISOString()).toBe('2030-05-10T00:00:00.000Z');
    expect(stageDueAt(S.RECEIVED_BY_LAB, t, deadlines, 7)?.toISOString()).toBe('2030-05-08T00:00:00.000Z');
    expect(stageDueAt(S.RESULT_RECORDED, t, deadlines, 7)).toBeNull();
  });

  it('fails overall when one indicator fails, and recognises the same result in another order', () => {
    const a = { code: 'LEAD', value: '0.05', unit: 'mg/kg', limit: '0.1', verdict: 'PASS' as const };
    const b = { code: 'E_COLI', value: '12', unit: 'CFU/g', limit: '10', verdict: 'FAIL' as const };
    expect(overallVerdict([a])).toBe('PASS');
    expect(overallVerdict([a, b])).toBe('FAIL');
    expect(canonicalResult('PKQ-1', [a, b])).toBe(canonicalResult('PKQ-1', [b, { ...a, value: ' 0.05 ' }]));
    expect(canonicalResult('PKQ-1', [a, b])).not.toBe(canonicalResult('PKQ-1', [a, { ...b, value: '13' }]));
  });

  it('tests food for microbiology and heavy metals by default, tourism for nothing', () => {
    expect(defaultIndicators('01')).toEqual(expect.arrayContaining(['E_COLI', 'LEAD']));
    expect(defaultIndicators('26')).toEqual([]);
    expect(defaultIndicators('99')).toEqual([]);
  });

  it('gives every product set that takes samples default indicators, all of them named (ornamental sets included)', () => {
    const known = new Set(LAB_INDICATORS.map((i) => i.code));
    expect(known.size).toBe(LAB_INDICATORS.length);
    for (const set of PRODUCT_SETS) {
      const defaults = defaultIndicators(set.code);
      expect({ set: set.code, hasDefaults: defaults.length > 0 }).toEqual({ set: set.code, hasDefaults: set.requiresSamples });
      for (const code of defaults) expect(known.has(code)).toBe(true);
    }
    expect(defaultIndicators('23')).toEqual(['PLANT_QUARANTINE_PESTS']);
    expect(defaultIndicators('25')).toEqual(['ANIMAL_INFECTIOUS_DISEASES']);
  });
});
