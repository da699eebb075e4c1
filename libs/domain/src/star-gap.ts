import { criteriaOf, type CriteriaTree } from './criteria-catalogue';
import { DomainRuleError } from './domain-rule.error';
import type { CapReason, ScoredSheet } from './evaluation';
import { starBorderHundredths, type StarRating } from './points';

/** One criterion's room to grow: the members' mean on it beside its most. */
export interface CriterionGap {
  code: string;
  labelVi: string;
  /** The members' mean, floored to hundredths. */
  meanFloorHundredths: number;
  maxHundredths: number;
  /** maxHundredths − the exact mean, rounded up to hundredths. */
  headroomHundredths: number;
}

/** What a scored dossier lacks for the next star: its roadmap for the hard criteria (Thanh Hóa's potential 4★/5★). */
export interface StarGap {
  /** The stars the council's result gave (min of band and cap). */
  stars: StarRating;
  /** The next certificate level (3★ for a result below it); null at 5★. */
  nextStars: 3 | 4 | 5 | null;
  /** Points the members' mean lacks for the next band's border (0 when it reaches it already). */
  pointsMissingHundredths: number;
  /** Mandatory requirements at or below the next level that the members' mean fails (by stars, then criterion). */
  mandatoryFailing: CapReason[];
  /** Every scored criterion with room to grow, the most room first (then by code). */
  criteria: CriterionGap[];
}

/**
 * The gap to the next star of a dossier scored by these sheets (148/QĐ-TTg): the points its mean lacks for the next
 * band, the mandatory criteria that would still cap it there, and where the points are (each criterion's headroom).
 * Exact on hundredths: a requirement passes iff Σ points ≥ min × n, as in evaluateDossier.
 */
export function gapToNextStar(tree: CriteriaTree, sheets: readonly ScoredSheet[], stars: StarRating): StarGap {
  const n = sheets.length;
  if (n === 0) throw new DomainRuleError('POINTS_INVALID', 'Cannot measure the gap of a dossier with no score sheets');
  const nextStars = stars >= 5 ? null : ((stars < 3 ? 3 : stars + 1) as 3 | 4 | 5);
  const sum = sheets.reduce((acc, s) => acc + s.totalHundredths, 0);
  const pointsMissingHundredths = nextStars === null ? 0 : Math.max(0, Math.ceil((starBorderHundredths(nextStars) * n - sum) / n));
  const mandatoryFailing: CapReason[] = [];
  const criteria: CriterionGap[] = [];
  for (const c of criteriaOf(tree)) {
    const criterionSum = sheets.reduce((acc, s) => acc + (s.criterionPoints[c.code] ?? 0), 0);
    for (const r of c.mandatory)
      if (nextStars !== null && r.stars <= nextStars && criterionSum < r.minPoints * n)
        mandatoryFailing.push({
          stars: r.stars,
          criterionCode: c.code,
          labelVi: c.labelVi,
          requiredHundredths: r.minPoints,
          meanFloorHundredths: Math.floor(criterionSum / n),
        });
    const headroom = Math.ceil((c.maxPoints * n - criterionSum) / n);
    if (headroom > 0)
      criteria.push({
        code: c.code,
        labelVi: c.labelVi,
        meanFloorHundredths: Math.floor(criterionSum / n),
        maxHundredths: c.maxPoints,
        headroomHundredths: headroom,
      });
  }
  mandatoryFailing.sort((a, b) => a.stars - b.stars || a.criterionCode.localeCompare(b.criterionCode));
  criteria.sort((a, b) => b.headroomHundredths - a.headroomHundredths || a.code.localeCompare(b.code));
  return { stars, nextStars, pointsMissingHundredths, mandatoryFailing, criteria };
}
