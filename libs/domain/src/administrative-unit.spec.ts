import fc from 'fast-check';
import { DomainRuleError } from './domain-rule.error';
import { UnitLevel, assertUnitCode, isValidUnitCode } from './administrative-unit';

describe('administrative unit codes', () => {
  it.each([
    [UnitLevel.PROVINCE, '01'],
    [UnitLevel.PROVINCE, '38'],
    [UnitLevel.PROVINCE, '96'],
    [UnitLevel.DISTRICT, '001'],
    [UnitLevel.DISTRICT, '380'],
    [UnitLevel.COMMUNE, '00004'],
    [UnitLevel.COMMUNE, '14869'],
  ])('accepts a %s code "%s"', (level, code) => {
    expect(isValidUnitCode(level, code)).toBe(true);
    expect(() => assertUnitCode(level, code, 'unitCode')).not.toThrow();
  });

  it.each([
    [UnitLevel.PROVINCE, '1'],
    [UnitLevel.PROVINCE, '001'],
    [UnitLevel.PROVINCE, '00'],
    [UnitLevel.PROVINCE, 'AB'],
    [UnitLevel.DISTRICT, '38'],
    [UnitLevel.DISTRICT, '000'],
    [UnitLevel.COMMUNE, '1486'],
    [UnitLevel.COMMUNE, '148690'],
    [UnitLevel.COMMUNE, '1486 '],
    [UnitLevel.COMMUNE, '00000'],
    [UnitLevel.COMMUNE, '１４８６９'],
  ])('rejects a %s code "%s"', (level, code) => {
    expect(isValidUnitCode(level, code)).toBe(false);
  });

  it('throws UNIT_CODE_INVALID naming the field', () => {
    expect(() => assertUnitCode(UnitLevel.COMMUNE, '123', 'communeCode')).toThrow(DomainRuleError);
    expect(() => assertUnitCode(UnitLevel.COMMUNE, '123', 'communeCode')).toThrow(
      expect.objectContaining({ code: 'UNIT_CODE_INVALID', field: 'communeCode' }),
    );
  });

  it('accepts exactly the non-zero digit strings of the level length (property)', () => {
    const lengths = { [UnitLevel.PROVINCE]: 2, [UnitLevel.DISTRICT]: 3, [UnitLevel.COMMUNE]: 5 };
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.values(UnitLevel)),
        fc.string({ unit: fc.constantFrom('0', '1', '9', 'A', '-'), maxLength: 7 }),
        (level, code) => {
          const expected = code.length === lengths[level] && /^\d+$/.test(code) && /[1-9]/.test(code);
          expect(isValidUnitCode(level, code)).toBe(expected);
        },
      ),
    );
  });
});
