import { REVOCATION_REASON_CODE_LIST } from '@ocop/contracts';
import { REVOCATION_REASON_CODES } from '@ocop/domain';
import { isoDay, verificationCode } from './certificate-numbering.policy';

describe('certificate numbering helpers', () => {
  it("prints a stored date-only value as YYYY-MM-DD (the Vietnam calendar itself is @ocop/domain's)", () => {
    expect(isoDay(new Date('2032-01-01T00:00:00Z'))).toBe('2032-01-01');
  });

  it('makes 10-character verification codes from Crockford base32 (no I, L, O, U)', () => {
    const code = verificationCode(Buffer.from([0, 1, 8, 18, 21, 24, 27, 31, 32, 255]));
    expect(code).toBe('018JNRVZ0Z');
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
  });

  it('the API accepts exactly the revocation reasons the domain words', () => {
    expect([...REVOCATION_REASON_CODE_LIST].sort()).toEqual([...REVOCATION_REASON_CODES].sort());
  });
});
