import type { CertificateDocument, DecisionDocument, DecisionItem } from '../src';

// A provincial 4-star certificate and the decisions around it, with the strings the tests look
// for, and a generator of many items for the pagination check.

/** A verification link as long as a real one (400 characters): the token is an Ed25519 JWS. */
export const VERIFY_URL =
  'https://ocop.thanhhoa.gov.vn/xac-thuc/giay-chung-nhan?t=' +
  'eyJhbGciOiJFZERTQSIsImtpZCI6Im9jb3AtMjAyNiJ9.' +
  Buffer.from(JSON.stringify({ n: '38-2026-0001/GCN-OCOP', p: 'HS-2026-000123', s: 4, f: '2026-02-01', t: '2029-01-31', v: 'K7QF-2M9X' }))
    .toString('base64url')
    .padEnd(212, 'A') +
  '.' +
  'x'.repeat(86);

export function certificate(): CertificateDocument {
  return {
    number: '38-2026-0001/GCN-OCOP',
    authorityVi: 'UBND TỈNH THANH HÓA',
    issuerVi: 'ỦY BAN NHÂN DÂN TỈNH THANH HÓA',
    placeVi: 'Thanh Hóa',
    productName: 'Mật ong hoa nhãn Thọ Xuân',
    productSetCode: '01',
    producerName: 'Hợp tác xã Nông nghiệp Đông Sơn',
    stars: 4,
    tierVi: 'cấp tỉnh',
    decisionReference: '12/QĐ-UBND',
    // 00:30 on 1 February in Vietnam.
    decisionDate: '2026-01-31T17:30:00Z',
    validFrom: '2026-02-01T00:00:00Z',
    validTo: '2029-01-31T00:00:00Z',
    verifyUrl: VERIFY_URL,
    verifyCode: 'K7QF-2M9X',
    signerTitleLines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
    signerName: 'Đỗ Minh Tuấn',
    issuedAt: '2026-01-31T17:45:00Z',
  };
}

export const HONEY_ITEM: DecisionItem = {
  certificateNumber: '38-2026-0001/GCN-OCOP',
  productName: 'Mật ong hoa nhãn Thọ Xuân',
  productSetCode: '01',
  producerName: 'Hợp tác xã Nông nghiệp Đông Sơn',
  stars: 4,
  validTo: '2029-01-31T00:00:00Z',
};

const LEGAL_BASIS = [
  'Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025',
  'Quyết định số 148/QĐ-TTg ngày 24/02/2023 của Thủ tướng Chính phủ ban hành Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm Chương trình mỗi xã một sản phẩm',
  'Theo đề nghị của Giám đốc Sở Nông nghiệp và Môi trường.',
];

/** An ISSUE decision for HONEY_ITEM and `more` generated products. */
export function issueDecision(more = 1): DecisionDocument {
  const extra = Array.from({ length: more }, (_, i): DecisionItem => ({
    certificateNumber: `38-2026-${String(i + 2).padStart(4, '0')}/GCN-OCOP`,
    productName: `Sản phẩm thử nghiệm số ${i + 2} của huyện Quảng Xương`,
    productSetCode: String((i % 6) + 1).padStart(2, '0'),
    producerName: `Hộ kinh doanh Nguyễn Văn Đức ${i + 2}`,
    stars: 3 + (i % 2),
    validTo: '2029-01-31T00:00:00Z',
  }));
  return {
    kind: 'ISSUE',
    reference: '12/QĐ-UBND',
    authorityVi: 'UBND TỈNH THANH HÓA',
    issuerVi: 'ỦY BAN NHÂN DÂN TỈNH THANH HÓA',
    placeVi: 'Thanh Hóa',
    date: '2026-01-31T17:30:00Z',
    legalBasisVi: LEGAL_BASIS,
    items: [HONEY_ITEM, ...extra],
    signerTitleLines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
    signerName: 'Đỗ Minh Tuấn',
  };
}

export function revokeDecision(): DecisionDocument {
  return {
    kind: 'REVOKE',
    reference: '87/QĐ-UBND',
    authorityVi: 'UBND TỈNH THANH HÓA',
    issuerVi: 'ỦY BAN NHÂN DÂN TỈNH THANH HÓA',
    placeVi: 'Thanh Hóa',
    date: '2026-09-14T03:00:00Z',
    legalBasisVi: LEGAL_BASIS,
    items: [HONEY_ITEM],
    revocation: {
      originalDecisionReference: '12/QĐ-UBND',
      originalDecisionDate: '2026-01-31T17:30:00Z',
      reasonCode: 'QUALITY_NONCONFORMITY',
      reasonVi: 'Sản phẩm không duy trì được chất lượng theo tiêu chuẩn công bố, kết quả hậu kiểm không đạt;',
      returnDeadline: '2026-10-14T00:00:00Z',
    },
    signerTitleLines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
    signerName: 'Lê Đức Giang',
  };
}
