import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { criteriaOf, parseCatalogue, treeForProductSet, type CatalogueCriterion, type CriteriaTree } from './criteria-catalogue';
import { DomainRuleError } from './domain-rule.error';
import {
  communeScoredCriteria,
  evaluateDossier,
  meanText,
  scoreSheet,
  spreadOf,
  validateCommuneAssessment,
  type CommuneAssessmentEntry,
  type ScoredSheet,
  type SheetEntry,
} from './evaluation';
import { formatPoints, type StarRating } from './points';

function thrown(run: () => unknown): { code: string; field?: string; message: string } | undefined {
  try {
    run();
  } catch (error) {
    if (!(error instanceof DomainRuleError)) throw error;
    return { code: error.code, field: error.field, message: error.message };
  }
  return undefined;
}

const option = (code: string, points: number) => ({ code, labelVi: `Phương án ${code}`, points });
const criterion = (code: string, maxPoints: number, points: number[], extra: Partial<CatalogueCriterion> = {}): CatalogueCriterion => ({
  code,
  labelVi: `Tiêu chí ${code}`,
  maxPoints,
  options: points.map((p, i) => option('abcd'[i] as string, p)),
  communeScored: false,
  bonus: false,
  mandatory: [],
  toComplete: false,
  ...extra,
});

/**
 * Part A (40): A1.1 commune-scored 20, A1.2 20 (mandatory 3★ from 10), A1.3 bonus 5.
 * Part B (60): B1.1 30 (mandatory 5★ from 30), B1.2 commune-scored 30 (options 0 / 2.5 / 30).
 */
const TREE: CriteriaTree = {
  code: 'T',
  labelVi: 'Cây thử',
  parts: [
    {
      code: 'A',
      labelVi: 'Phần A',
      maxPoints: 4000,
      groups: [
        {
          code: 'A1',
          labelVi: 'Nhóm A1',
          maxPoints: 4000,
          criteria: [
            criterion('A1.1', 2000, [0, 1000, 2000], { communeScored: true }),
            criterion('A1.2', 2000, [0, 1000, 2000], { mandatory: [{ stars: 3, minPoints: 1000 }] }),
            criterion('A1.3', 500, [0, 500], { bonus: true }),
          ],
        },
      ],
    },
    {
      code: 'B',
      labelVi: 'Phần B',
      maxPoints: 6000,
      groups: [
        {
          code: 'B1',
          labelVi: 'Nhóm B1',
          maxPoints: 6000,
          criteria: [
            criterion('B1.1', 3000, [0, 1500, 3000], { mandatory: [{ stars: 5, minPoints: 3000 }] }),
            criterion('B1.2', 3000, [0, 250, 3000], { communeScored: true }),
          ],
        },
      ],
    },
  ],
};

const entry = (criterionCode: string, optionCode: string, points?: string): SheetEntry =>
  points === undefined ? { criterionCode, optionCode } : { criterionCode, optionCode, points };
const ALL_TOP: SheetEntry[] = [entry('A1.1', 'c'), entry('A1.2', 'c'), entry('A1.3', 'b'), entry('B1.1', 'c'), entry('B1.2', 'c')];
const COMMUNE: CommuneAssessmentEntry[] = [
  { criterionCode: 'A1.1', optionCode: 'b' },
  { criterionCode: 'B1.2', optionCode: 'b' },
];
const COUNCIL_ONLY: SheetEntry[] = [entry('A1.2', 'b'), entry('A1.3', 'a'), entry('B1.1', 'c')];

describe('scoreSheet', () => {
  it('sums the chosen options per part and caps a part at its maximum (bonus included)', () => {
    const sheet = scoreSheet(TREE, ALL_TOP);
    expect(sheet.criterionPoints).toEqual({ 'A1.1': 2000, 'A1.2': 2000, 'A1.3': 500, 'B1.1': 3000, 'B1.2': 3000 });
    expect(sheet.partTotals).toEqual({ A: 4000, B: 6000 });
    expect(sheet.totalHundredths).toBe(10000);
  });

  it('lets a bonus lift a part up to, not beyond, its maximum', () => {
    const sheet = scoreSheet(TREE, [entry('A1.1', 'b'), entry('A1.2', 'c'), entry('A1.3', 'b'), entry('B1.1', 'a'), entry('B1.2', 'b')]);
    expect(sheet.partTotals).toEqual({ A: 3500, B: 250 });
    expect(sheet.totalHundredths).toBe(3750);
  });

  it('takes the commune-scored criteria from the commune assessment as given', () => {
    const sheet = scoreSheet(TREE, COUNCIL_ONLY, COMMUNE);
    expect(sheet.criterionPoints).toEqual({ 'A1.1': 1000, 'A1.2': 1000, 'A1.3': 0, 'B1.1': 3000, 'B1.2': 250 });
    expect(sheet.partTotals).toEqual({ A: 2000, B: 3250 });
    expect(sheet.totalHundredths).toBe(5250);
  });

  it('accepts points text equal to the option, in any notation with at most 2 decimals', () => {
    const entries = [entry('A1.2', 'b', '10'), entry('A1.3', 'a', '0'), entry('B1.1', 'c', '30.00')];
    expect(
      scoreSheet(TREE, entries, [COMMUNE[0] as CommuneAssessmentEntry, { criterionCode: 'B1.2', optionCode: 'b' }]).totalHundredths,
    ).toBe(5250);
    const withHalf = [entry('A1.1', 'a'), entry('A1.2', 'a'), entry('A1.3', 'a'), entry('B1.1', 'a'), entry('B1.2', 'b', '2.5')];
    expect(scoreSheet(TREE, withHalf).totalHundredths).toBe(250);
    withHalf[4] = entry('B1.2', 'b', '2.50');
    expect(scoreSheet(TREE, withHalf).totalHundredths).toBe(250);
  });

  const refusals: [string, SheetEntry[], CommuneAssessmentEntry[] | undefined, string, string, RegExp][] = [
    [
      'an unknown criterion',
      [...ALL_TOP, entry('Z9', 'a')],
      undefined,
      'SHEET_CRITERION_UNKNOWN',
      'entries.5.criterionCode',
      /no criterion Z9/,
    ],
    [
      'a criterion scored twice',
      [entry('A1.2', 'a'), ...ALL_TOP],
      undefined,
      'SHEET_CRITERION_DUPLICATE',
      'entries.2.criterionCode',
      /A1\.2 is scored more than once/,
    ],
    [
      'a commune-scored criterion on a sheet beside the assessment',
      [...COUNCIL_ONLY, entry('B1.2', 'c')],
      COMMUNE,
      'SHEET_CRITERION_COMMUNE_SCORED',
      'entries.3.criterionCode',
      /B1\.2 is assessed by the commune/,
    ],
    [
      'an unknown option',
      [entry('A1.1', 'z'), ...ALL_TOP.slice(1)],
      undefined,
      'SHEET_OPTION_UNKNOWN',
      'entries.0.optionCode',
      /A1\.1 has no option z/,
    ],
    [
      'points above the criterion maximum',
      [entry('A1.1', 'c', '20.01'), ...ALL_TOP.slice(1)],
      undefined,
      'SHEET_POINTS_OUT_OF_RANGE',
      'entries.0.points',
      /from 0 to 20\.00 .* got "20\.01"/,
    ],
    [
      'points that are not a number',
      [entry('A1.1', 'c', 'twenty'), ...ALL_TOP.slice(1)],
      undefined,
      'SHEET_POINTS_OUT_OF_RANGE',
      'entries.0.points',
      /from 0 to 20\.00/,
    ],
    [
      'points with three decimals',
      [entry('A1.1', 'c', '19.999'), ...ALL_TOP.slice(1)],
      undefined,
      'SHEET_POINTS_OUT_OF_RANGE',
      'entries.0.points',
      /at most 2 decimals/,
    ],
    [
      'negative points',
      [entry('A1.1', 'a', '-1'), ...ALL_TOP.slice(1)],
      undefined,
      'SHEET_POINTS_OUT_OF_RANGE',
      'entries.0.points',
      /from 0 to 20\.00/,
    ],
    [
      'points unlike the option',
      [...ALL_TOP.slice(0, 4), entry('B1.2', 'b', '3')],
      undefined,
      'SHEET_POINTS_MISMATCH',
      'entries.4.points',
      /Option b of criterion B1\.2 is worth 2\.50 points, not 3\.00/,
    ],
    ['missing criteria', [entry('A1.2', 'a'), entry('B1.1', 'a')], undefined, 'SHEET_CRITERION_MISSING', 'entries', /A1\.1, A1\.3, B1\.2/],
    [
      'missing criteria beside the assessment',
      [entry('A1.2', 'a')],
      COMMUNE,
      'SHEET_CRITERION_MISSING',
      'entries',
      /criteria A1\.3, B1\.1$/,
    ],
    [
      'commune-scored criteria left out without an assessment',
      COUNCIL_ONLY,
      undefined,
      'SHEET_CRITERION_MISSING',
      'entries',
      /criteria A1\.1, B1\.2$/,
    ],
  ];

  it.each(refusals)('refuses %s', (_name, entries, assessment, code, field, message) => {
    const error = thrown(() => scoreSheet(TREE, entries, assessment));
    expect(error).toEqual({ code, field, message: expect.stringMatching(message) });
  });

  it('refuses a sheet whose commune assessment is itself invalid', () => {
    expect(thrown(() => scoreSheet(TREE, COUNCIL_ONLY, COMMUNE.slice(1)))?.code).toBe('COMMUNE_ASSESSMENT_CRITERION_MISSING');
  });
});

describe('validateCommuneAssessment', () => {
  it('lists the commune-scored criteria in tree order', () => {
    expect(communeScoredCriteria(TREE).map((c) => c.code)).toEqual(['A1.1', 'B1.2']);
  });

  it('accepts each commune-scored criterion exactly once, in any order', () => {
    expect(() => validateCommuneAssessment(TREE, [...COMMUNE].reverse())).not.toThrow();
  });

  it.each([
    [
      'a council criterion',
      [...COMMUNE, { criterionCode: 'A1.2', optionCode: 'a' }],
      'COMMUNE_ASSESSMENT_CRITERION_UNKNOWN',
      'communeAssessment.entries.2.criterionCode',
    ],
    [
      'an unknown criterion',
      [{ criterionCode: 'X', optionCode: 'a' }],
      'COMMUNE_ASSESSMENT_CRITERION_UNKNOWN',
      'communeAssessment.entries.0.criterionCode',
    ],
    [
      'a duplicate',
      [...COMMUNE, { criterionCode: 'A1.1', optionCode: 'a' }],
      'COMMUNE_ASSESSMENT_CRITERION_DUPLICATE',
      'communeAssessment.entries.2.criterionCode',
    ],
    [
      'an unknown option',
      [{ criterionCode: 'A1.1', optionCode: 'q' }, COMMUNE[1]],
      'COMMUNE_ASSESSMENT_OPTION_UNKNOWN',
      'communeAssessment.entries.0.optionCode',
    ],
    ['a missing criterion', [COMMUNE[0]], 'COMMUNE_ASSESSMENT_CRITERION_MISSING', 'communeAssessment.entries'],
    ['nothing at all', [], 'COMMUNE_ASSESSMENT_CRITERION_MISSING', 'communeAssessment.entries'],
  ] as [string, CommuneAssessmentEntry[], string, string][])('refuses %s', (_name, entries, code, field) => {
    const error = thrown(() => validateCommuneAssessment(TREE, entries));
    expect(error?.code).toBe(code);
    expect(error?.field).toBe(field);
  });

  it('names the missing criteria', () => {
    expect(thrown(() => validateCommuneAssessment(TREE, []))?.message).toBe('The commune assessment misses criteria A1.1, B1.2');
  });
});

// ---------------------------------------------------------------------------------------------

const NO_RULES_TREE: CriteriaTree = {
  code: 'N',
  labelVi: 'Không có tiêu chí bắt buộc',
  parts: [
    {
      code: 'A',
      labelVi: 'A',
      maxPoints: 10000,
      groups: [{ code: 'A1', labelVi: 'A1', maxPoints: 10000, criteria: [criterion('X', 10000, [0, 10000])] }],
    },
  ],
};
const sheetOf = (total: number, criterionPoints: Record<string, number> = {}): ScoredSheet => ({
  totalHundredths: total,
  partTotals: { A: total },
  criterionPoints: { X: 0, ...criterionPoints },
});
const RULES = { spreadLimitHundredths: 1000 };
const BORDERS = [3000, 5000, 7000, 9000];

/** Reference band in BigInt: mean ≥ border ⇔ sum ≥ border × n, for every border. */
function referenceBand(totals: readonly number[]): number {
  const sum = totals.reduce((acc, total) => acc + BigInt(total), 0n);
  const n = BigInt(totals.length);
  return 1 + BORDERS.filter((border) => sum >= BigInt(border) * n).length;
}

/** Reference "NN.NN" of floor(sum / n) in BigInt. */
function referenceMeanText(sum: bigint, n: bigint): string {
  const floor = (sum / n).toString().padStart(3, '0');
  return `${floor.slice(0, -2)}.${floor.slice(-2)}`;
}

/**
 * n values within [0, max] that add up to exactly `target` (0 ≤ target ≤ n × max), spread by the
 * random `weights`: start level, then move points between entries without leaving the bounds.
 */
function valuesSummingTo(n: number, max: number, target: number, moves: readonly [number, number, number][]): number[] {
  const values = Array.from({ length: n }, (_, i) => Math.floor(target / n) + (i < target % n ? 1 : 0));
  for (const [from, to, amount] of moves) {
    const i = from % n;
    const j = to % n;
    const moved = Math.min(amount, values[i] as number, max - (values[j] as number));
    if (i === j || moved <= 0) continue;
    values[i] = (values[i] as number) - moved;
    values[j] = (values[j] as number) + moved;
  }
  return values;
}
const moves = fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 10000 })), { maxLength: 40 });

describe('evaluateDossier: banding', () => {
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
  ])('a single sheet of %i hundredths is %i★', (total, stars) => {
    const result = evaluateDossier(NO_RULES_TREE, [sheetOf(total)], RULES);
    expect(result.band).toBe(stars);
    expect(result.rank).toBe(stars);
    expect(result.meanHundredths).toBe(total);
  });

  it('bands a mean of 69.995 as 3★ and shows it as 69.99', () => {
    const result = evaluateDossier(NO_RULES_TREE, [sheetOf(6999), sheetOf(7000)], RULES);
    expect(result.band).toBe(3);
    expect(result.meanHundredths).toBe(6999);
    expect(meanText(result.sumHundredths, result.sheetCount)).toBe('69.99');
  });

  it('bands any single total like the BigInt reference, at and around every border (property)', () => {
    const nearBorder = fc
      .constantFrom(0, 3000, 5000, 7000, 9000, 10000)
      .chain((border) => fc.integer({ min: Math.max(0, border - 2), max: Math.min(10000, border + 2) }));
    fc.assert(
      fc.property(fc.oneof(nearBorder, fc.integer({ min: 0, max: 10000 })), (total) => {
        expect(evaluateDossier(NO_RULES_TREE, [sheetOf(total)], RULES).band).toBe(referenceBand([total]));
      }),
    );
  });

  it('bands the mean of 1..30 sheets like the exact rational comparison in BigInt (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 1, maxLength: 30 }), (totals) => {
        const result = evaluateDossier(
          NO_RULES_TREE,
          totals.map((total) => sheetOf(total)),
          { spreadLimitHundredths: 10000 },
        );
        expect(result.band).toBe(referenceBand(totals));
      }),
    );
  });

  it('never ranks up a mean one hundredth-of-a-sheet below a border, and reaches it at the border (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BORDERS, 10000), fc.integer({ min: 1, max: 30 }), moves, (border, n, spread) => {
        const below = valuesSummingTo(n, 10000, border * n - 1, spread);
        const at = valuesSummingTo(n, 10000, border * n, spread);
        const borderBand = referenceBand([border]);
        const belowResult = evaluateDossier(
          NO_RULES_TREE,
          below.map((total) => sheetOf(total)),
          { spreadLimitHundredths: 10000 },
        );
        expect(belowResult.sumHundredths).toBe(border * n - 1);
        expect(belowResult.band).toBe(border === 10000 ? 5 : borderBand - 1);
        expect(belowResult.meanHundredths).toBe(border - 1);
        expect(meanText(belowResult.sumHundredths, n)).toBe(formatPoints(border - 1));
        expect(
          evaluateDossier(
            NO_RULES_TREE,
            at.map((total) => sheetOf(total)),
            { spreadLimitHundredths: 10000 },
          ).band,
        ).toBe(borderBand);
      }),
    );
  });
});

describe('evaluateDossier: mean', () => {
  it('computes sum, count and floored mean like a BigInt reference, over any number of sheets (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 1, maxLength: 200 }), (totals) => {
        const result = evaluateDossier(
          NO_RULES_TREE,
          totals.map((total) => sheetOf(total)),
          { spreadLimitHundredths: 10000 },
        );
        const sum = totals.reduce((acc, total) => acc + BigInt(total), 0n);
        const n = BigInt(totals.length);
        expect(result.sheetCount).toBe(totals.length);
        expect(BigInt(result.sumHundredths)).toBe(sum);
        expect(BigInt(result.meanHundredths)).toBe(sum / n);
        expect(meanText(result.sumHundredths, result.sheetCount)).toBe(referenceMeanText(sum, n));
      }),
    );
  });

  it('floors exactly for any safe sum and count, as BigInt division does (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 1, max: 1_000_000 }), (sum, count) => {
        expect(meanText(sum, count)).toBe(referenceMeanText(BigInt(sum), BigInt(count)));
      }),
    );
    expect(meanText(Number.MAX_SAFE_INTEGER, 2)).toBe('45035996273704.95');
  });

  it('refuses no sheets and invalid input with POINTS_INVALID', () => {
    expect(thrown(() => evaluateDossier(NO_RULES_TREE, [], RULES))?.code).toBe('POINTS_INVALID');
    expect(thrown(() => evaluateDossier(NO_RULES_TREE, [sheetOf(10001)], RULES))?.code).toBe('POINTS_INVALID');
    expect(thrown(() => meanText(100, 0))?.code).toBe('POINTS_INVALID');
    expect(thrown(() => meanText(-1, 1))?.code).toBe('POINTS_INVALID');
    expect(thrown(() => meanText(1.5, 1))?.code).toBe('POINTS_INVALID');
  });
});

describe('evaluateDossier: mandatory criteria cap the rank', () => {
  /** A1.2 ≥ 10 for 3★, B1.1 ≥ 30 for 5★ (TREE). */
  const council = (total: number, a12: number, b11: number): ScoredSheet => ({
    totalHundredths: total,
    partTotals: {},
    criterionPoints: { 'A1.1': 0, 'A1.2': a12, 'A1.3': 0, 'B1.1': b11, 'B1.2': 0 },
  });

  it('caps a 4★ band at 2★ when the 3★ requirement fails, and says why', () => {
    const result = evaluateDossier(TREE, [council(8000, 1000, 3000), council(8000, 0, 3000)], RULES);
    expect(result).toEqual({
      sheetCount: 2,
      sumHundredths: 16000,
      meanHundredths: 8000,
      band: 4,
      cap: 2,
      rank: 2,
      capReasons: [{ stars: 3, criterionCode: 'A1.2', labelVi: 'Tiêu chí A1.2', requiredHundredths: 1000, meanFloorHundredths: 500 }],
      spread: { minTotal: 8000, maxTotal: 8000, difference: 0, exceeded: false },
    });
  });

  it('caps a 5★ band at 4★ when the 5★ requirement fails', () => {
    const result = evaluateDossier(TREE, [council(9500, 2000, 3000), council(9500, 2000, 1500)], RULES);
    expect([result.band, result.cap, result.rank]).toEqual([5, 4, 4]);
    expect(result.capReasons.map((reason) => [reason.stars, reason.criterionCode, reason.meanFloorHundredths])).toEqual([
      [5, 'B1.1', 2250],
    ]);
  });

  it('records only the failing requirements at or below the band, by stars then criterion code', () => {
    const result = evaluateDossier(TREE, [council(6000, 0, 0)], RULES);
    expect([result.band, result.cap, result.rank]).toEqual([3, 2, 2]);
    expect(result.capReasons.map((reason) => reason.stars)).toEqual([3]);
    const high = evaluateDossier(TREE, [council(9600, 0, 0)], RULES);
    expect(high.capReasons.map((reason) => [reason.stars, reason.criterionCode])).toEqual([
      [3, 'A1.2'],
      [5, 'B1.1'],
    ]);
  });

  it('refuses sheets without the points of a mandatory criterion', () => {
    const error = thrown(() => evaluateDossier(TREE, [council(9000, 0, 0), sheetOf(9000)], RULES));
    expect(error).toEqual({ code: 'SHEET_CRITERION_MISSING', field: 'sheets.1.criterionPoints.A1.2', message: expect.any(String) });
  });

  const requirementTree = (max: number, stars: 3 | 4 | 5, min: number): CriteriaTree => ({
    code: 'R',
    labelVi: 'R',
    parts: [
      {
        code: 'A',
        labelVi: 'A',
        maxPoints: 10000,
        groups: [
          {
            code: 'A1',
            labelVi: 'A1',
            maxPoints: 10000,
            criteria: [
              criterion('M', max, [0, max], { mandatory: [{ stars, minPoints: min }] }),
              criterion('X', 10000 - max, [0, 10000 - max]),
            ],
          },
        ],
      },
    ],
  });

  it('passes a requirement met exactly by the mean, fails it one hundredth-of-a-sheet below (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }).chain((max) => fc.tuple(fc.constant(max), fc.integer({ min: 1, max }))),
        fc.constantFrom<3 | 4 | 5>(3, 4, 5),
        fc.integer({ min: 1, max: 30 }),
        moves,
        ([max, min], stars, n, spread) => {
          const tree = requirementTree(max, stars, min);
          const run = (criterionSum: number) =>
            evaluateDossier(
              tree,
              valuesSummingTo(n, max, criterionSum, spread).map((points) => ({
                totalHundredths: 10000,
                partTotals: {},
                criterionPoints: { M: points, X: 0 },
              })),
              RULES,
            );
          const met = run(min * n);
          expect(met.cap).toBe(5);
          expect(met.rank).toBe(5);
          expect(met.capReasons).toEqual([]);
          const short = run(min * n - 1);
          expect(short.cap).toBe(stars - 1);
          expect(short.rank).toBe(stars - 1);
          expect(short.capReasons).toEqual([
            { stars, criterionCode: 'M', labelVi: 'Tiêu chí M', requiredHundredths: min, meanFloorHundredths: min - 1 },
          ]);
        },
      ),
    );
  });

  it('keeps rank ≤ band and rank ≤ cap, equal to the band when nothing fails, with the cap of the BigInt reference (property)', () => {
    const sheetArb = fc.record({
      total: fc.integer({ min: 0, max: 10000 }),
      a12: fc.constantFrom(0, 1000, 2000),
      b11: fc.constantFrom(0, 1500, 3000),
    });
    fc.assert(
      fc.property(fc.array(sheetArb, { minLength: 1, maxLength: 30 }), (sheets) => {
        const result = evaluateDossier(
          TREE,
          sheets.map((s) => council(s.total, s.a12, s.b11)),
          { spreadLimitHundredths: 10000 },
        );
        const n = BigInt(sheets.length);
        const pass3 = sheets.reduce((acc, s) => acc + BigInt(s.a12), 0n) >= 1000n * n;
        const pass5 = sheets.reduce((acc, s) => acc + BigInt(s.b11), 0n) >= 3000n * n;
        const referenceCap = !pass3 ? 2 : !pass5 ? 4 : 5;
        expect(result.band).toBe(referenceBand(sheets.map((s) => s.total)));
        expect(result.cap).toBe(referenceCap);
        expect(result.rank).toBe(Math.min(result.band, referenceCap));
        expect(result.rank).toBeLessThanOrEqual(result.band);
        expect(result.rank).toBeLessThanOrEqual(result.cap);
        if (pass3 && pass5) expect(result.rank).toBe(result.band);
        if (result.rank < result.band) expect(result.capReasons.length).toBeGreaterThan(0);
        for (const reason of result.capReasons) expect(reason.stars).toBeLessThanOrEqual(result.band);
        const order = result.capReasons.map((reason) => `${reason.stars}:${reason.criterionCode}`);
        expect(order).toEqual([...order].sort());
      }),
    );
  });
});

describe('spreadOf', () => {
  it('allows members exactly 10.00 points apart and flags 10.01', () => {
    expect(spreadOf([7000, 8000, 7500], 1000)).toEqual({ minTotal: 7000, maxTotal: 8000, difference: 1000, exceeded: false });
    expect(spreadOf([7000, 8001], 1000)).toEqual({ minTotal: 7000, maxTotal: 8001, difference: 1001, exceeded: true });
    expect(spreadOf([5000], 0).exceeded).toBe(false);
  });

  it('is exceeded exactly when max − min > limit: at the limit no, one hundredth above yes (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10000 }),
        fc.integer({ min: 0, max: 10000 }),
        fc.array(fc.integer({ min: 0, max: 10000 })),
        (low, limit, others) => {
          fc.pre(low + limit + 1 <= 10000);
          const between = others.map((value) => low + (value % (limit + 1)));
          expect(spreadOf([low, ...between, low + limit], limit).exceeded).toBe(false);
          expect(spreadOf([low, ...between, low + limit + 1], limit).exceeded).toBe(true);
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 10000 }),
        (totals, limit) => {
          const check = spreadOf(totals, limit);
          expect(check.difference).toBe(Math.max(...totals) - Math.min(...totals));
          expect(check.exceeded).toBe(check.difference > limit);
        },
      ),
    );
  });

  it('is reported by evaluateDossier with the council limit', () => {
    const result = evaluateDossier(NO_RULES_TREE, [sheetOf(6000), sheetOf(7001)], RULES);
    expect(result.spread).toEqual({ minTotal: 6000, maxTotal: 7001, difference: 1001, exceeded: true });
  });

  it('refuses no totals, a negative limit and invalid totals with POINTS_INVALID', () => {
    expect(thrown(() => spreadOf([], 1000))?.code).toBe('POINTS_INVALID');
    expect(thrown(() => spreadOf([1000], -1))?.code).toBe('POINTS_INVALID');
    expect(thrown(() => spreadOf([1000, 0.5], 1000))?.code).toBe('POINTS_INVALID');
  });
});

describe('with the shipped 148 catalogue', () => {
  const catalogue = parseCatalogue(JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'data', 'criteria', '148.json'), 'utf8')));
  const goods = treeForProductSet(catalogue, '07');
  const top = (criteria: CatalogueCriterion[]): SheetEntry[] =>
    criteria.map((c) => ({
      criterionCode: c.code,
      optionCode: (c.options.find((o) => o.points === c.maxPoints) as { code: string }).code,
    }));

  it('scores a sheet with every top option 100.00 (the bonus is capped inside part A) and ranks it 5★', () => {
    const sheet = scoreSheet(goods, top(criteriaOf(goods)));
    expect(sheet.partTotals).toEqual({ A: 4000, B: 2500, C: 3500 });
    expect(evaluateDossier(goods, [sheet, sheet, sheet], RULES).rank).toBe(5);
  });

  it('scores council sheets beside a commune assessment under 148+1489 and caps at 2★ without a quality declaration', () => {
    const commune = communeScoredCriteria(goods);
    const assessment = top(commune);
    const councilEntries = top(criteriaOf(goods).filter((c) => !c.communeScored)).map((e) =>
      e.criterionCode === 'C2.1' ? { criterionCode: 'C2.1', optionCode: 'a' } : e,
    );
    const sheet = scoreSheet(goods, councilEntries, assessment);
    expect(sheet.totalHundredths).toBe(9600);
    const result = evaluateDossier(goods, [sheet, sheet], RULES);
    expect([result.band, result.cap, result.rank] as StarRating[]).toEqual([5, 2, 2]);
    expect(result.capReasons.map((reason) => [reason.stars, reason.criterionCode, reason.labelVi])).toEqual([
      [3, 'C2.1', 'Công bố tiêu chuẩn, chất lượng sản phẩm'],
    ]);
  });
});
