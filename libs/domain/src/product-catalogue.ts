export type ProductGroupCode = 'FOOD' | 'BEVERAGES' | 'HERBAL' | 'HANDICRAFTS' | 'ORNAMENTAL' | 'TOURISM';

export interface ProductGroup {
  readonly code: ProductGroupCode;
  readonly nameVi: string;
  readonly nameEn: string;
}

export interface ProductSet {
  /** '01'..'26'. */
  readonly code: string;
  readonly nameVi: string;
  readonly group: ProductGroupCode;
  readonly subGroupVi: string;
  /** Samples go with the dossier, except for tourism services, whose site the council visits. */
  readonly requiresSamples: boolean;
}

// The 6 product groups of 148/QĐ-TTg.
export const PRODUCT_GROUPS: readonly ProductGroup[] = [
  { code: 'FOOD', nameVi: 'Thực phẩm', nameEn: 'Food' },
  { code: 'BEVERAGES', nameVi: 'Đồ uống', nameEn: 'Beverages' },
  { code: 'HERBAL', nameVi: 'Dược liệu và sản phẩm từ dược liệu', nameEn: 'Medicinal herbs and herbal products' },
  { code: 'HANDICRAFTS', nameVi: 'Hàng thủ công mỹ nghệ', nameEn: 'Handicrafts' },
  { code: 'ORNAMENTAL', nameVi: 'Sinh vật cảnh', nameEn: 'Ornamental living things' },
  {
    code: 'TOURISM',
    nameVi: 'Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch',
    nameEn: 'Community tourism, eco-tourism and tourist-attraction services',
  },
];

// The 26 product sets in 17 sub-groups (domain-research.md §1.3, to be checked against the
// official annex of 148/QĐ-TTg). Where a group has no named sub-group, each set is its own.
const set = (code: string, nameVi: string, group: ProductGroupCode, subGroupVi: string): ProductSet => ({
  code,
  nameVi,
  group,
  subGroupVi,
  requiresSamples: group !== 'TOURISM',
});

export const PRODUCT_SETS: readonly ProductSet[] = [
  set('01', 'Rau, củ, quả, hạt tươi', 'FOOD', 'Thực phẩm tươi sống'),
  set('02', 'Thịt, thủy sản, trứng, sữa tươi', 'FOOD', 'Thực phẩm tươi sống'),
  set('03', 'Gạo, ngũ cốc, hạt sơ chế khác', 'FOOD', 'Thực phẩm thô, sơ chế'),
  set('04', 'Mật ong, mật khác và nông sản thực phẩm khác', 'FOOD', 'Thực phẩm thô, sơ chế'),
  set('05', 'Đồ ăn nhanh', 'FOOD', 'Thực phẩm chế biến'),
  set('06', 'Chế biến từ gạo, ngũ cốc', 'FOOD', 'Thực phẩm chế biến'),
  set('07', 'Chế biến từ rau, củ, quả, hạt', 'FOOD', 'Thực phẩm chế biến'),
  set(
    '08',
    'Chế biến từ thịt, thủy sản, trứng, sữa, các sản phẩm từ mật ong, mật khác và nông sản thực phẩm khác',
    'FOOD',
    'Thực phẩm chế biến',
  ),
  set('09', 'Tương, nước mắm, gia vị dạng lỏng khác', 'FOOD', 'Gia vị'),
  set('10', 'Gia vị khác (muối, hành, tỏi, tiêu)', 'FOOD', 'Gia vị'),
  set('11', 'Chè tươi, chè chế biến', 'FOOD', 'Chè'),
  set('12', 'Sản phẩm trà từ thực vật khác', 'FOOD', 'Chè'),
  set('13', 'Cà phê, ca cao', 'FOOD', 'Cà phê, ca cao'),
  set('14', 'Rượu trắng', 'BEVERAGES', 'Đồ uống có cồn'),
  set('15', 'Đồ uống có cồn khác', 'BEVERAGES', 'Đồ uống có cồn'),
  set('16', 'Nước khoáng thiên nhiên, nước uống đóng chai', 'BEVERAGES', 'Đồ uống không cồn'),
  set('17', 'Đồ uống không cồn khác', 'BEVERAGES', 'Đồ uống không cồn'),
  set('18', 'Thực phẩm chức năng, thuốc dược liệu, thuốc cổ truyền', 'HERBAL', 'Thực phẩm chức năng, thuốc dược liệu, thuốc cổ truyền'),
  set('19', 'Mỹ phẩm có thành phần từ dược liệu', 'HERBAL', 'Mỹ phẩm có thành phần từ dược liệu'),
  set('20', 'Tinh dầu và dược liệu khác', 'HERBAL', 'Tinh dầu và dược liệu khác'),
  set('21', 'Thủ công mỹ nghệ gia dụng, trang trí', 'HANDICRAFTS', 'Thủ công mỹ nghệ gia dụng, trang trí'),
  set('22', 'Vải, may mặc', 'HANDICRAFTS', 'Vải, may mặc'),
  set('23', 'Hoa', 'ORNAMENTAL', 'Hoa'),
  set('24', 'Cây cảnh', 'ORNAMENTAL', 'Cây cảnh'),
  set('25', 'Động vật cảnh', 'ORNAMENTAL', 'Động vật cảnh'),
  set(
    '26',
    'Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch',
    'TOURISM',
    'Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch',
  ),
];

export function findProductSet(code: string): ProductSet | undefined {
  return PRODUCT_SETS.find((productSet) => productSet.code === code);
}

export function isProductSetCode(code: string): boolean {
  return findProductSet(code) !== undefined;
}
