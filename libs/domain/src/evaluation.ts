import { criteriaOf, type CatalogueCriterion, type CriteriaTree } from './criteria-catalogue';
import { DomainRuleError } from './domain-rule.error';
import { formatPoints, parsePoints, starBandOfMean, type StarRating } from './points';

// One council member's score sheet, the council's mean, its star band, the cap from mandatory
// criteria and the members' spread. All amounts are integer hundredths; the mean is never
// rounded before it is compared with a border (mean ≥ m ⇔ sum ≥ m × n).

export interface SheetEntry {
  criterionCode: string;
  optionCode: string;
  /** Optional decimal text ("2.5"); when given it must equal the option's points. */
  points?: string;
}

export interface CommuneAssessmentEntry {
  criterionCode: string;
  optionCode: string;
}

export interface ScoredSheet {
  /** Sum of the part scores, each capped at its part's maximum: at most 10000. */
  totalHundredths: number;
  /** Part code → score (hundredths), capped at the part's maximum. */
  partTotals: Record<string, number>;
  /** Criterion code → points (hundredths) of the chosen option, commune-scored criteria included. */
  criterionPoints: Record<string, number>;
}

/** Larger than any criterion; the criterion's own maximum is checked afterwards. */
const PARSE_MAX_POINTS = 1_000_000;

function indexCriteria(tree: CriteriaTree): Map<string, CatalogueCriterion> {
  return new Map(criteriaOf(tree).map((criterion) => [criterion.code, criterion]));
}

/** The criteria the commune People's Committee assesses (1489/QĐ-TTg), in tree order. */
export function communeScoredCriteria(tree: CriteriaTree): CatalogueCriterion[] {
  return criteriaOf(tree).filter((criterion) => criterion.communeScored);
}

/**
 * A commune assessment names every commune-scored criterion of the tree exactly once, with one
 * of its options, and nothing else.
 */
export function validateCommuneAssessment(tree: CriteriaTree, entries: CommuneAssessmentEntry[]): void {
  const communeScored = new Map(communeScoredCriteria(tree).map((criterion) => [criterion.code, criterion]));
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    const criterion = communeScored.get(entry.criterionCode);
    if (criterion === undefined) {
      throw new DomainRuleError(
        'COMMUNE_ASSESSMENT_CRITERION_UNKNOWN',
        `Criterion ${String(entry.criterionCode)} is not assessed by the commune in criteria tree ${tree.code}`,
        `communeAssessment.entries.${i}.criterionCode`,
      );
    }
    if (seen.has(criterion.code)) {
      throw new DomainRuleError(
        'COMMUNE_ASSESSMENT_CRITERION_DUPLICATE',
        `Criterion ${criterion.code} is assessed more than once`,
        `communeAssessment.entries.${i}.criterionCode`,
      );
    }
    seen.add(criterion.code);
    if (!criterion.options.some((option) => option.code === entry.optionCode)) {
      throw new DomainRuleError(
        'COMMUNE_ASSESSMENT_OPTION_UNKNOWN',
        `Criterion ${criterion.code} has no option ${String(entry.optionCode)}`,
        `communeAssessment.entries.${i}.optionCode`,
      );
    }
  });
  const missing = [...communeScored.keys()].filter((code) => !seen.has(code));
  if (missing.length > 0) {
    throw new DomainRuleError(
      'COMMUNE_ASSESSMENT_CRITERION_MISSING',
      `The commune assessment misses criteria ${missing.join(', ')}`,
      'communeAssessment.entries',
    );
  }
}

function optionPoints(criterion: CatalogueCriterion, optionCode: string): number {
  const option = criterion.options.find((candidate) => candidate.code === optionCode);
  if (option === undefined) throw new Error(`criterion ${criterion.code} has no option ${optionCode}`); // validated before
  return option.points;
}

/**
 * Scores one member's sheet: exactly one entry per criterion. With a commune assessment, the
 * commune-scored criteria take the assessment's options as given and must not be in `entries`;
 * without one, every criterion is. A part scores the sum of its criteria (bonus included), capped
 * at the part's maximum; the total is the sum of the parts.
 */
export function scoreSheet(tree: CriteriaTree, entries: SheetEntry[], communeAssessment?: CommuneAssessmentEntry[]): ScoredSheet {
  if (communeAssessment !== undefined) validateCommuneAssessment(tree, communeAssessment);
  const criteria = indexCriteria(tree);
  const criterionPoints: Record<string, number> = {};

  entries.forEach((entry, i) => {
    const criterion = criteria.get(entry.criterionCode);
    if (criterion === undefined) {
      throw new DomainRuleError(
        'SHEET_CRITERION_UNKNOWN',
        `Criteria tree ${tree.code} has no criterion ${String(entry.criterionCode)}`,
        `entries.${i}.criterionCode`,
      );
    }
    if (Object.prototype.hasOwnProperty.call(criterionPoints, criterion.code)) {
      throw new DomainRuleError(
        'SHEET_CRITERION_DUPLICATE',
        `Criterion ${criterion.code} is scored more than once`,
        `entries.${i}.criterionCode`,
      );
    }
    if (communeAssessment !== undefined && criterion.communeScored) {
      throw new DomainRuleError(
        'SHEET_CRITERION_COMMUNE_SCORED',
        `Criterion ${criterion.code} is assessed by the commune and cannot be scored on the sheet`,
        `entries.${i}.criterionCode`,
      );
    }
    const option = criterion.options.find((candidate) => candidate.code === entry.optionCode);
    if (option === undefined) {
      throw new DomainRuleError(
        'SHEET_OPTION_UNKNOWN',
        `Criterion ${criterion.code} has no option ${String(entry.optionCode)}`,
        `entries.${i}.optionCode`,
      );
    }
    if (entry.points !== undefined) {
      let points: number | undefined;
      try {
        points = parsePoints(entry.points, PARSE_MAX_POINTS);
      } catch (error) {
        if (!(error instanceof DomainRuleError)) throw error;
      }
      if (points === undefined || points > criterion.maxPoints) {
        throw new DomainRuleError(
          'SHEET_POINTS_OUT_OF_RANGE',
          `Points for criterion ${criterion.code} must be a number from 0 to ${formatPoints(criterion.maxPoints)} with at most 2 decimals, got "${String(entry.points)}"`,
          `entries.${i}.points`,
        );
      }
      if (points !== option.points) {
        throw new DomainRuleError(
          'SHEET_POINTS_MISMATCH',
          `Option ${option.code} of criterion ${criterion.code} is worth ${formatPoints(option.points)} points, not ${formatPoints(points)}`,
          `entries.${i}.points`,
        );
      }
    }
    criterionPoints[criterion.code] = option.points;
  });

  if (communeAssessment !== undefined) {
    for (const entry of communeAssessment) {
      const criterion = criteria.get(entry.criterionCode) as CatalogueCriterion; // validated above
      criterionPoints[criterion.code] = optionPoints(criterion, entry.optionCode);
    }
  }

  const missing = [...criteria.keys()].filter((code) => !Object.prototype.hasOwnProperty.call(criterionPoints, code));
  if (missing.length > 0) {
    throw new DomainRuleError('SHEET_CRITERION_MISSING', `The sheet does not score criteria ${missing.join(', ')}`, 'entries');
  }

  const partTotals: Record<string, number> = {};
  let totalHundredths = 0;
  for (const part of tree.parts) {
    const raw = part.groups
      .flatMap((group) => group.criteria)
      .reduce((acc, criterion) => acc + (criterionPoints[criterion.code] as number), 0);
    const score = Math.min(raw, part.maxPoints);
    partTotals[part.code] = score;
    totalHundredths += score;
  }
  return { totalHundredths, partTotals, criterionPoints };
}

function assertHundredths(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new DomainRuleError('POINTS_INVALID', `${what} must be a non-negative integer of hundredths, got ${value}`);
  }
}

/** floor(a / b) for non-negative safe integers, confirmed in integer arithmetic rather than trusted to the float quotient. */
function floorDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  while (q * b > a) q -= 1;
  while ((q + 1) * b <= a) q += 1;
  return q;
}

export interface SpreadCheck {
  minTotal: number;
  maxTotal: number;
  difference: number;
  /** max − min is strictly above the limit (exactly at the limit is allowed). */
  exceeded: boolean;
}

/** The spread of the members' totals against the council's limit (hundredths, e.g. 1000 = 10 points). */
export function spreadOf(totals: readonly number[], limitHundredths: number): SpreadCheck {
  if (totals.length === 0) throw new DomainRuleError('POINTS_INVALID', 'Cannot compute the spread of no score sheets');
  assertHundredths(limitHundredths, 'The spread limit');
  for (const total of totals) assertHundredths(total, 'A sheet total');
  const minTotal = Math.min(...totals);
  const maxTotal = Math.max(...totals);
  const difference = maxTotal - minTotal;
  return { minTotal, maxTotal, difference, exceeded: difference > limitHundredths };
}

export interface CapReason {
  stars: 3 | 4 | 5;
  criterionCode: string;
  labelVi: string;
  requiredHundredths: number;
  /** The members' mean on the criterion, floored to hundredths (display only). */
  meanFloorHundredths: number;
}

export interface DossierEvaluation {
  sheetCount: number;
  sumHundredths: number;
  /** floor(sum / n): for display only; the band is decided on the exact mean. */
  meanHundredths: number;
  band: StarRating;
  /** The highest star whose mandatory criteria all pass. */
  cap: StarRating;
  /** min(band, cap). */
  rank: StarRating;
  /** Failing mandatory requirements at or below the band, by stars then criterion code. */
  capReasons: CapReason[];
  spread: SpreadCheck;
}

/**
 * The council's result for one dossier from its members' sheets (148/QĐ-TTg): the band of the
 * exact mean, capped by the mandatory criteria (a requirement passes iff the members' mean on the
 * criterion reaches its minimum: Σ points ≥ min × n), and the members' spread.
 */
export function evaluateDossier(
  tree: CriteriaTree,
  sheets: readonly ScoredSheet[],
  rules: { spreadLimitHundredths: number },
): DossierEvaluation {
  const n = sheets.length;
  if (n === 0) throw new DomainRuleError('POINTS_INVALID', 'Cannot evaluate a dossier with no score sheets');
  const totals = sheets.map((sheet) => sheet.totalHundredths);
  const band = starBandOfMean(totals);
  const sumHundredths = totals.reduce((acc, total) => acc + total, 0);
  const spread = spreadOf(totals, rules.spreadLimitHundredths);

  let cap: StarRating = 5;
  const failing: CapReason[] = [];
  for (const criterion of criteriaOf(tree)) {
    if (criterion.mandatory.length === 0) continue;
    const criterionSum = sheets.reduce((acc, sheet, i) => {
      const points = Object.prototype.hasOwnProperty.call(sheet.criterionPoints, criterion.code)
        ? sheet.criterionPoints[criterion.code]
        : undefined;
      if (points === undefined) {
        throw new DomainRuleError(
          'SHEET_CRITERION_MISSING',
          `Score sheet ${i} has no points for mandatory criterion ${criterion.code}`,
          `sheets.${i}.criterionPoints.${criterion.code}`,
        );
      }
      assertHundredths(points, `Points of criterion ${criterion.code}`);
      return acc + points;
    }, 0);
    for (const requirement of criterion.mandatory) {
      if (criterionSum >= requirement.minPoints * n) continue;
      cap = Math.min(cap, requirement.stars - 1) as StarRating;
      failing.push({
        stars: requirement.stars,
        criterionCode: criterion.code,
        labelVi: criterion.labelVi,
        requiredHundredths: requirement.minPoints,
        meanFloorHundredths: floorDiv(criterionSum, n),
      });
    }
  }
  const capReasons = failing
    .filter((reason) => reason.stars <= band)
    .sort((a, b) => a.stars - b.stars || (a.criterionCode < b.criterionCode ? -1 : a.criterionCode > b.criterionCode ? 1 : 0));

  return {
    sheetCount: n,
    sumHundredths,
    meanHundredths: floorDiv(sumHundredths, n),
    band,
    cap,
    rank: Math.min(band, cap) as StarRating,
    capReasons,
    spread,
  };
}

/** The mean floored to hundredths, "69.99": never shows a border the mean did not reach. */
export function meanText(sumHundredths: number, count: number): string {
  assertHundredths(sumHundredths, 'The sum');
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new DomainRuleError('POINTS_INVALID', `The count of sheets must be a positive integer, got ${count}`);
  }
  return formatPoints(floorDiv(sumHundredths, count));
}
