import fc from 'fast-check';
import { DomainRuleError } from './domain-rule.error';
import { PRODUCER_TYPE_LABELS_VI, ProducerType, assertBusinessRegistrationNumber, isValidBusinessRegistrationNumber } from './producer';

const T = ProducerType;

describe('ProducerType', () => {
  it('has a Vietnamese label for every type', () => {
    expect(PRODUCER_TYPE_LABELS_VI[T.ENTERPRISE]).toBe('Doanh nghiệp');
    expect(PRODUCER_TYPE_LABELS_VI[T.COOPERATIVE]).toBe('Hợp tác xã');
    expect(PRODUCER_TYPE_LABELS_VI[T.COOPERATIVE_GROUP]).toBe('Tổ hợp tác');
    expect(Object.keys(PRODUCER_TYPE_LABELS_VI).sort()).toEqual(Object.values(T).sort());
    for (const label of Object.values(PRODUCER_TYPE_LABELS_VI)) expect(label.normalize('NFC')).toBe(label);
  });
});

describe('isValidBusinessRegistrationNumber', () => {
  it.each([
    [T.ENTERPRISE, '0101234567'],
    [T.ENTERPRISE, '2801234567-001'],
    [T.COOPERATIVE, '9900000001'],
    [T.HOUSEHOLD_BUSINESS, '38A8001234'],
    [T.HOUSEHOLD_BUSINESS, '123456'],
    [T.COOPERATIVE_GROUP, 'THT2023001'],
  ])('accepts %s "%s"', (type, value) => {
    expect(isValidBusinessRegistrationNumber(type, value)).toBe(true);
    expect(() => assertBusinessRegistrationNumber(type, value, 'registrationNumber')).not.toThrow();
  });

  it.each([
    [T.ENTERPRISE, '0001234567'],
    [T.ENTERPRISE, '010123456'],
    [T.ENTERPRISE, '01012345678'],
    [T.ENTERPRISE, '0101234567-01'],
    [T.ENTERPRISE, '0101234567001'],
    [T.COOPERATIVE, '38A8001234'],
    [T.HOUSEHOLD_BUSINESS, '38a8001234'],
    [T.HOUSEHOLD_BUSINESS, '12345'],
    [T.HOUSEHOLD_BUSINESS, '1234567890123456'],
    [T.COOPERATIVE_GROUP, 'THT-2023'],
    [T.COOPERATIVE_GROUP, ' THT2023001'],
  ])('rejects %s "%s"', (type, value) => {
    expect(isValidBusinessRegistrationNumber(type, value)).toBe(false);
  });

  it('accepts every 10-digit code with a 01..99 prefix and an optional 3-digit branch (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(T.ENTERPRISE, T.COOPERATIVE),
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 0, max: 99_999_999 }),
        fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined }),
        (type, province, rest, branch) => {
          const code =
            String(province).padStart(2, '0') +
            String(rest).padStart(8, '0') +
            (branch === undefined ? '' : `-${String(branch).padStart(3, '0')}`);
          expect(isValidBusinessRegistrationNumber(type, code)).toBe(true);
        },
      ),
    );
  });

  it('throws BUSINESS_REGISTRATION_INVALID naming the field', () => {
    expect(() => assertBusinessRegistrationNumber(T.ENTERPRISE, 'abc', 'taxCode')).toThrow(DomainRuleError);
    expect(() => assertBusinessRegistrationNumber(T.ENTERPRISE, 'abc', 'taxCode')).toThrow(
      expect.objectContaining({ code: 'BUSINESS_REGISTRATION_INVALID', field: 'taxCode' }),
    );
  });
});
