import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  CatalogueInvalidError,
  catalogueCompletion,
  catalogueToDocument,
  criteriaOf,
  parseCatalogue,
  treeForProductSet,
  type CatalogueDocument,
  type CatalogueIssue,
  type CriteriaCatalogue,
  type CriteriaTree,
} from './criteria-catalogue';
import { DomainRuleError } from './domain-rule.error';
import { PRODUCT_SETS } from './product-catalogue';

const DATA_DIR = join(__dirname, '..', '..', '..', 'data', 'criteria');
const readData = (file: string): unknown => JSON.parse(readFileSync(join(DATA_DIR, file), 'utf8'));

const allSets = (goods: string, tourism: string): Record<string, string> =>
  Object.fromEntries(PRODUCT_SETS.map((set) => [set.code, set.code === '26' ? tourism : goods]));

/** A small valid catalogue: parts A 60 / B 40, two trees, a bonus, a mandatory and a commune-scored criterion. */
function smallDoc(): CatalogueDocument {
  const tree = (code: string) => ({
    code,
    labelVi: code === 'GOODS' ? 'Sản phẩm hàng hóa' : 'Dịch vụ du lịch',
    parts: [
      {
        code: 'A',
        labelVi: 'Sản phẩm và sức mạnh cộng đồng',
        maxPoints: 60,
        groups: [
          {
            code: 'A1',
            labelVi: 'Tổ chức sản xuất',
            maxPoints: 60,
            criteria: [
              {
                code: 'A1.1',
                labelVi: 'Nguồn gốc nguyên liệu',
                maxPoints: 30,
                options: [
                  { code: 'a', labelVi: 'Không có', points: 0 },
                  { code: 'b', labelVi: 'Một phần', points: 15 },
                  { code: 'c', labelVi: 'Toàn bộ', points: 30 },
                ],
                communeScored: true,
                mandatory: [{ stars: 3 as const, minPoints: 15 }],
                toComplete: true,
                noteVi: 'Nhập theo Phụ lục III',
              },
              {
                code: 'A1.2',
                labelVi: 'Sử dụng lao động địa phương',
                maxPoints: '30',
                options: [
                  { code: 'a', labelVi: 'Dưới một nửa', points: '2.5' },
                  { code: 'b', labelVi: 'Từ một nửa trở lên', points: 30 },
                ],
              },
              {
                code: 'A1.3',
                labelVi: 'Chủ thể là nữ hoặc người dân tộc thiểu số',
                maxPoints: 5,
                options: [
                  { code: 'a', labelVi: 'Không', points: 0 },
                  { code: 'b', labelVi: 'Có', points: 5 },
                ],
                bonus: true,
              },
            ],
          },
        ],
      },
      {
        code: 'B',
        labelVi: 'Khả năng tiếp thị',
        maxPoints: 40,
        groups: [
          {
            code: 'B1',
            labelVi: 'Tiếp thị',
            maxPoints: 40,
            criteria: [
              {
                code: 'B1.1',
                labelVi: 'Khu vực phân phối',
                maxPoints: 40,
                options: [
                  { code: 'a', labelVi: 'Trong tỉnh', points: 10.25 },
                  { code: 'b', labelVi: 'Toàn quốc', points: 40 },
                ],
              },
            ],
          },
        ],
      },
    ],
  });
  return {
    $comment: 'test catalogue',
    notes: 'ignored',
    code: 'T1',
    titleVi: 'Bộ tiêu chí thử',
    legalVersions: ['148', '148+1489'],
    status: 'PROVISIONAL',
    partTotals: { A: 60, B: 40 },
    trees: [tree('GOODS'), tree('TOURISM')],
    productSets: allSets('GOODS', 'TOURISM'),
  };
}

/** A mutable deep copy of the small document, to break one thing at a time. */
type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests poke at arbitrary JSON
const mutated = (mutate: (doc: Doc) => void): Doc => {
  const doc = structuredClone(smallDoc()) as Doc;
  mutate(doc);
  return doc;
};
const goodsA1 = (doc: Doc): Doc => doc.trees[0].parts[0].groups[0];
const goodsCriterion = (doc: Doc, index: number): Doc => goodsA1(doc).criteria[index];

function issuesOf(doc: unknown): CatalogueIssue[] {
  try {
    parseCatalogue(doc);
  } catch (error) {
    if (error instanceof CatalogueInvalidError) return error.issues;
    throw error;
  }
  return [];
}

function treeOf(catalogue: CriteriaCatalogue, code: string): CriteriaTree {
  const tree = catalogue.trees.find((candidate) => candidate.code === code);
  if (tree === undefined) throw new Error(`no tree ${code}`);
  return tree;
}

const C11 = 'trees[GOODS].parts[A].groups[A1].criteria[A1.1]';
const C12 = 'trees[GOODS].parts[A].groups[A1].criteria[A1.2]';

describe('parseCatalogue: a valid catalogue', () => {
  it('converts points to hundredths exactly, from numbers and decimal strings', () => {
    const catalogue = parseCatalogue(smallDoc());
    expect(catalogue.partTotals).toEqual({ A: 6000, B: 4000 });
    const goods = treeForProductSet(catalogue, '01');
    const [a11, a12, a13, b11] = criteriaOf(goods);
    expect(a11?.options.map((option) => option.points)).toEqual([0, 1500, 3000]);
    expect(a12?.maxPoints).toBe(3000);
    expect(a12?.options.map((option) => option.points)).toEqual([250, 3000]);
    expect(b11?.options[0]?.points).toBe(1025);
    expect(a11?.mandatory).toEqual([{ stars: 3, minPoints: 1500 }]);
    expect(a13?.bonus).toBe(true);
  });

  it('fills the optional flags with their defaults and ignores $comment and notes', () => {
    const catalogue = parseCatalogue(smallDoc());
    const a12 = criteriaOf(treeOf(catalogue, 'GOODS'))[1];
    expect(a12).toEqual({
      code: 'A1.2',
      labelVi: 'Sử dụng lao động địa phương',
      maxPoints: 3000,
      options: [
        { code: 'a', labelVi: 'Dưới một nửa', points: 250 },
        { code: 'b', labelVi: 'Từ một nửa trở lên', points: 3000 },
      ],
      communeScored: false,
      bonus: false,
      mandatory: [],
      toComplete: false,
    });
    expect(Object.keys(catalogue)).toEqual(['code', 'titleVi', 'legalVersions', 'status', 'partTotals', 'trees', 'productSets']);
  });

  it('excludes bonus criteria from the group maximum (60 = 30 + 30, the 5-point bonus aside)', () => {
    expect(issuesOf(smallDoc())).toEqual([]);
    expect(issuesOf(mutated((doc) => (goodsA1(doc).maxPoints = 65)))).toContainEqual(
      expect.objectContaining({ path: 'trees[GOODS].parts[A].groups[A1].maxPoints' }),
    );
  });

  it('maps product sets to trees and refuses an unknown set', () => {
    const catalogue = parseCatalogue(smallDoc());
    expect(treeForProductSet(catalogue, '01').code).toBe('GOODS');
    expect(treeForProductSet(catalogue, '25').code).toBe('GOODS');
    expect(treeForProductSet(catalogue, '26').code).toBe('TOURISM');
    for (const code of ['27', '1', '', 'toString', '__proto__']) {
      try {
        treeForProductSet(catalogue, code);
        throw new Error('expected CATALOGUE_SET_UNKNOWN');
      } catch (error) {
        expect(error).toBeInstanceOf(DomainRuleError);
        expect((error as DomainRuleError).code).toBe('CATALOGUE_SET_UNKNOWN');
        expect((error as DomainRuleError).field).toBe('productSetCode');
      }
    }
  });

  it('flattens criteria in tree order and lists the criteria to complete with their paths', () => {
    const catalogue = parseCatalogue(smallDoc());
    expect(criteriaOf(treeOf(catalogue, 'TOURISM')).map((criterion) => criterion.code)).toEqual(['A1.1', 'A1.2', 'A1.3', 'B1.1']);
    expect(catalogueCompletion(catalogue)).toEqual([
      { path: C11, labelVi: 'Nguồn gốc nguyên liệu', noteVi: 'Nhập theo Phụ lục III' },
      { path: 'trees[TOURISM].parts[A].groups[A1].criteria[A1.1]', labelVi: 'Nguồn gốc nguyên liệu', noteVi: 'Nhập theo Phụ lục III' },
    ]);
  });

  it('accepts a FINAL catalogue once nothing is left to complete', () => {
    const doc = mutated((d) => {
      d.status = 'FINAL';
      for (const tree of d.trees) delete tree.parts[0].groups[0].criteria[0].toComplete;
    });
    const catalogue = parseCatalogue(doc);
    expect(catalogue.status).toBe('FINAL');
    expect(catalogueCompletion(catalogue)).toEqual([]);
  });
});

describe('parseCatalogue: each kind of fault is refused with an issue naming the node', () => {
  const cases: [string, (doc: Doc) => void, string, RegExp][] = [
    ['a required field is missing', (d) => delete d.titleVi, 'titleVi', /non-empty text/],
    ['an unknown field (a typo of a flag)', (d) => (goodsCriterion(d, 1).communeScore = true), `${C12}.communeScore`, /unknown field/],
    ['a catalogue code with a space', (d) => (d.code = 'QĐ 148'), 'code', /code of 1 to 40/],
    [
      'a criterion code that is too long',
      (d) => (goodsCriterion(d, 1).code = 'X'.repeat(41)),
      `trees[GOODS].parts[A].groups[A1].criteria[${'X'.repeat(41)}].code`,
      /code/,
    ],
    ['an option without a code', (d) => delete goodsCriterion(d, 1).options[0].code, `${C12}.options[0].code`, /code/],
    ['an empty label', (d) => (goodsCriterion(d, 1).labelVi = '  '), `${C12}.labelVi`, /non-empty text/],
    ['an unknown status', (d) => (d.status = 'DRAFT'), 'status', /PROVISIONAL.*FINAL/],
    ['no legal version', (d) => (d.legalVersions = []), 'legalVersions', /must not be empty/],
    ['an unknown legal version', (d) => (d.legalVersions = ['148', '26/2026']), 'legalVersions[1]', /one of "1048", "148", "148\+1489"/],
    ['a legal version listed twice', (d) => (d.legalVersions = ['148', '148']), 'legalVersions[1]', /twice/],
    [
      'points with three decimals',
      (d) => (goodsCriterion(d, 1).options[0].points = 2.555),
      `${C12}.options[a].points`,
      /at most 2 decimals/,
    ],
    [
      'points written with a comma',
      (d) => (goodsCriterion(d, 1).options[0].points = '2,5'),
      `${C12}.options[a].points`,
      /at most 2 decimals/,
    ],
    ['negative points', (d) => (goodsCriterion(d, 1).options[0].points = -1), `${C12}.options[a].points`, /at most 2 decimals/],
    [
      'points in exponent notation',
      (d) => (goodsCriterion(d, 1).options[0].points = 1e-7),
      `${C12}.options[a].points`,
      /at most 2 decimals/,
    ],
    ['a flag that is not a boolean', (d) => (goodsCriterion(d, 1).bonus = 'yes'), `${C12}.bonus`, /true or false/],
    [
      'a criterion worth nothing',
      (d) => Object.assign(goodsCriterion(d, 2), { maxPoints: 0, options: [{ code: 'a', labelVi: 'Không', points: 0 }] }),
      'trees[GOODS].parts[A].groups[A1].criteria[A1.3].maxPoints',
      /greater than 0/,
    ],
    ['part totals that do not add up to 100', (d) => (d.partTotals.B = 39.99), 'partTotals', /exactly 100 points, got 99\.99/],
    ['a part missing from a tree', (d) => d.trees[0].parts.pop(), 'trees[GOODS].parts', /missing part\(s\) named in partTotals: B/],
    [
      'a part not named in partTotals',
      (d) => d.trees[0].parts.push({ ...structuredClone(d.trees[0].parts[1]), code: 'D' }),
      'trees[GOODS].parts[D]',
      /not named in partTotals/,
    ],
    [
      'a part maximum unlike partTotals',
      (d) => (d.partTotals = { A: 50, B: 50 }),
      'trees[GOODS].parts[A].maxPoints',
      /differs from partTotals\[A\], 50\.00/,
    ],
    [
      'a part maximum unlike its groups',
      (d) => (d.trees[0].parts[1].maxPoints = 45),
      'trees[GOODS].parts[B].maxPoints',
      /sum of its groups' maxPoints, 40\.00/,
    ],
    [
      'a group maximum unlike its criteria',
      (d) => (d.trees[0].parts[1].groups[0].maxPoints = 39),
      'trees[GOODS].parts[B].groups[B1].maxPoints',
      /non-bonus criteria's maxPoints, 40\.00/,
    ],
    ['a criterion without options', (d) => (goodsCriterion(d, 1).options = []), `${C12}.options`, /must not be empty/],
    [
      'an option above the criterion maximum',
      (d) => (goodsCriterion(d, 0).options[1].points = 30.01),
      `${C11}.options[b].points`,
      /30\.01 exceeds the criterion's maxPoints 30\.00/,
    ],
    [
      'a maximum no option reaches',
      (d) => (goodsCriterion(d, 0).options[2].points = 29),
      `${C11}.options`,
      /highest option is worth 29\.00/,
    ],
    ['two options with one code', (d) => (goodsCriterion(d, 0).options[2].code = 'b'), `${C11}.options[b]`, /duplicate code "b"/],
    ['two trees with one code', (d) => (d.trees[1].code = 'GOODS'), 'trees[GOODS]', /duplicate code "GOODS" among the trees/],
    [
      'two parts of a tree with one code',
      (d) => (d.trees[0].parts[1].code = 'A'),
      'trees[GOODS].parts[A]',
      /duplicate code "A" among the parts/,
    ],
    [
      'two groups of a tree with one code, across parts',
      (d) => (d.trees[0].parts[1].groups[0].code = 'A1'),
      'trees[GOODS].parts[B].groups[A1]',
      /duplicate code "A1" among the groups/,
    ],
    [
      'two criteria of a tree with one code, across groups',
      (d) => (d.trees[0].parts[1].groups[0].criteria[0].code = 'A1.1'),
      'trees[GOODS].parts[B].groups[B1].criteria[A1.1]',
      /duplicate code "A1.1" among the criteria/,
    ],
    ['a mandatory requirement for 2★', (d) => (goodsCriterion(d, 0).mandatory[0].stars = 2), `${C11}.mandatory[0].stars`, /3, 4 or 5/],
    [
      'a star required twice on one criterion',
      (d) => goodsCriterion(d, 0).mandatory.push({ stars: 3, minPoints: 30 }),
      `${C11}.mandatory[1].stars`,
      /3★ is already required/,
    ],
    [
      'a minimum above the criterion maximum',
      (d) => (goodsCriterion(d, 0).mandatory[0].minPoints = 31),
      `${C11}.mandatory[0].minPoints`,
      /31\.00 exceeds the criterion's maxPoints/,
    ],
    [
      'a minimum no option reaches',
      (d) =>
        Object.assign(goodsCriterion(d, 0), {
          options: [{ code: 'a', labelVi: 'Một phần', points: 10 }],
          mandatory: [{ stars: 4, minPoints: 20 }],
        }),
      `${C11}.mandatory[0].minPoints`,
      /20\.00 is not reached by any option/,
    ],
    [
      'a mandatory bonus criterion',
      (d) => (goodsCriterion(d, 2).mandatory = [{ stars: 3, minPoints: 5 }]),
      'trees[GOODS].parts[A].groups[A1].criteria[A1.3].mandatory',
      /bonus criterion cannot be mandatory/,
    ],
    ['a product set left unmapped', (d) => delete d.productSets['05'], 'productSets[05]', /product set 05 .* is not mapped/],
    ['an unknown product set', (d) => (d.productSets['27'] = 'GOODS'), 'productSets[27]', /not a product set code/],
    ['a product set mapped to a missing tree', (d) => (d.productSets['26'] = 'SERVICES'), 'productSets[26]', /names tree "SERVICES"/],
    [
      'a FINAL catalogue with criteria still to complete',
      (d) => (d.status = 'FINAL'),
      `${C11}.toComplete`,
      /FINAL catalogue cannot contain/,
    ],
  ];

  it.each(cases)('%s', (_name, mutate, path, message) => {
    const issues = issuesOf(mutated(mutate));
    expect(issues.length).toBeGreaterThan(0);
    expect(issues).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it.each([[['not', 'an', 'object']], [null], ['{}'], [42]])('the document %p is not an object', (doc) => {
    expect(issuesOf(doc)).toEqual([{ path: '(document)', message: expect.stringMatching(/^must be an object/) }]);
  });

  it('refuses a FINAL catalogue once per criterion still to complete', () => {
    expect(issuesOf(mutated((d) => (d.status = 'FINAL'))).map((issue) => issue.path)).toEqual([
      `${C11}.toComplete`,
      'trees[TOURISM].parts[A].groups[A1].criteria[A1.1].toComplete',
    ]);
  });

  it('names a node without a usable code by its index', () => {
    const issues = issuesOf(mutated((d) => (d.trees[0].parts[1].groups[0].criteria[0] = 'B1.1')));
    expect(issues).toContainEqual({
      path: 'trees[GOODS].parts[B].groups[B1].criteria[0]',
      message: expect.stringMatching(/must be an object/),
    });
  });
});

describe('parseCatalogue: all issues are collected', () => {
  it('reports exactly 3 issues for a document with 3 unrelated faults', () => {
    const doc = mutated((d) => {
      goodsCriterion(d, 1).labelVi = '';
      goodsCriterion(d, 0).options[2].code = 'b';
      delete d.productSets['13'];
    });
    expect(issuesOf(doc)).toEqual([
      { path: `${C11}.options[b]`, message: 'duplicate code "b" among the options of this criterion' },
      { path: `${C12}.labelVi`, message: 'must be a non-empty text, got ""' },
      { path: 'productSets[13]', message: 'product set 13 (Cà phê, ca cao) is not mapped to a tree' },
    ]);
  });

  it('throws one CatalogueInvalidError: code CATALOGUE_INVALID, field the first path, message the first 5 issues', () => {
    const doc = mutated((d) => {
      for (const code of ['01', '02', '03', '04', '05', '06', '07']) delete d.productSets[code];
    });
    let thrown: unknown;
    try {
      parseCatalogue(doc);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CatalogueInvalidError);
    expect(thrown).toBeInstanceOf(DomainRuleError);
    const error = thrown as CatalogueInvalidError;
    expect(error.code).toBe('CATALOGUE_INVALID');
    expect(error.field).toBe('productSets[01]');
    expect(error.issues).toHaveLength(7);
    expect(error.message).toBe(
      `Criteria catalogue is invalid: 7 issue(s): ${error.issues
        .slice(0, 5)
        .map((issue) => `${issue.path}: ${issue.message}`)
        .join('; ')}`,
    );
    expect(error.message).toContain('productSets[05]');
    expect(error.message).not.toContain('productSets[06]');
  });

  it('does not cascade: a refused maximum is not reported again by the sums above it', () => {
    const issues = issuesOf(mutated((d) => (goodsCriterion(d, 1).maxPoints = 'thirty')));
    expect(issues.map((issue) => issue.path)).toEqual([`${C12}.maxPoints`]);
  });
});

describe('catalogueToDocument', () => {
  it('round-trips the small catalogue and writes points as JSON numbers', () => {
    const catalogue = parseCatalogue(smallDoc());
    const doc = catalogueToDocument(catalogue);
    expect(parseCatalogue(doc)).toEqual(catalogue);
    expect(parseCatalogue(JSON.parse(JSON.stringify(doc)))).toEqual(catalogue);
    const a12 = doc.trees[0]?.parts[0]?.groups[0]?.criteria[1];
    expect(a12?.options.map((option) => option.points)).toEqual([2.5, 30]);
    expect(a12).not.toHaveProperty('bonus');
    expect(doc.partTotals).toEqual({ A: 60, B: 40 });
  });

  it('round-trips any amount in hundredths through the file format (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 100 }), (h, percent) => {
        const lower = Math.floor((h * percent) / 100);
        const catalogue: CriteriaCatalogue = {
          code: 'P',
          titleVi: 'Thử',
          legalVersions: ['148'],
          status: 'FINAL',
          partTotals: { A: 10000 },
          trees: [
            {
              code: 'T',
              labelVi: 'Cây',
              parts: [
                {
                  code: 'A',
                  labelVi: 'Phần A',
                  maxPoints: 10000,
                  groups: [
                    {
                      code: 'A1',
                      labelVi: 'Nhóm',
                      maxPoints: 10000,
                      criteria: [
                        {
                          code: 'X',
                          labelVi: 'X',
                          maxPoints: h,
                          options: [
                            { code: 'a', labelVi: 'a', points: lower },
                            { code: 'b', labelVi: 'b', points: h },
                          ],
                          communeScored: false,
                          bonus: false,
                          mandatory: [{ stars: 4, minPoints: lower }],
                          toComplete: false,
                        },
                        {
                          code: 'Y',
                          labelVi: 'Y',
                          maxPoints: 10000 - h,
                          options: [{ code: 'a', labelVi: 'a', points: 10000 - h }],
                          communeScored: true,
                          bonus: false,
                          mandatory: [],
                          toComplete: false,
                        },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
          productSets: allSets('T', 'T'),
        };
        expect(parseCatalogue(JSON.parse(JSON.stringify(catalogueToDocument(catalogue))))).toEqual(catalogue);
      }),
    );
  });

  it('round-trips both shipped catalogues', () => {
    for (const file of ['148.json', '1048.json']) {
      const catalogue = parseCatalogue(readData(file));
      expect(parseCatalogue(JSON.parse(JSON.stringify(catalogueToDocument(catalogue))))).toEqual(catalogue);
    }
  });
});

describe('shipped catalogue data/criteria/148.json', () => {
  const catalogue = parseCatalogue(readData('148.json'));
  const labels = (codes: string[], treeCode: string) => {
    const criteria = criteriaOf(treeOf(catalogue, treeCode));
    return codes.map((code) => criteria.find((criterion) => criterion.code === code)?.labelVi);
  };

  it('is the provisional 148 catalogue for 148 and 148+1489, parts 40 / 25 / 35', () => {
    expect(catalogue.code).toBe('148');
    expect(catalogue.titleVi).toBe('Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP (Quyết định 148/QĐ-TTg)');
    expect(catalogue.legalVersions).toEqual(['148', '148+1489']);
    expect(catalogue.status).toBe('PROVISIONAL');
    expect(catalogue.partTotals).toEqual({ A: 4000, B: 2500, C: 3500 });
    expect(catalogue.trees.map((tree) => tree.code)).toEqual(['GOODS', 'TOURISM']);
  });

  it('scores sets 01–25 with GOODS and set 26 with TOURISM', () => {
    for (const set of PRODUCT_SETS) expect(treeForProductSet(catalogue, set.code).code).toBe(set.code === '26' ? 'TOURISM' : 'GOODS');
  });

  it.each(['GOODS', 'TOURISM'])('%s has the parts and groups of 148', (treeCode) => {
    const tree = treeForProductSet(catalogue, treeCode === 'GOODS' ? '01' : '26');
    expect(tree.parts.map((part) => [part.code, part.labelVi.length > 0, part.groups.length])).toEqual([
      ['A', true, 3],
      ['B', true, 2],
      ['C', true, 3],
    ]);
    if (treeCode === 'GOODS') {
      expect(tree.parts.map((part) => part.labelVi)).toEqual([
        'Sản phẩm và sức mạnh cộng đồng',
        'Khả năng tiếp thị',
        'Chất lượng sản phẩm',
      ]);
      expect(tree.parts.flatMap((part) => part.groups.map((group) => group.labelVi))).toEqual([
        'Tổ chức sản xuất',
        'Phát triển sản phẩm',
        'Sức mạnh cộng đồng',
        'Tiếp thị',
        'Câu chuyện về sản phẩm',
        'Chỉ tiêu cảm quan, dinh dưỡng, tính độc đáo',
        'Tiêu chuẩn sản phẩm',
        'Khả năng xuất khẩu, phân phối tại thị trường quốc tế',
      ]);
    }
  });

  it.each(['GOODS', 'TOURISM'])('%s has exactly the four commune-scored criteria, three in A and one in B2', (treeCode) => {
    const communeScored = criteriaOf(treeOf(catalogue, treeCode)).filter((criterion) => criterion.communeScored);
    expect(communeScored.map((criterion) => criterion.code)).toEqual(['A1.1', 'A1.2', 'A2.1', 'B2.2']);
    expect(labels(['A1.2', 'A2.1', 'B2.2'], treeCode)).toEqual([
      'Sử dụng lao động địa phương',
      'Nguồn gốc ý tưởng sản phẩm',
      'Bản sắc/trí tuệ địa phương',
    ]);
    expect(communeScored[0]?.labelVi).toMatch(/^Nguồn gốc sản phẩm/);
  });

  it.each(['GOODS', 'TOURISM'])('%s has one bonus criterion, for women or ethnic-minority producers, in community strength', (treeCode) => {
    const bonus = criteriaOf(treeOf(catalogue, treeCode)).filter((criterion) => criterion.bonus);
    expect(bonus.map((criterion) => [criterion.code, criterion.labelVi, criterion.maxPoints, criterion.mandatory])).toEqual([
      ['A3.6', 'Chủ thể là nữ hoặc người dân tộc thiểu số', 100, []],
    ]);
  });

  it('has the provisional mandatory requirements: quality declaration and food-safety tests for 3★, export for 5★; tourism safety for 3★', () => {
    const mandatory = (treeCode: string) =>
      criteriaOf(treeOf(catalogue, treeCode))
        .filter((criterion) => criterion.mandatory.length > 0)
        .map((criterion) => [criterion.code, criterion.mandatory.map((requirement) => requirement.stars)]);
    expect(mandatory('GOODS')).toEqual([
      ['C2.1', [3]],
      ['C2.2', [3]],
      ['C3.1', [5]],
    ]);
    expect(labels(['C2.1', 'C2.2', 'C3.1'], 'GOODS')).toEqual([
      'Công bố tiêu chuẩn, chất lượng sản phẩm',
      'Kiểm tra định kỳ các chỉ tiêu an toàn thực phẩm',
      'Khả năng xuất khẩu, phân phối tại thị trường quốc tế',
    ]);
    expect(mandatory('TOURISM')).toEqual([['C2.1', [3]]]);
    expect(labels(['C2.1'], 'TOURISM')[0]).toMatch(/^An toàn cho du khách/);
  });

  it('marks every criterion to complete, with a note naming Phụ lục III, 1–5 points and 2–4 options each', () => {
    const criteria = catalogue.trees.flatMap((tree) => criteriaOf(tree));
    expect(catalogueCompletion(catalogue)).toHaveLength(criteria.length);
    for (const criterion of criteria) {
      expect(criterion.toComplete).toBe(true);
      expect(criterion.noteVi).toMatch(/Phụ lục III Quyết định 148\/QĐ-TTg/);
      expect(criterion.maxPoints).toBeGreaterThanOrEqual(100);
      expect(criterion.maxPoints).toBeLessThanOrEqual(500);
      expect(criterion.options.length).toBeGreaterThanOrEqual(2);
      expect(criterion.options.length).toBeLessThanOrEqual(4);
      expect(criterion.code).toMatch(/^[ABC]\d\.\d+$/);
    }
  });
});

describe('shipped catalogue data/criteria/1048.json', () => {
  const catalogue = parseCatalogue(readData('1048.json'));

  it('is the provisional 1048 catalogue, parts 35 / 25 / 40, no commune-scored criteria', () => {
    expect(catalogue.code).toBe('1048');
    expect(catalogue.legalVersions).toEqual(['1048']);
    expect(catalogue.status).toBe('PROVISIONAL');
    expect(catalogue.partTotals).toEqual({ A: 3500, B: 2500, C: 4000 });
    expect(catalogue.trees.map((tree) => tree.code)).toEqual(['GOODS', 'TOURISM']);
    expect(treeForProductSet(catalogue, '26').code).toBe('TOURISM');
    expect(catalogue.trees.flatMap((tree) => criteriaOf(tree)).filter((criterion) => criterion.communeScored || criterion.bonus)).toEqual(
      [],
    );
  });

  it('keeps the group and criterion maxima of the 1048 "Rau, củ, quả, hạt tươi" sheet (domain-research.md §1.6)', () => {
    const goods = treeForProductSet(catalogue, '01');
    expect(goods.parts.flatMap((part) => part.groups.map((group) => [group.labelVi, group.maxPoints / 100]))).toEqual([
      ['Tổ chức sản xuất', 18],
      ['Phát triển sản phẩm', 8],
      ['Sức mạnh cộng đồng', 9],
      ['Tiếp thị', 15],
      ['Câu chuyện về sản phẩm', 10],
      ['Chỉ tiêu cảm quan', 18],
      ['Chỉ tiêu dinh dưỡng', 2],
      ['Tính độc đáo', 5],
      ['Tiêu chuẩn sản phẩm', 10],
      ['Cơ hội thị trường toàn cầu', 5],
    ]);
    expect(criteriaOf(goods).map((criterion) => criterion.maxPoints / 100)).toEqual([
      3, 3, 4, 2, 5, 1, 3, 3, 2, 3, 2, 1, 1, 2, 5, 5, 5, 5, 3, 2, 2, 8, 3, 3, 2, 2, 5, 2, 3, 5, 5,
    ]);
  });
});

describe('shipped catalogues: text', () => {
  it('writes every Vietnamese text in composed Unicode (NFC) without stray whitespace', () => {
    for (const file of ['148.json', '1048.json']) {
      const texts: string[] = [];
      const walk = (value: unknown): void => {
        if (typeof value === 'string') texts.push(value);
        else if (Array.isArray(value)) value.forEach(walk);
        else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
      };
      walk(readData(file));
      for (const text of texts) {
        expect(text).toBe(text.normalize('NFC'));
        expect(text).toBe(text.trim());
        expect(text).not.toMatch(/\s{2}/);
      }
    }
  });
});
