import { DomainRuleError } from './domain-rule.error';
import { UnitLevel } from './administrative-unit';
import { DISTRICT_AUTHORITIES_CEASED_ON } from './legal-version';
import { vietnamDay } from './vietnam-calendar';

// How an issuing authority is named on its decisions and certificates, from the unit's type and the
// decision's date (DOMAIN.md "Authorities by date"). Formal headings spell the unit type out:
// "ỦY BAN NHÂN DÂN HUYỆN THỌ XUÂN", never "… THỌ XUÂN" or "… TP. THANH HÓA".

/** The type of a province- or district-level unit, which its formal name spells out. */
export enum UnitType {
  PROVINCE = 'PROVINCE', // tỉnh
  CITY = 'CITY', // thành phố (thuộc tỉnh)
  TOWN = 'TOWN', // thị xã
  RURAL_DISTRICT = 'RURAL_DISTRICT', // huyện
}

export const UNIT_TYPE_VI: Readonly<Record<UnitType, string>> = {
  [UnitType.PROVINCE]: 'Tỉnh',
  [UnitType.CITY]: 'Thành phố',
  [UnitType.TOWN]: 'Thị xã',
  [UnitType.RURAL_DISTRICT]: 'Huyện',
};

/** The Ministry of Agriculture and Rural Development merged with Natural Resources and Environment on this day. */
export const MINISTRY_MERGED_ON = '2025-03-01';

export interface MinistryName {
  /** Formal name in upper case, as the heading prints it. */
  issuerVi: string;
  /** Symbol of its decisions. */
  decisionSymbol: string;
}

const MINISTRY_BEFORE_MERGER: MinistryName = { issuerVi: 'BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN', decisionSymbol: 'QĐ-BNN' };
const MINISTRY_AFTER_MERGER: MinistryName = { issuerVi: 'BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG', decisionSymbol: 'QĐ-BNNMT' };

/** The ministry that certifies 5★ on the Vietnam day of `decidedAt`. */
export function ministryAt(decidedAt: Date): MinistryName {
  return vietnamDay(decidedAt) < MINISTRY_MERGED_ON ? MINISTRY_BEFORE_MERGER : MINISTRY_AFTER_MERGER;
}

// Syllable-final "oa", "oe", "uy" carry the tone mark on their first vowel in the convention the
// platform uses everywhere ("Thanh Hóa", "Cẩm Thủy"), not on the second ("Thanh Hoá", "Cẩm Thuỷ").
const TONES = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
const GLIDE_PAIRS: Readonly<Record<string, string>> = { o: 'ae', O: 'AE', u: 'y', U: 'Y' };

/**
 * One diacritic convention for unit names: NFC, single spaces, and the tone of a syllable-final
 * "oa/oe/uy" on its first vowel ("Thanh Hoá" → "Thanh Hóa", "Thuỷ" → "Thủy"). "Hoàng", "Quảng",
 * "Thuận" are left as they are (the diphthong is not at the end of the syllable).
 */
export function normalizeUnitName(name: string): string {
  if (typeof name !== 'string') throw new DomainRuleError('UNIT_NAME_INVALID', 'A unit name is a string', 'name');
  const decomposed = name.normalize('NFD').trim().replace(/\s+/gu, ' ');
  const chars = [...decomposed];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    const second = GLIDE_PAIRS[c] !== undefined ? chars[i + 1] : undefined;
    const tone = chars[i + 2];
    const after = chars[i + 3];
    // Only a bare first vowel (no mark of its own, e.g. not "ô") followed by second vowel + tone, at the syllable's end.
    const bareFirst = c === 'o' || c === 'O' || c === 'u' || c === 'U';
    const previous = chars[i - 1];
    const qu = (c === 'u' || c === 'U') && (previous === 'q' || previous === 'Q');
    if (
      bareFirst &&
      !qu &&
      second !== undefined &&
      (GLIDE_PAIRS[c] as string).includes(second) &&
      tone !== undefined &&
      TONES.includes(tone) &&
      (after === undefined || !/\p{L}|\p{M}/u.test(after))
    ) {
      out.push(c, tone, second);
      i += 2;
      continue;
    }
    out.push(c);
  }
  return out.join('').normalize('NFC');
}

export interface NamedUnit {
  type: UnitType;
  /** The proper name without the type: "Thọ Xuân", "Thanh Hóa". */
  name: string;
}

const PREFIXES: readonly [RegExp, UnitType][] = [
  [/^tỉnh\s+/iu, UnitType.PROVINCE],
  [/^(thành phố|tp\.?)\s*/iu, UnitType.CITY],
  [/^(thị xã|tx\.?)\s*/iu, UnitType.TOWN],
  [/^(huyện|h\.)\s*/iu, UnitType.RURAL_DISTRICT],
];

/**
 * A unit's type and proper name from its stored name ("TP. Thanh Hoá", "Thị xã Bỉm Sơn", "Thọ Xuân",
 * "Tỉnh Thanh Hóa"). A district-level name without a type word is a huyện; a province without one is a tỉnh.
 */
export function parseUnitName(level: UnitLevel, stored: string): NamedUnit {
  const name = normalizeUnitName(stored);
  if (level === UnitLevel.COMMUNE)
    throw new DomainRuleError('UNIT_LEVEL_NOT_NAMED', 'Only province and district units issue OCOP decisions', 'level');
  for (const [prefix, type] of PREFIXES) {
    const match = prefix.exec(name);
    if (match && name.length > match[0].length) {
      if (level === UnitLevel.PROVINCE && type !== UnitType.PROVINCE && type !== UnitType.CITY) break;
      if (level === UnitLevel.DISTRICT && type === UnitType.PROVINCE) break;
      return { type, name: name.slice(match[0].length) };
    }
  }
  return { type: level === UnitLevel.PROVINCE ? UnitType.PROVINCE : UnitType.RURAL_DISTRICT, name };
}

/** "Huyện Thọ Xuân", "Thành phố Thanh Hóa": the formal name in sentence case. */
export function formalUnitName(unit: NamedUnit): string {
  return `${UNIT_TYPE_VI[unit.type]} ${normalizeUnitName(unit.name)}`;
}

export interface PeoplesCommitteeName {
  /** "ỦY BAN NHÂN DÂN HUYỆN THỌ XUÂN". */
  issuerVi: string;
  /** Place of the date line: the proper name, "Thọ Xuân". */
  placeVi: string;
  decisionSymbol: string;
}

/**
 * The formal name of a unit's People's Committee on its decision's date. A district-level committee
 * (huyện, thị xã, thành phố thuộc tỉnh) issues nothing from 01/07/2025: DISTRICT_AUTHORITY_CEASED.
 */
export function peoplesCommitteeAt(level: UnitLevel, unit: NamedUnit, decidedAt: Date): PeoplesCommitteeName {
  if (level === UnitLevel.DISTRICT && vietnamDay(decidedAt) >= DISTRICT_AUTHORITIES_CEASED_ON) {
    throw new DomainRuleError(
      'DISTRICT_AUTHORITY_CEASED',
      `District People's Committees ceased on ${DISTRICT_AUTHORITIES_CEASED_ON}; ${formalUnitName(unit)} issues no decision on ${vietnamDay(decidedAt)}`,
      'decidedAt',
    );
  }
  return {
    issuerVi: `ỦY BAN NHÂN DÂN ${formalUnitName(unit).toLocaleUpperCase('vi-VN')}`,
    placeVi: normalizeUnitName(unit.name),
    decisionSymbol: 'QĐ-UBND',
  };
}
