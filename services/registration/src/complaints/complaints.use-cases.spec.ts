import { COMPLAINT_RECEIPT } from '@ocop/contracts';
import { complaintFingerprint, newReceiptCode } from './complaints.use-cases';

describe('a public complaint', () => {
  it('has a receipt code of Crockford base32 that the contract accepts, a new one each time', () => {
    const codes = Array.from({ length: 200 }, newReceiptCode);
    for (const c of codes) expect(c).toMatch(COMPLAINT_RECEIPT);
    expect(new Set(codes).size).toBe(200);
    expect(codes.join('')).not.toMatch(/[ILOU]/);
  });

  it('is the same complaint whatever its case, spacing, punctuation or Unicode composition', () => {
    const a = complaintFingerprint('K7Q2M9X4TA', 'Bao bì không có mã QR, hạn sử dụng bị tẩy xóa.');
    expect(complaintFingerprint('K7Q2M9X4TA', '  BAO BÌ không có  mã QR hạn sử dụng bị tẩy xóa!! ')).toBe(a);
    expect(complaintFingerprint('K7Q2M9X4TA', 'Bao bì không có mã QR, hạn sử dụng bị tẩy xóa.'.normalize('NFD'))).toBe(a);
    expect(complaintFingerprint('K7Q2M9X4TB', 'Bao bì không có mã QR, hạn sử dụng bị tẩy xóa.')).not.toBe(a);
    expect(complaintFingerprint('K7Q2M9X4TA', 'Bao bì không có mã QR, hạn sử dụng bị tẩy.')).not.toBe(a);
  });
});
