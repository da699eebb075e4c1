import { PRODUCT_GROUPS, PRODUCT_SETS, findProductSet, isProductSetCode } from './product-catalogue';

describe('product catalogue', () => {
  it('has the 6 groups in order', () => {
    expect(PRODUCT_GROUPS.map((group) => group.code)).toEqual(['FOOD', 'BEVERAGES', 'HERBAL', 'HANDICRAFTS', 'ORNAMENTAL', 'TOURISM']);
    expect(PRODUCT_GROUPS.find((group) => group.code === 'HERBAL')?.nameVi).toBe('Dược liệu và sản phẩm từ dược liệu');
  });

  it('has 26 sets coded 01..26 in order, each in a known group', () => {
    expect(PRODUCT_SETS.map((set) => set.code)).toEqual(Array.from({ length: 26 }, (_, i) => String(i + 1).padStart(2, '0')));
    const groups = new Set(PRODUCT_GROUPS.map((group) => group.code));
    for (const set of PRODUCT_SETS) expect(groups.has(set.group)).toBe(true);
  });

  it('counts sets per group as in the annex: 13 / 4 / 3 / 2 / 3 / 1, in 17 sub-groups', () => {
    const count = (code: string) => PRODUCT_SETS.filter((set) => set.group === code).length;
    expect(PRODUCT_GROUPS.map((group) => count(group.code))).toEqual([13, 4, 3, 2, 3, 1]);
    expect(new Set(PRODUCT_SETS.map((set) => `${set.group}/${set.subGroupVi}`)).size).toBe(17);
  });

  it('requires samples for every set except 26 (tourism)', () => {
    expect(PRODUCT_SETS.filter((set) => !set.requiresSamples).map((set) => set.code)).toEqual(['26']);
  });

  it('keeps Vietnamese names with their diacritics, in NFC', () => {
    expect(findProductSet('01')?.nameVi).toBe('Rau, củ, quả, hạt tươi');
    expect(findProductSet('09')?.nameVi).toBe('Tương, nước mắm, gia vị dạng lỏng khác');
    expect(findProductSet('14')?.nameVi).toBe('Rượu trắng');
    expect(findProductSet('25')?.nameVi).toBe('Động vật cảnh');
    for (const text of [...PRODUCT_SETS.flatMap((s) => [s.nameVi, s.subGroupVi]), ...PRODUCT_GROUPS.map((g) => g.nameVi)]) {
      expect(text.normalize('NFC')).toBe(text);
    }
  });

  it('finds sets by their two-digit code only', () => {
    expect(findProductSet('26')?.group).toBe('TOURISM');
    expect(isProductSetCode('13')).toBe(true);
    for (const code of ['1', '00', '27', '', '013']) {
      expect(isProductSetCode(code)).toBe(false);
      expect(findProductSet(code)).toBeUndefined();
    }
  });
});
