import { seededKey } from './seeded-order';

/** What a campaign can select from: an active certificate with the facts its risk is judged on. */
export interface PoolCertificate {
  certificateId: string;
  productGroup: string;
  productSetCode: string;
  stars: number;
  unitCodes: string[];
  issuedAt: Date;
  validTo: Date;
  lastInspectedAt: Date | null;
  priorViolations: number;
  complaints: number;
}

/** Which certificates a campaign covers (every given dimension must match). */
export interface CampaignScope {
  productGroups?: string[];
  productSetCodes?: string[];
  /** Province, district (authority) codes. */
  unitCodes?: string[];
  stars?: number[];
  issuedBefore?: Date;
  /** Only certificates ending within this many days of the campaign's start. */
  expiringWithinDays?: number;
  /** Only these certificates (an ad-hoc campaign). */
  certificateIds?: string[];
}

export interface RiskWeights {
  /** Points by product group (food, beverages and herbal products weigh more by default). */
  productGroup: Record<string, number>;
  /** Per year since the last inspection (or since issue, never inspected). */
  perYearUninspected: number;
  perPriorViolation: number;
  perComplaint: number;
  /** When the certificate ends within 180 days. */
  nearingExpiry: number;
}

export const DEFAULT_RISK_WEIGHTS: RiskWeights = {
  productGroup: { FOOD: 30, BEVERAGES: 30, HERBAL: 25, HANDICRAFTS: 5, ORNAMENTAL: 5, TOURISM: 10 },
  perYearUninspected: 10,
  perPriorViolation: 20,
  perComplaint: 15,
  nearingExpiry: 10,
};

export type SelectionRule =
  { kind: 'ALL' } | { kind: 'RANDOM'; share: number; seed: string } | { kind: 'RISK'; share: number; weights?: Partial<RiskWeights> };

const DAY_MS = 86_400_000;

export function inScope(c: PoolCertificate, s: CampaignScope, start: Date): boolean {
  if (s.certificateIds?.length && !s.certificateIds.includes(c.certificateId)) return false;
  if (s.productGroups?.length && !s.productGroups.includes(c.productGroup)) return false;
  if (s.productSetCodes?.length && !s.productSetCodes.includes(c.productSetCode)) return false;
  if (s.stars?.length && !s.stars.includes(c.stars)) return false;
  if (s.unitCodes?.length && !c.unitCodes.some((u) => s.unitCodes!.includes(u))) return false;
  if (s.issuedBefore && c.issuedAt.getTime() >= s.issuedBefore.getTime()) return false;
  if (s.expiringWithinDays !== undefined && c.validTo.getTime() > start.getTime() + s.expiringWithinDays * DAY_MS) return false;
  return true;
}

/**
 * Risk score in integer points (no float ties at a border): group weight, years uninspected, prior
 * violations, complaints, nearing expiry. Reasons name each contribution.
 */
export function riskScore(c: PoolCertificate, w: RiskWeights, asOf: Date): { score: number; reasons: string[] } {
  const reasons: string[] = [];
  let score = 0;
  const add = (points: number, why: string): void => {
    if (points > 0) {
      score += points;
      reasons.push(`${why}: +${points}`);
    }
  };
  add(w.productGroup[c.productGroup] ?? 0, `group ${c.productGroup}`);
  const since = c.lastInspectedAt ?? c.issuedAt;
  add(
    Math.floor((asOf.getTime() - since.getTime()) / (365 * DAY_MS)) * w.perYearUninspected,
    c.lastInspectedAt ? 'years since last inspection' : 'years never inspected',
  );
  add(c.priorViolations * w.perPriorViolation, `${c.priorViolations} prior violations`);
  add(c.complaints * w.perComplaint, `${c.complaints} complaints`);
  if (c.validTo.getTime() - asOf.getTime() <= 180 * DAY_MS) add(w.nearingExpiry, 'ends within 180 days');
  return { score, reasons };
}

/** How many of n a share (0 < share ≤ 1, in hundredths) selects: at least one when n > 0. */
export function shareOf(n: number, share: number): number {
  if (n === 0) return 0;
  return Math.max(1, Math.ceil((n * Math.round(share * 100)) / 100));
}

export interface Selected {
  certificateId: string;
  rank: number;
  score: number | null;
  reasons: string[];
}

/** Applies a campaign's rule to its pool (already scoped). Deterministic for the same input. */
export function selectCertificates(pool: PoolCertificate[], rule: SelectionRule, asOf: Date): Selected[] {
  const byId = [...pool].sort((a, b) => a.certificateId.localeCompare(b.certificateId));
  if (rule.kind === 'ALL') return byId.map((c, i) => ({ certificateId: c.certificateId, rank: i + 1, score: null, reasons: [] }));
  if (rule.kind === 'RANDOM') {
    const keyed = byId.map((c) => ({ c, k: seededKey(rule.seed, c.certificateId) })).sort((a, b) => a.k.localeCompare(b.k));
    return keyed
      .slice(0, shareOf(pool.length, rule.share))
      .map((x, i) => ({ certificateId: x.c.certificateId, rank: i + 1, score: null, reasons: [] }));
  }
  const weights: RiskWeights = {
    ...DEFAULT_RISK_WEIGHTS,
    ...rule.weights,
    productGroup: { ...DEFAULT_RISK_WEIGHTS.productGroup, ...rule.weights?.productGroup },
  };
  const scored = byId
    .map((c) => ({ c, ...riskScore(c, weights, asOf) }))
    .sort((a, b) => b.score - a.score || a.c.certificateId.localeCompare(b.c.certificateId));
  return scored
    .slice(0, shareOf(pool.length, rule.share))
    .map((x, i) => ({ certificateId: x.c.certificateId, rank: i + 1, score: x.score, reasons: x.reasons }));
}

/** The checklist template of a post-certification inspection (hậu kiểm), with the revocation ground each item's violation leads to. */
export const INSPECTION_CHECKLIST: readonly { code: string; labelVi: string; revocationReason: string }[] = [
  { code: 'OPERATING_STATUS', labelVi: 'Tình trạng hoạt động sản xuất, kinh doanh', revocationReason: 'PRODUCTION_HALTED' },
  { code: 'RAW_MATERIALS', labelVi: 'Nguồn nguyên liệu', revocationReason: 'PROCESS_NOT_FOLLOWED' },
  { code: 'LABOUR', labelVi: 'Lao động', revocationReason: 'PROCESS_NOT_FOLLOWED' },
  { code: 'SCALE', labelVi: 'Quy mô sản xuất', revocationReason: 'PROCESS_NOT_FOLLOWED' },
  { code: 'ENVIRONMENT', labelVi: 'Môi trường', revocationReason: 'PROCESS_NOT_FOLLOWED' },
  { code: 'QUALITY_MANAGEMENT', labelVi: 'Quản lý chất lượng', revocationReason: 'NO_QUALITY_RECORDS' },
  { code: 'DECLARATIONS', labelVi: 'Công bố, tiêu chuẩn chất lượng sản phẩm', revocationReason: 'QUALITY_NOT_AS_CERTIFIED' },
  { code: 'TRACEABILITY', labelVi: 'Mã số, mã vạch, truy xuất nguồn gốc', revocationReason: 'NO_QUALITY_RECORDS' },
  { code: 'TRADEMARK_MARK', labelVi: 'Nhãn hiệu, sử dụng biểu trưng OCOP', revocationReason: 'QUALITY_NOT_AS_CERTIFIED' },
  { code: 'LABEL_PACKAGING', labelVi: 'Nhãn mác, bao bì', revocationReason: 'QUALITY_NOT_AS_CERTIFIED' },
  { code: 'FOOD_SAFETY', labelVi: 'An toàn thực phẩm', revocationReason: 'FOOD_SAFETY_VIOLATION' },
];
