import { CertificateStatus as S, dueExpiryNotices, isRevocable, liveCertificateStatus } from './certificate';

const validTo = new Date('2029-06-01T00:00:00Z');
const daysBefore = (d: number, ms = 0): Date => new Date(validTo.getTime() - d * 86_400_000 + ms);

describe('liveCertificateStatus', () => {
  it('is the stored status well before the end', () => {
    expect(liveCertificateStatus(S.ACTIVE, validTo, daysBefore(91))).toBe(S.ACTIVE);
  });
  it('turns EXPIRING at exactly 90 days before the end, and EXPIRED at the end instant', () => {
    expect(liveCertificateStatus(S.ACTIVE, validTo, daysBefore(90, -1))).toBe(S.ACTIVE);
    expect(liveCertificateStatus(S.ACTIVE, validTo, daysBefore(90))).toBe(S.EXPIRING);
    expect(liveCertificateStatus(S.EXPIRING, validTo, daysBefore(0, -1))).toBe(S.EXPIRING);
    expect(liveCertificateStatus(S.EXPIRING, validTo, validTo)).toBe(S.EXPIRED);
  });
  it('never changes a final state with time', () => {
    for (const s of [S.REVOKED, S.SUPERSEDED, S.EXPIRED]) expect(liveCertificateStatus(s, validTo, daysBefore(500))).toBe(s);
  });
});

describe('dueExpiryNotices', () => {
  it('lists the milestones reached and stops at the end', () => {
    expect(dueExpiryNotices(validTo, daysBefore(91))).toEqual([]);
    expect(dueExpiryNotices(validTo, daysBefore(90))).toEqual([90]);
    expect(dueExpiryNotices(validTo, daysBefore(45))).toEqual([90, 60]);
    expect(dueExpiryNotices(validTo, daysBefore(30))).toEqual([90, 60, 30]);
    expect(dueExpiryNotices(validTo, validTo)).toEqual([]);
  });
});

describe('isRevocable', () => {
  it('allows live and expired certificates, not superseded or revoked ones', () => {
    expect([S.ACTIVE, S.EXPIRING, S.EXPIRED, S.SUPERSEDED, S.REVOKED].map(isRevocable)).toEqual([true, true, true, false, false]);
  });
});
