import fc from 'fast-check';
import { DomainRuleError } from './domain-rule.error';
import { LEGAL_VERSIONS, Tier, cycleYear, legalVersionAt, proposalTargetTier, proposalTargetTierAt } from './legal-version';
import { vietnamDay } from './vietnam-calendar';

const at = (iso: string): Date => new Date(iso);

describe('cycleYear', () => {
  it('is the Vietnam calendar year', () => {
    expect(cycleYear(at('2024-12-31T16:59:59Z'))).toBe(2024);
    expect(cycleYear(at('2024-12-31T17:00:00Z'))).toBe(2025);
    expect(cycleYear(at('2025-06-30T12:00:00Z'))).toBe(2025);
  });
});

describe('legalVersionAt', () => {
  it.each([
    ['2019-08-20T16:59:59.999Z', undefined],
    ['2019-08-20T17:00:00Z', '1048'],
    ['2023-02-23T16:59:59.999Z', '1048'],
    ['2023-02-23T17:00:00Z', '148'],
    ['2025-07-05T16:59:59.999Z', '148'],
    ['2025-07-05T17:00:00Z', '148+1489'],
    ['2030-01-01T00:00:00Z', '148+1489'],
  ])('at %s is %s', (iso, expected) => {
    if (expected === undefined) {
      expect(() => legalVersionAt(at(iso))).toThrow(DomainRuleError);
      expect(() => legalVersionAt(at(iso))).toThrow(expect.objectContaining({ code: 'LEGAL_VERSION_NONE' }));
    } else {
      expect(legalVersionAt(at(iso))).toBe(expected);
    }
  });

  it('is the last version whose effective Vietnam day is on or before the Vietnam day of asOf (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2019, 7, 21), max: Date.UTC(2040, 0, 1) }), (ms) => {
        const day = vietnamDay(new Date(ms));
        const expected = LEGAL_VERSIONS.filter((version) => version.effectiveFrom <= day).at(-1)?.code;
        expect(legalVersionAt(new Date(ms))).toBe(expected);
      }),
    );
  });

  it('lists versions in order of entry into force', () => {
    const dates = LEGAL_VERSIONS.map((version) => version.effectiveFrom);
    expect([...dates].sort()).toEqual(dates);
    expect(LEGAL_VERSIONS.map((version) => version.code)).toEqual(['1048', '148', '148+1489']);
  });
});

describe('proposalTargetTier', () => {
  it('sends accepted dossiers to the district before 1489 and to the province after', () => {
    expect(proposalTargetTier('1048')).toBe(Tier.DISTRICT);
    expect(proposalTargetTier('148')).toBe(Tier.DISTRICT);
    expect(proposalTargetTier('148+1489')).toBe(Tier.PROVINCE);
  });

  it('routes by the version in force on the filing day', () => {
    expect(proposalTargetTier(legalVersionAt(at('2025-07-05T16:59:59Z')))).toBe(Tier.DISTRICT);
    expect(proposalTargetTier(legalVersionAt(at('2025-07-05T17:00:00Z')))).toBe(Tier.PROVINCE);
  });

  it('has a string Tier enum whose values equal their names', () => {
    expect(Object.entries(Tier).every(([key, value]) => key === value)).toBe(true);
    expect(Object.values(Tier)).toEqual(['COMMUNE', 'DISTRICT', 'PROVINCE', 'CENTRAL']);
  });
});

describe('proposalTargetTierAt', () => {
  it('proposes a 148 dossier to the district until 30/06/2025 and to the province from 01/07/2025 (Vietnam day)', () => {
    expect(proposalTargetTierAt('148', at('2025-06-30T16:59:59Z'))).toBe(Tier.DISTRICT);
    expect(proposalTargetTierAt('148', at('2025-06-30T17:00:00Z'))).toBe(Tier.PROVINCE);
    expect(proposalTargetTierAt('148+1489', at('2025-08-01T00:00:00Z'))).toBe(Tier.PROVINCE);
  });
});
