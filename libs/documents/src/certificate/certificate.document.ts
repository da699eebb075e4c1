// What an OCOP product certificate (giấy chứng nhận sản phẩm OCOP) prints. Strings ending in Vi
// are Vietnamese text shown as given; instants are ISO strings printed in Vietnam time.

export interface CertificateDocument {
  /** '38-2026-0001/GCN-OCOP'. */
  number: string;
  /** Governing body (cơ quan chủ quản): 'UBND TỈNH THANH HÓA'. */
  authorityVi: string;
  /** Issuing body: 'ỦY BAN NHÂN DÂN TỈNH THANH HÓA'. */
  issuerVi: string;
  /** Place of the date line: 'Thanh Hóa'. */
  placeVi: string;
  productName: string;
  /** Product set (bộ sản phẩm) code: '01'. */
  productSetCode: string;
  producerName: string;
  /** 3, 4 or 5. */
  stars: number;
  /** Level of the assessment: 'cấp tỉnh', 'cấp huyện', 'cấp trung ương'. */
  tierVi: string;
  /** The decision that recognised the product: '12/QĐ-UBND'. */
  decisionReference: string;
  /** ISO instant of the decision; also the date line of the certificate. */
  decisionDate: string;
  /** ISO instants; a date at 00:00Z stands for that Vietnam calendar day. */
  validFrom: string;
  validTo: string;
  /** Verification link encoded in the QR code (long: it carries a JWS signature, about 400 characters). */
  verifyUrl: string;
  /** Short code printed under the QR code, for typing in by hand. */
  verifyCode: string;
  /** Capacity lines of the signer: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']. */
  signerTitleLines: string[];
  /** Null leaves the space for a handwritten name. */
  signerName: string | null;
  /** Printed under the validity when the result was scored against provisional criteria. */
  provisionalNoteVi?: string;
  /** ISO instant stamped as the PDF dates, so the same input gives the same bytes. */
  issuedAt: string;
}
