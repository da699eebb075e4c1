import fc from 'fast-check';
import { DomainRuleError } from './domain-rule.error';
import { LEGAL_VERSIONS, Tier, proposalTargetTier, type LegalVersionCode } from './legal-version';
import type { StarRating } from './points';
import { PRODUCT_SETS } from './product-catalogue';
import {
  TIER_MODELS,
  actingTier,
  districtTierActs,
  tierModelInForce,
  productSetNeedsSamples,
  routeEvaluation,
  tierModelAt,
  tierModelFor,
  type RoutingDecision,
  type TierModel,
} from './tier-model';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof DomainRuleError ? error.code : `not a DomainRuleError: ${String(error)}`;
  }
  return undefined;
}

const { DISTRICT, PROVINCE, CENTRAL, COMMUNE } = Tier;
const none = (stars: StarRating): RoutingDecision => ({ outcome: 'NO_CERTIFICATE', stars, certifyingTier: null, nextTier: null });
const forward = (stars: StarRating, nextTier: Tier): RoutingDecision => ({ outcome: 'FORWARD', stars, certifyingTier: null, nextTier });
const certify = (stars: StarRating, certifyingTier: Tier): RoutingDecision => ({
  outcome: 'CERTIFY',
  stars,
  certifyingTier,
  nextTier: null,
});

type Row = [Tier, StarRating, RoutingDecision];

describe('TIER_MODELS', () => {
  it('has one model per legal version, effective on the same day as the version', () => {
    expect(TIER_MODELS.map((model) => model.legalVersion)).toEqual(LEGAL_VERSIONS.map((version) => version.code));
    for (const version of LEGAL_VERSIONS) expect(tierModelFor(version.code).effectiveFrom).toBe(version.effectiveFrom);
  });

  it.each(LEGAL_VERSIONS.map((version) => version.code))('enters %s at the tier a commune proposes to', (version) => {
    expect(tierModelFor(version).entryTier).toBe(proposalTargetTier(version));
    expect(tierModelFor(version).steps[0]?.tier).toBe(proposalTargetTier(version));
  });

  it('describes 1048, 148 and 148+1489 as in domain-research.md §1.7 and §2.1', () => {
    const shape = (model: TierModel) => model.steps.map((step) => [step.tier, step.certifiesStars, step.next, step.requiresLabResults]);
    expect(shape(tierModelFor('1048'))).toEqual([
      [DISTRICT, [], PROVINCE, false],
      [PROVINCE, [3, 4], CENTRAL, true],
      [CENTRAL, [5], null, false],
    ]);
    expect(shape(tierModelFor('148'))).toEqual([
      [DISTRICT, [3], PROVINCE, false],
      [PROVINCE, [4], CENTRAL, true],
      [CENTRAL, [5], null, false],
    ]);
    expect(shape(tierModelFor('148+1489'))).toEqual([
      [PROVINCE, [3, 4], CENTRAL, true],
      [CENTRAL, [5], null, false],
    ]);
    expect(TIER_MODELS.map((model) => [model.legalVersion, model.communeAssessment])).toEqual([
      ['1048', false],
      ['148', false],
      ['148+1489', true],
    ]);
  });

  it('certifies each of 3★, 4★ and 5★ at exactly one tier of every model', () => {
    for (const model of TIER_MODELS) {
      const certified = model.steps.flatMap((step) => step.certifiesStars).sort();
      expect(certified).toEqual([3, 4, 5]);
    }
  });

  it('is frozen: a shared constant cannot be changed by one caller for all', () => {
    const model = tierModelFor('148');
    expect(Object.isFrozen(TIER_MODELS)).toBe(true);
    expect(Object.isFrozen(model)).toBe(true);
    expect(Object.isFrozen(model.steps)).toBe(true);
    expect(Object.isFrozen(model.steps[0])).toBe(true);
    expect(Object.isFrozen(model.steps[0]?.certifiesStars)).toBe(true);
  });

  it('refuses an unknown legal version', () => {
    expect(codeOf(() => tierModelFor('26/2026' as LegalVersionCode))).toBe('LEGAL_VERSION_UNKNOWN');
  });
});

describe('tierModelAt', () => {
  it('switches to 148+1489 at Vietnam midnight of 6/7/2025, 17:00 UTC the day before', () => {
    expect(tierModelAt(new Date('2025-07-05T16:59:59Z')).legalVersion).toBe('148');
    expect(tierModelAt(new Date('2025-07-05T16:59:59.999Z')).legalVersion).toBe('148');
    expect(tierModelAt(new Date('2025-07-05T17:00:00Z')).legalVersion).toBe('148+1489');
    expect(tierModelAt(new Date('2025-07-05T17:00:00Z')).entryTier).toBe(PROVINCE);
  });

  it('switches from 1048 to 148 at Vietnam midnight of 24/2/2023', () => {
    expect(tierModelAt(new Date('2023-02-23T16:59:59Z')).legalVersion).toBe('1048');
    expect(tierModelAt(new Date('2023-02-23T17:00:00Z')).legalVersion).toBe('148');
  });

  it('refuses a date before any version and an invalid date', () => {
    expect(codeOf(() => tierModelAt(new Date('2019-01-01T00:00:00Z')))).toBe('LEGAL_VERSION_NONE');
    expect(codeOf(() => tierModelAt(new Date('not a date')))).toBe('DATE_INVALID');
  });
});

describe('routeEvaluation under 148 (three tiers)', () => {
  const model = tierModelFor('148');
  const rows: Row[] = [
    [DISTRICT, 1, none(1)],
    [DISTRICT, 2, none(2)],
    [DISTRICT, 3, certify(3, DISTRICT)],
    [DISTRICT, 4, forward(4, PROVINCE)],
    [DISTRICT, 5, forward(5, PROVINCE)],
    [PROVINCE, 1, none(1)],
    [PROVINCE, 2, none(2)],
    [PROVINCE, 3, certify(3, DISTRICT)],
    [PROVINCE, 4, certify(4, PROVINCE)],
    [PROVINCE, 5, forward(5, CENTRAL)],
    [CENTRAL, 1, none(1)],
    [CENTRAL, 2, none(2)],
    [CENTRAL, 3, certify(3, DISTRICT)],
    [CENTRAL, 4, certify(4, PROVINCE)],
    [CENTRAL, 5, certify(5, CENTRAL)],
  ];
  it.each(rows)('%s ranking %i★ → %o', (tier, rank, expected) => {
    expect(routeEvaluation(model, tier, rank)).toEqual(expected);
  });

  it('does not evaluate at the commune', () => {
    for (const rank of [1, 2, 3, 4, 5] as StarRating[])
      expect(codeOf(() => routeEvaluation(model, COMMUNE, rank))).toBe('TIER_NOT_IN_MODEL');
  });
});

describe('routeEvaluation under 148+1489 (province and centre)', () => {
  const model = tierModelFor('148+1489');
  const rows: Row[] = [
    [PROVINCE, 1, none(1)],
    [PROVINCE, 2, none(2)],
    [PROVINCE, 3, certify(3, PROVINCE)],
    [PROVINCE, 4, certify(4, PROVINCE)],
    [PROVINCE, 5, forward(5, CENTRAL)],
    [CENTRAL, 1, none(1)],
    [CENTRAL, 2, none(2)],
    [CENTRAL, 3, certify(3, PROVINCE)],
    [CENTRAL, 4, certify(4, PROVINCE)],
    [CENTRAL, 5, certify(5, CENTRAL)],
  ];
  it.each(rows)('%s ranking %i★ → %o', (tier, rank, expected) => {
    expect(routeEvaluation(model, tier, rank)).toEqual(expected);
  });

  it.each([COMMUNE, DISTRICT])('refuses %s, which no longer evaluates, with TIER_NOT_IN_MODEL', (tier) => {
    for (const rank of [1, 2, 3, 4, 5] as StarRating[]) expect(codeOf(() => routeEvaluation(model, tier, rank))).toBe('TIER_NOT_IN_MODEL');
  });

  it('certifies a "potential 5★" that the centre scores 86 as 4★ by the province', () => {
    expect(routeEvaluation(model, CENTRAL, 4)).toEqual(certify(4, PROVINCE));
  });
});

describe('routeEvaluation under 1048', () => {
  const model = tierModelFor('1048');
  const rows: Row[] = [
    [DISTRICT, 1, none(1)],
    [DISTRICT, 2, none(2)],
    [DISTRICT, 3, forward(3, PROVINCE)],
    [DISTRICT, 4, forward(4, PROVINCE)],
    [DISTRICT, 5, forward(5, PROVINCE)],
    [PROVINCE, 2, none(2)],
    [PROVINCE, 3, certify(3, PROVINCE)],
    [PROVINCE, 4, certify(4, PROVINCE)],
    [PROVINCE, 5, forward(5, CENTRAL)],
    [CENTRAL, 3, certify(3, PROVINCE)],
    [CENTRAL, 4, certify(4, PROVINCE)],
    [CENTRAL, 5, certify(5, CENTRAL)],
  ];
  it.each(rows)('%s ranking %i★ → %o', (tier, rank, expected) => {
    expect(routeEvaluation(model, tier, rank)).toEqual(expected);
  });
});

describe('routeEvaluation: rules across models', () => {
  it.each([0, 6, 3.5, Number.NaN])('refuses a rank of %p', (rank) => {
    expect(codeOf(() => routeEvaluation(tierModelFor('148'), DISTRICT, rank as StarRating))).toBe('STAR_RATING_INVALID');
  });

  it('refuses a model in which no tier certifies the rank', () => {
    const broken: TierModel = {
      ...tierModelFor('148'),
      steps: [{ tier: DISTRICT, certifiesStars: [3], next: null, requiresLabResults: false }],
    };
    expect(codeOf(() => routeEvaluation(broken, DISTRICT, 4))).toBe('TIER_MODEL_INCOMPLETE');
  });

  it('a dossier that keeps its rank through every tier ends certified by the tier that certifies that star (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TIER_MODELS), fc.constantFrom<StarRating>(1, 2, 3, 4, 5), (model, rank) => {
        let tier: Tier = model.entryTier;
        let decision = routeEvaluation(model, tier, rank);
        for (let hops = 0; decision.outcome === 'FORWARD'; hops += 1) {
          expect(hops).toBeLessThan(model.steps.length);
          tier = decision.nextTier as Tier;
          decision = routeEvaluation(model, tier, rank);
        }
        if (rank < 3) {
          expect(decision).toEqual(none(rank));
        } else {
          expect(decision.outcome).toBe('CERTIFY');
          const certifying = model.steps.find((step) => step.tier === decision.certifyingTier);
          expect(certifying?.certifiesStars).toContain(rank);
          expect(decision.certifyingTier).toBe(tier);
        }
      }),
    );
  });

  it('never certifies at a tier above the one that scored, and forwards only to the next tier (property)', () => {
    const order = [COMMUNE, DISTRICT, PROVINCE, CENTRAL];
    fc.assert(
      fc.property(fc.constantFrom(...TIER_MODELS), fc.constantFrom<StarRating>(1, 2, 3, 4, 5), fc.nat(), (model, rank, pick) => {
        const step = model.steps[pick % model.steps.length];
        if (step === undefined) return;
        const decision = routeEvaluation(model, step.tier, rank);
        if (decision.outcome === 'CERTIFY') {
          expect(order.indexOf(decision.certifyingTier as Tier)).toBeLessThanOrEqual(order.indexOf(step.tier));
        }
        if (decision.outcome === 'FORWARD') expect(decision.nextTier).toBe(step.next);
        expect(decision.stars).toBe(rank);
      }),
    );
  });
});

describe('productSetNeedsSamples', () => {
  it('needs samples for every product set except 26 (tourism services)', () => {
    expect(PRODUCT_SETS.filter((set) => !productSetNeedsSamples(set.code)).map((set) => set.code)).toEqual(['26']);
  });

  it.each(['27', '1', ''])('refuses the unknown set %p', (code) => {
    expect(codeOf(() => productSetNeedsSamples(code))).toBe('PRODUCT_SET_UNKNOWN');
  });
});

describe('the 2025 legal calendar (district authorities ceased on 01/07/2025)', () => {
  const lastDistrictDay = new Date('2025-06-30T16:59:59Z'); // 23:59:59 on 30/06/2025 in Vietnam
  const firstProvinceDay = new Date('2025-06-30T17:00:00Z'); // 00:00 on 01/07/2025 in Vietnam

  it('lets the district act until 30/06/2025 and moves its waiting list to the province from 01/07/2025', () => {
    expect(districtTierActs(lastDistrictDay)).toBe(true);
    expect(districtTierActs(firstProvinceDay)).toBe(false);
    expect(actingTier(Tier.DISTRICT, lastDistrictDay)).toBe(Tier.DISTRICT);
    expect(actingTier(Tier.DISTRICT, firstProvinceDay)).toBe(Tier.PROVINCE);
    expect(actingTier(Tier.PROVINCE, firstProvinceDay)).toBe(Tier.PROVINCE);
    expect(actingTier(Tier.CENTRAL, firstProvinceDay)).toBe(Tier.CENTRAL);
  });

  it('keeps 148 as it is before the date', () => {
    expect(tierModelInForce('148', lastDistrictDay)).toBe(tierModelFor('148'));
  });

  it('from the date, a 148 dossier keeps its version, the district step is gone and the province certifies 3★ and 4★ (transitional rule)', () => {
    const model = tierModelInForce('148', firstProvinceDay);
    expect(model.legalVersion).toBe('148');
    expect(model.entryTier).toBe(Tier.PROVINCE);
    expect(model.steps.map((s) => [s.tier, s.certifiesStars, s.next])).toEqual([
      [Tier.PROVINCE, [3, 4], Tier.CENTRAL],
      [Tier.CENTRAL, [5], null],
    ]);
    expect(model.transitionNoteVi).toContain('suy luận');
    expect(routeEvaluation(model, Tier.PROVINCE, 3)).toEqual({
      outcome: 'CERTIFY',
      stars: 3,
      certifyingTier: Tier.PROVINCE,
      nextTier: null,
    });
    expect(() => routeEvaluation(model, Tier.DISTRICT, 3)).toThrow(expect.objectContaining({ code: 'TIER_NOT_IN_MODEL' }));
  });

  it('with the transitional rule off, no tier certifies 3★ for such a dossier', () => {
    const model = tierModelInForce('148', firstProvinceDay, { provinceCertifiesDistrictStars: false });
    expect(model.steps[0]?.certifiesStars).toEqual([4]);
    expect(() => routeEvaluation(model, Tier.PROVINCE, 3)).toThrow(expect.objectContaining({ code: 'TIER_MODEL_INCOMPLETE' }));
  });

  it('leaves 148+1489 unchanged', () => {
    expect(tierModelInForce('148+1489', firstProvinceDay)).toBe(tierModelFor('148+1489'));
  });
});
