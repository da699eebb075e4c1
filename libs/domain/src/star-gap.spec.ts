import type { CatalogueCriterion, CriteriaTree } from './criteria-catalogue';
import type { ScoredSheet } from './evaluation';
import { gapToNextStar } from './star-gap';

const criterion = (code: string, maxPoints: number, mandatory: CatalogueCriterion['mandatory'] = []): CatalogueCriterion => ({
  code,
  labelVi: `Tiêu chí ${code}`,
  maxPoints,
  options: [],
  communeScored: false,
  bonus: false,
  mandatory,
  toComplete: false,
});

/** Three criteria of 40, 30 and 30 points; C2 must reach 20 for 5★, C3 10 for 4★. */
const TREE: CriteriaTree = {
  code: 'T',
  labelVi: 'Cây thử',
  parts: [
    {
      code: 'A',
      labelVi: 'Phần A',
      maxPoints: 10000,
      groups: [
        {
          code: 'A1',
          labelVi: 'Nhóm A1',
          maxPoints: 10000,
          criteria: [
            criterion('C1', 4000),
            criterion('C2', 3000, [{ stars: 5, minPoints: 2000 }]),
            criterion('C3', 3000, [{ stars: 4, minPoints: 1000 }]),
          ],
        },
      ],
    },
  ],
};

const sheet = (c1: number, c2: number, c3: number): ScoredSheet => ({
  totalHundredths: c1 + c2 + c3,
  partTotals: { A: c1 + c2 + c3 },
  criterionPoints: { C1: c1, C2: c2, C3: c3 },
});

describe('the gap to the next star', () => {
  it('counts the points the mean lacks for the next band, exactly, and where the room is', () => {
    // Totals 74, 75, 75: mean 74.67 → 4★; 5★ needs 90: 15.33 points (rounded up to hundredths).
    const gap = gapToNextStar(TREE, [sheet(3000, 2500, 1900), sheet(3000, 2500, 2000), sheet(3000, 2500, 2000)], 4);
    expect(gap).toMatchObject({ stars: 4, nextStars: 5, pointsMissingHundredths: 1534, mandatoryFailing: [] });
    // C3 has the most room: 30 − 19.67 = 10.34 (rounded up); C1 and C2 10 and 5.
    expect(gap.criteria.map((c) => [c.code, c.headroomHundredths, c.meanFloorHundredths])).toEqual([
      ['C3', 1034, 1966],
      ['C1', 1000, 3000],
      ['C2', 500, 2500],
    ]);
  });

  it('names the mandatory criteria that would still cap it, at or below the next level', () => {
    // 92 points but C2 (mandatory 20 for 5★) at 19: capped to 4★; no points missing, one criterion failing.
    const capped = gapToNextStar(TREE, [sheet(4000, 1900, 3000 + 300)], 4);
    expect(capped.pointsMissingHundredths).toBe(0);
    expect(capped.mandatoryFailing).toEqual([
      { stars: 5, criterionCode: 'C2', labelVi: 'Tiêu chí C2', requiredHundredths: 2000, meanFloorHundredths: 1900 },
    ]);
    // A 2★ result's next level is 3★ (a certificate); C3's 4★ requirement is not the next level's.
    expect(gapToNextStar(TREE, [sheet(2000, 1000, 500)], 2)).toMatchObject({
      nextStars: 3,
      pointsMissingHundredths: 1500,
      mandatoryFailing: [],
    });
    // 5★ has no next star.
    expect(gapToNextStar(TREE, [sheet(4000, 3000, 3000)], 5)).toMatchObject({ nextStars: null, pointsMissingHundredths: 0, criteria: [] });
  });
});
