import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO } from '@ocop/contracts';
import { UnitLevel, formalUnitName, normalizeUnitName, parseUnitName } from '@ocop/domain';

/**
 * Demo data (development only): Thanh Hóa (province code 38) with the 27 districts of the province's
 * 2024 OCOP plan (data/thanh-hoa-2024-district-targets.csv) under their GSO district codes, and three
 * communes each. District codes are the official ones; the commune names and codes are illustrative
 * (5-digit codes in the province's range), not the official commune list.
 */
export const DEMO_PROVINCE = { code: DEMO.provinceCode, name: 'Tỉnh Thanh Hóa' };

/** GSO codes of Thanh Hóa's districts (Decision 124/2004/QĐ-TTg list), keyed by the CSV's names. */
const DISTRICT_CODES: Record<string, string> = {
  'TP. Thanh Hóa': '380',
  'Thị xã Bỉm Sơn': '381',
  'TP. Sầm Sơn': '382',
  'Mường Lát': '384',
  'Quan Hóa': '385',
  'Bá Thước': '386',
  'Quan Sơn': '387',
  'Lang Chánh': '388',
  'Ngọc Lặc': '389',
  'Cẩm Thủy': '390',
  'Thạch Thành': '391',
  'Hà Trung': '392',
  'Vĩnh Lộc': '393',
  'Yên Định': '394',
  'Thọ Xuân': '395',
  'Thường Xuân': '396',
  'Triệu Sơn': '397',
  'Thiệu Hóa': '398',
  'Hoằng Hóa': '399',
  'Hậu Lộc': '400',
  'Nga Sơn': '401',
  'Như Xuân': '402',
  'Như Thanh': '403',
  'Nông Cống': '404',
  'Đông Sơn': '405',
  'Quảng Xương': '406',
  'TX. Nghi Sơn': '407',
};

export interface DemoDistrict {
  code: string;
  name: string;
  target3: number;
  target4: number;
  target5: number;
  communes: { code: string; name: string }[];
}

export function loadDemoDistricts(root: string): DemoDistrict[] {
  const lines = readFileSync(join(root, 'data', 'thanh-hoa-2024-district-targets.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  return lines.map((line, i) => {
    const [, csvName, t3, t4, t5] = line.split(',');
    const code = DISTRICT_CODES[normalizeUnitName(csvName)];
    if (!code) throw new Error(`no district code for ${csvName}`);
    const base = 14800 + i * 20;
    // Stored as the formal name ("Huyện Thọ Xuân", "Thành phố Thanh Hóa"), in the one diacritic convention.
    const unit = parseUnitName(UnitLevel.DISTRICT, csvName);
    return {
      code,
      name: formalUnitName(unit),
      target3: Number(t3),
      target4: Number(t4),
      target5: Number(t5),
      communes: [1, 2, 3].map((n) => ({ code: String(base + n), name: `Xã ${n === 1 ? 'Đông' : n === 2 ? 'Tây' : 'Nam'} ${unit.name}` })),
    };
  });
}

/** Fixed ids so the gateway's demo users can point at them. */
export const DEMO_PRODUCER_ID = DEMO.producerId;
export const DEMO_PRODUCT_ID = DEMO.productId;
