import { DomainRuleError } from './domain-rule.error';

export enum UnitLevel {
  PROVINCE = 'PROVINCE',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
}

// Decision 124/2004/QĐ-TTg: province codes have 2 digits, district codes 3, commune codes 5,
// numbered from 1 (so an all-zero code is not a unit). Districts exist only on records from
// before 1489/QĐ-TTg (July 2025).
const UNIT_CODE_DIGITS: Readonly<Record<UnitLevel, number>> = {
  [UnitLevel.PROVINCE]: 2,
  [UnitLevel.DISTRICT]: 3,
  [UnitLevel.COMMUNE]: 5,
};

export function isValidUnitCode(level: UnitLevel, code: string): boolean {
  const digits = UNIT_CODE_DIGITS[level];
  return digits !== undefined && typeof code === 'string' && code.length === digits && /^\d+$/.test(code) && /[1-9]/.test(code);
}

export function assertUnitCode(level: UnitLevel, code: string, field: string): void {
  if (!isValidUnitCode(level, code)) {
    const digits = UNIT_CODE_DIGITS[level];
    throw new DomainRuleError(
      'UNIT_CODE_INVALID',
      `A ${String(level).toLowerCase()} code must be ${digits ?? '?'} digits and not all zeros, got "${String(code)}"`,
      field,
    );
  }
}
