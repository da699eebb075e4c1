import { DomainRuleError } from './domain-rule.error';

/** The kinds of OCOP producer [chủ thể OCOP] (148/QĐ-TTg). */
export enum ProducerType {
  ENTERPRISE = 'ENTERPRISE',
  COOPERATIVE = 'COOPERATIVE',
  COOPERATIVE_GROUP = 'COOPERATIVE_GROUP',
  HOUSEHOLD_BUSINESS = 'HOUSEHOLD_BUSINESS',
}

export const PRODUCER_TYPE_LABELS_VI: Readonly<Record<ProducerType, string>> = {
  [ProducerType.ENTERPRISE]: 'Doanh nghiệp',
  [ProducerType.COOPERATIVE]: 'Hợp tác xã',
  [ProducerType.COOPERATIVE_GROUP]: 'Tổ hợp tác',
  [ProducerType.HOUSEHOLD_BUSINESS]: 'Hộ sản xuất, kinh doanh có đăng ký kinh doanh',
};

// Enterprises and cooperatives are registered under their 10-digit enterprise/tax code, whose
// first two digits are a province code 01..99 (Decree 01/2021/NĐ-CP; Circular 105/2020/TT-BTC);
// a dependent unit adds "-" and 3 digits. The check digit is not verified: its algorithm is not
// confirmed for codes issued after 2021, and a false rejection blocks a producer.
const TAX_CODE = /^(?!00)\d{10}(?:-\d{3})?$/;

// Household businesses carry a district-issued number with letters (e.g. "38A8001234") and
// cooperative groups have no national code format, so both are only checked for shape:
// 6 to 15 uppercase letters or digits. Callers normalise (trim, upper-case) before checking.
const LOCAL_REGISTRATION = /^[A-Z0-9]{6,15}$/;

export function isValidBusinessRegistrationNumber(type: ProducerType, value: string): boolean {
  if (typeof value !== 'string') return false;
  switch (type) {
    case ProducerType.ENTERPRISE:
    case ProducerType.COOPERATIVE:
      return TAX_CODE.test(value);
    case ProducerType.HOUSEHOLD_BUSINESS:
    case ProducerType.COOPERATIVE_GROUP:
      return LOCAL_REGISTRATION.test(value);
    default:
      return false;
  }
}

export function assertBusinessRegistrationNumber(type: ProducerType, value: string, field: string): void {
  if (!isValidBusinessRegistrationNumber(type, value)) {
    const expected =
      type === ProducerType.ENTERPRISE || type === ProducerType.COOPERATIVE
        ? 'a 10-digit enterprise code not starting with 00, optionally followed by -NNN'
        : '6 to 15 uppercase letters or digits';
    throw new DomainRuleError(
      'BUSINESS_REGISTRATION_INVALID',
      `A ${String(type).toLowerCase().replace(/_/g, ' ')} registration number must be ${expected}, got "${String(value)}"`,
      field,
    );
  }
}
