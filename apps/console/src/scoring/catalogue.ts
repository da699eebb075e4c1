/** A criteria catalogue's tree as GET /api/scoring/catalogues/{code} returns it in `document` (points as numbers). */
export interface Option {
  code: string;
  labelVi: string;
  points: number;
}
export interface Criterion {
  code: string;
  labelVi: string;
  maxPoints: number;
  options: Option[];
  bonus?: boolean;
  communeScored?: boolean;
  mandatory?: { stars: number; minPoints: number }[];
}
export interface Tree {
  code: string;
  labelVi: string;
  parts: { code: string; labelVi: string; maxPoints: number; groups: { code: string; labelVi: string; criteria: Criterion[] }[] }[];
}
export interface CatalogueDocument {
  trees: Tree[];
  productSets: Record<string, string>;
}

export type Choices = Record<string, string>;

const pointsOf = (c: Criterion, choices: Choices): number | null => c.options.find((o) => o.code === choices[c.code])?.points ?? null;

/** The running total of each part (bonus criteria apart), in points, from the options chosen so far. */
export function partTotals(tree: Tree, choices: Choices): { code: string; total: number; bonus: number }[] {
  return tree.parts.map((p) => {
    let total = 0;
    let bonus = 0;
    for (const c of p.groups.flatMap((g) => g.criteria)) {
      const pts = pointsOf(c, choices) ?? 0;
      if (c.bonus) bonus += pts;
      else total += pts;
    }
    return { code: p.code, total, bonus };
  });
}

/** The mandatory requirements the chosen options fail: the star level each would cap the product below. */
export function mandatoryFailures(tree: Tree, choices: Choices): { code: string; labelVi: string; stars: number; minPoints: number }[] {
  const out = [];
  for (const c of tree.parts.flatMap((p) => p.groups.flatMap((g) => g.criteria))) {
    const pts = pointsOf(c, choices);
    if (pts === null) continue;
    for (const m of c.mandatory ?? [])
      if (pts < m.minPoints) out.push({ code: c.code, labelVi: c.labelVi, stars: m.stars, minPoints: m.minPoints });
  }
  return out;
}

export const criteriaOf = (tree: Tree): Criterion[] => tree.parts.flatMap((p) => p.groups.flatMap((g) => g.criteria));
