// What a training completion certificate (giấy chứng nhận hoàn thành khóa đào tạo) prints. Strings ending in Vi are
// Vietnamese text shown as given; days are `YYYY-MM-DD`; instants are ISO strings printed in Vietnam time.

export interface TrainingCertificateDocument {
  /** '38-2024-000001/CN-ĐT'. */
  number: string;
  /** The organiser, printed as the issuing body: 'Sở Công Thương tỉnh Thanh Hóa'. */
  issuerVi: string;
  /** Place of the date line: 'Thanh Hóa'. */
  placeVi: string;
  fullName: string;
  birthYear: number | null;
  /** The producer or unit the person came from, if any. */
  fromVi: string | null;
  courseTitle: string;
  classTitle: string;
  startsOn: string;
  endsOn: string;
  /** Where it took place (or 'trực tuyến'). */
  whereVi: string;
  daysAttended: number;
  days: number;
  /** Verification link encoded in the QR code. */
  verifyUrl: string;
  /** Short code printed under the QR code. */
  verifyCode: string;
  /** ISO instant of completion: the date line and the PDF dates. */
  issuedAt: string;
}
