import { UnitLevel } from './administrative-unit';
import { UnitType, formalUnitName, ministryAt, normalizeUnitName, parseUnitName, peoplesCommitteeAt } from './authority-names';

const at = (iso: string): Date => new Date(iso);

describe('normalizeUnitName', () => {
  it('puts the tone of a syllable-final oa/oe/uy on its first vowel', () => {
    expect(normalizeUnitName('Thanh Hoá')).toBe('Thanh Hóa');
    expect(normalizeUnitName('Thiệu Hoá')).toBe('Thiệu Hóa');
    expect(normalizeUnitName('Cẩm Thuỷ')).toBe('Cẩm Thủy');
    expect(normalizeUnitName('Khoẻ')).toBe('Khỏe');
  });

  it('leaves the names already in that convention, and diphthongs inside a syllable, as they are', () => {
    for (const name of ['Thanh Hóa', 'Hoằng Hóa', 'Hoàng Mai', 'Quảng Xương', 'Thuận Thành', 'Quý Lộc', 'Hoặc', 'Xoăn']) {
      expect(normalizeUnitName(name)).toBe(name.normalize('NFC'));
    }
  });

  it('composes to NFC and collapses spaces', () => {
    expect(normalizeUnitName('  Thanh   Hoa\u0301 ')).toBe('Thanh Hóa');
  });
});

describe('parseUnitName and formalUnitName', () => {
  it.each([
    [UnitLevel.DISTRICT, 'Thọ Xuân', UnitType.RURAL_DISTRICT, 'Thọ Xuân', 'Huyện Thọ Xuân'],
    [UnitLevel.DISTRICT, 'Huyện Thọ Xuân', UnitType.RURAL_DISTRICT, 'Thọ Xuân', 'Huyện Thọ Xuân'],
    [UnitLevel.DISTRICT, 'TP. Thanh Hoá', UnitType.CITY, 'Thanh Hóa', 'Thành phố Thanh Hóa'],
    [UnitLevel.DISTRICT, 'Thành phố Sầm Sơn', UnitType.CITY, 'Sầm Sơn', 'Thành phố Sầm Sơn'],
    [UnitLevel.DISTRICT, 'Thị xã Bỉm Sơn', UnitType.TOWN, 'Bỉm Sơn', 'Thị xã Bỉm Sơn'],
    [UnitLevel.DISTRICT, 'TX. Nghi Sơn', UnitType.TOWN, 'Nghi Sơn', 'Thị xã Nghi Sơn'],
    [UnitLevel.PROVINCE, 'Tỉnh Thanh Hóa', UnitType.PROVINCE, 'Thanh Hóa', 'Tỉnh Thanh Hóa'],
    [UnitLevel.PROVINCE, 'Thanh Hoá', UnitType.PROVINCE, 'Thanh Hóa', 'Tỉnh Thanh Hóa'],
  ])('%s "%s" is a %s named "%s" ("%s")', (level, stored, type, name, formal) => {
    const unit = parseUnitName(level, stored);
    expect(unit).toEqual({ type, name });
    expect(formalUnitName(unit)).toBe(formal);
  });
});

describe('peoplesCommitteeAt', () => {
  it('spells the unit type out in the issuer name, in upper case', () => {
    const d = at('2024-05-10T03:00:00Z');
    expect(peoplesCommitteeAt(UnitLevel.DISTRICT, parseUnitName(UnitLevel.DISTRICT, 'Thọ Xuân'), d)).toEqual({
      issuerVi: 'ỦY BAN NHÂN DÂN HUYỆN THỌ XUÂN',
      placeVi: 'Thọ Xuân',
      decisionSymbol: 'QĐ-UBND',
    });
    expect(peoplesCommitteeAt(UnitLevel.DISTRICT, parseUnitName(UnitLevel.DISTRICT, 'TP. Thanh Hoá'), d).issuerVi).toBe(
      'ỦY BAN NHÂN DÂN THÀNH PHỐ THANH HÓA',
    );
    expect(peoplesCommitteeAt(UnitLevel.DISTRICT, parseUnitName(UnitLevel.DISTRICT, 'Thị xã Bỉm Sơn'), d).issuerVi).toBe(
      'ỦY BAN NHÂN DÂN THỊ XÃ BỈM SƠN',
    );
    expect(peoplesCommitteeAt(UnitLevel.PROVINCE, parseUnitName(UnitLevel.PROVINCE, 'Tỉnh Thanh Hóa'), d).issuerVi).toBe(
      'ỦY BAN NHÂN DÂN TỈNH THANH HÓA',
    );
  });

  it('refuses a district committee from 01/07/2025 (Vietnam day), not a province', () => {
    const thoXuan = parseUnitName(UnitLevel.DISTRICT, 'Thọ Xuân');
    expect(peoplesCommitteeAt(UnitLevel.DISTRICT, thoXuan, at('2025-06-30T16:59:59Z')).issuerVi).toBe('ỦY BAN NHÂN DÂN HUYỆN THỌ XUÂN');
    expect(() => peoplesCommitteeAt(UnitLevel.DISTRICT, thoXuan, at('2025-06-30T17:00:00Z'))).toThrow(
      expect.objectContaining({ code: 'DISTRICT_AUTHORITY_CEASED' }),
    );
    expect(
      peoplesCommitteeAt(UnitLevel.PROVINCE, parseUnitName(UnitLevel.PROVINCE, 'Thanh Hóa'), at('2026-01-01T00:00:00Z')).issuerVi,
    ).toBe('ỦY BAN NHÂN DÂN TỈNH THANH HÓA');
  });
});

describe('ministryAt', () => {
  it('is the Ministry of Agriculture and Rural Development before 01/03/2025 (Vietnam day), of Agriculture and Environment from it', () => {
    expect(ministryAt(at('2025-02-28T16:59:59Z')).issuerVi).toBe('BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN');
    expect(ministryAt(at('2025-02-28T17:00:00Z')).issuerVi).toBe('BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG');
  });
});
