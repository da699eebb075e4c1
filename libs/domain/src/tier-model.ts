import { DomainRuleError } from './domain-rule.error';
import { DISTRICT_AUTHORITIES_CEASED_ON, LEGAL_VERSIONS, Tier, legalVersionAt, type LegalVersionCode } from './legal-version';
import { vietnamDay } from './vietnam-calendar';
import type { StarRating } from './points';
import { findProductSet } from './product-catalogue';

// Which tier evaluates a dossier, which stars each tier's authority certifies and where a
// dossier goes next, per legal version (domain-research.md §1.7, §2.1). Data, by effective date.

export interface TierStep {
  tier: Tier;
  /** Stars this tier's authority certifies; empty: it certifies nothing and forwards every 3★+ dossier. */
  certifiesStars: StarRating[];
  next: Tier | null;
  /** The council uses the sample lab test results (province-tier evaluation). */
  requiresLabResults: boolean;
}

export interface TierModel {
  legalVersion: LegalVersionCode;
  /** As in LEGAL_VERSIONS: first Vietnam calendar day in force, 'YYYY-MM-DD'. */
  effectiveFrom: string;
  /** The commune People's Committee assesses its 4 criteria before the first council (1489/QĐ-TTg). */
  communeAssessment: boolean;
  entryTier: Tier;
  steps: TierStep[];
  /** Set when a transitional rule changed the version's steps (the 2025 calendar); printed in the minutes. */
  transitionNoteVi?: string;
}

function effectiveFrom(version: LegalVersionCode): string {
  return (LEGAL_VERSIONS.find((candidate) => candidate.code === version) as { effectiveFrom: string }).effectiveFrom;
}

function step(tier: Tier, certifiesStars: StarRating[], next: Tier | null): TierStep {
  return Object.freeze({
    tier,
    certifiesStars: Object.freeze(certifiesStars) as StarRating[],
    next,
    requiresLabResults: tier === Tier.PROVINCE,
  });
}

function tierModel(legalVersion: LegalVersionCode, communeAssessment: boolean, steps: TierStep[]): TierModel {
  return Object.freeze({
    legalVersion,
    effectiveFrom: effectiveFrom(legalVersion),
    communeAssessment,
    entryTier: (steps[0] as TierStep).tier,
    steps: Object.freeze(steps) as TierStep[],
  });
}

export const TIER_MODELS: readonly TierModel[] = Object.freeze([
  // 1048/QĐ-TTg: the district scores and forwards 50–100 to the province, which certifies 3★–4★.
  tierModel('1048', false, [
    step(Tier.DISTRICT, [], Tier.PROVINCE),
    step(Tier.PROVINCE, [3, 4], Tier.CENTRAL),
    step(Tier.CENTRAL, [5], null),
  ]),
  // 148/QĐ-TTg: district certifies 3★ and forwards ≥ 70; province 4★, forwards ≥ 90; ministry 5★.
  tierModel('148', false, [step(Tier.DISTRICT, [3], Tier.PROVINCE), step(Tier.PROVINCE, [4], Tier.CENTRAL), step(Tier.CENTRAL, [5], null)]),
  // 1489/QĐ-TTg: the commune assesses 4 criteria and proposes; province certifies 3★–4★, forwards ≥ 90.
  tierModel('148+1489', true, [step(Tier.PROVINCE, [3, 4], Tier.CENTRAL), step(Tier.CENTRAL, [5], null)]),
]);

export function tierModelFor(version: LegalVersionCode): TierModel {
  const found = TIER_MODELS.find((candidate) => candidate.legalVersion === version);
  if (found === undefined) {
    throw new DomainRuleError('LEGAL_VERSION_UNKNOWN', `No tier model for legal version "${String(version)}"`, 'legalVersion');
  }
  return found;
}

/** The tier model in force at an instant (Vietnam calendar day, see legalVersionAt). */
export function tierModelAt(asOf: Date): TierModel {
  return tierModelFor(legalVersionAt(asOf));
}

/**
 * The 2025 legal calendar: district People's Committees ceased on 01/07/2025, five days before 1489/QĐ-TTg
 * took effect. What the province does with a "148" dossier that was waiting at the district is not written
 * down anywhere we could find (DOMAIN.md [I]): by default it certifies the 3★ the district would have
 * (as under 1489); an operator may switch that off, and then no tier certifies 3★ for such a dossier.
 */
export interface DistrictTransition {
  provinceCertifiesDistrictStars: boolean;
}

export const DEFAULT_DISTRICT_TRANSITION: DistrictTransition = Object.freeze({ provinceCertifiesDistrictStars: true });

/** Whether a district council or authority may act on the Vietnam day of `asOf` (not from 01/07/2025). */
export function districtTierActs(asOf: Date): boolean {
  return vietnamDay(asOf) < DISTRICT_AUTHORITIES_CEASED_ON;
}

/** The tier that acts on a dossier waiting at `tier` on `asOf`'s day: the district's waiting list is the province's from 01/07/2025. */
export function actingTier(tier: Tier, asOf: Date): Tier {
  return tier === Tier.DISTRICT && !districtTierActs(asOf) ? Tier.PROVINCE : tier;
}

/**
 * The tier model that governs a dossier filed under `version` on `asOf`'s day. Before 01/07/2025 it is the
 * version's own; from that day a version with a district step loses it: the dossier keeps its version (and
 * its criteria), the province takes the district's place and, under the transitional rule, certifies the
 * district's stars too.
 */
export function tierModelInForce(
  version: LegalVersionCode,
  asOf: Date,
  transition: DistrictTransition = DEFAULT_DISTRICT_TRANSITION,
): TierModel {
  const model = tierModelFor(version);
  const district = model.steps.find((s) => s.tier === Tier.DISTRICT);
  if (district === undefined || districtTierActs(asOf)) return model;
  const moved = transition.provinceCertifiesDistrictStars ? district.certifiesStars : [];
  const steps = model.steps
    .filter((s) => s.tier !== Tier.DISTRICT)
    .map((s) =>
      s.tier === Tier.PROVINCE ? step(s.tier, [...new Set([...moved, ...s.certifiesStars])].sort() as StarRating[], s.next) : s,
    );
  const starsVi = moved.length ? `; cấp tỉnh công nhận cả ${moved.map((x) => `${x} sao`).join(', ')} như theo Quyết định 1489/QĐ-TTg` : '';
  return Object.freeze({
    ...tierModel(version, model.communeAssessment, steps),
    transitionNoteVi:
      `Quy định chuyển tiếp (suy luận, có thể cấu hình): từ ngày 01/7/2025 không còn Hội đồng và UBND cấp huyện, ` +
      `hồ sơ theo phiên bản ${version} đang chờ ở cấp huyện được chuyển lên cấp tỉnh, giữ nguyên phiên bản bộ tiêu chí${starsVi}.`,
  });
}

export type RoutingOutcome = 'CERTIFY' | 'FORWARD' | 'NO_CERTIFICATE';

export interface RoutingDecision {
  outcome: RoutingOutcome;
  stars: StarRating;
  /** The tier whose authority certifies `stars`; may be lower than the scoring tier. */
  certifyingTier: Tier | null;
  nextTier: Tier | null;
}

/**
 * What happens to a dossier ranked `rank` by the council at `tier`: below 3★ no certificate; above
 * what this tier certifies (and a next tier exists) forwarded; otherwise certified by the tier
 * whose authority certifies that star, which may be a lower tier than the one that scored it (a
 * "potential 5★" scored 86 centrally is certified 4★ by the province).
 */
export function routeEvaluation(model: TierModel, tier: Tier, rank: StarRating): RoutingDecision {
  const current = model.steps.find((candidate) => candidate.tier === tier);
  if (current === undefined) {
    throw new DomainRuleError(
      'TIER_NOT_IN_MODEL',
      `Tier ${String(tier)} does not evaluate under legal version ${model.legalVersion}`,
      'tier',
    );
  }
  if (!Number.isInteger(rank) || rank < 1 || rank > 5) {
    throw new DomainRuleError('STAR_RATING_INVALID', `A star rating is an integer from 1 to 5, got ${rank}`, 'rank');
  }
  if (rank < 3) return { outcome: 'NO_CERTIFICATE', stars: rank, certifyingTier: null, nextTier: null };
  const highest = current.certifiesStars.length === 0 ? 0 : Math.max(...current.certifiesStars);
  if (current.next !== null && rank > highest) {
    return { outcome: 'FORWARD', stars: rank, certifyingTier: null, nextTier: current.next };
  }
  const certifying = model.steps.find((candidate) => candidate.certifiesStars.includes(rank));
  if (certifying === undefined) {
    throw new DomainRuleError('TIER_MODEL_INCOMPLETE', `No tier certifies ${rank}★ under legal version ${model.legalVersion}`, 'rank');
  }
  return { outcome: 'CERTIFY', stars: rank, certifyingTier: certifying.tier, nextTier: null };
}

/** Samples go with every dossier except tourism services (set 26), whose site the council visits. */
export function productSetNeedsSamples(productSetCode: string): boolean {
  const productSet = findProductSet(productSetCode);
  if (productSet === undefined) {
    throw new DomainRuleError('PRODUCT_SET_UNKNOWN', `Unknown product set "${String(productSetCode)}"`, 'productSetCode');
  }
  return productSet.requiresSamples;
}
