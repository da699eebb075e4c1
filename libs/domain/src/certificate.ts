/** Certificate states (DOMAIN.md "Certificates"). SUPERSEDED and REVOKED are final; EXPIRED may still be revoked. */
export enum CertificateStatus {
  ACTIVE = 'ACTIVE',
  EXPIRING = 'EXPIRING',
  EXPIRED = 'EXPIRED',
  SUPERSEDED = 'SUPERSEDED',
  REVOKED = 'REVOKED',
}

export const CERTIFICATE_STATUS_VI: Record<CertificateStatus, string> = {
  [CertificateStatus.ACTIVE]: 'Còn hiệu lực',
  [CertificateStatus.EXPIRING]: 'Sắp hết hiệu lực',
  [CertificateStatus.EXPIRED]: 'Đã hết hiệu lực',
  [CertificateStatus.SUPERSEDED]: 'Đã được thay thế',
  [CertificateStatus.REVOKED]: 'Đã bị thu hồi',
};

/** Days before the end of validity at which the producer is told (30 is the legal minimum); each is sent once. */
export const EXPIRY_NOTICE_DAYS: readonly number[] = [90, 60, 30];
const DAY_MS = 24 * 3600 * 1000;

/**
 * The status a verifier must see at `asOf`: the stored status, unless time has already moved it on (a
 * certificate past its end is EXPIRED even before the daily sweep marks it; inside the first notice window
 * it is EXPIRING). Final states are never changed by time.
 */
export function liveCertificateStatus(stored: CertificateStatus, validTo: Date, asOf: Date): CertificateStatus {
  if (stored === CertificateStatus.SUPERSEDED || stored === CertificateStatus.REVOKED || stored === CertificateStatus.EXPIRED)
    return stored;
  if (asOf.getTime() >= validTo.getTime()) return CertificateStatus.EXPIRED;
  if (asOf.getTime() >= validTo.getTime() - Math.max(...EXPIRY_NOTICE_DAYS) * DAY_MS) return CertificateStatus.EXPIRING;
  return stored;
}

/** The notice milestones due at `asOf` (validTo − days ≤ asOf < validTo), largest first; empty once expired. */
export function dueExpiryNotices(validTo: Date, asOf: Date): number[] {
  if (asOf.getTime() >= validTo.getTime()) return [];
  return EXPIRY_NOTICE_DAYS.filter((d) => validTo.getTime() - d * DAY_MS <= asOf.getTime());
}

/** Whether a certificate in this state may still be revoked (an expired one may: its mark must come off packaging). */
export function isRevocable(status: CertificateStatus): boolean {
  return status === CertificateStatus.ACTIVE || status === CertificateStatus.EXPIRING || status === CertificateStatus.EXPIRED;
}

/** Grounds for revocation seen in practice (DOMAIN.md), with the wording used in the decision. */
export const REVOCATION_REASONS = {
  NOT_REEVALUATED: 'Không thực hiện đánh giá lại khi Giấy chứng nhận hết hiệu lực',
  MANDATORY_CRITERIA_FAILED: 'Không đáp ứng tiêu chí bắt buộc khi đánh giá lại',
  PROCESS_NOT_FOLLOWED: 'Không tuân thủ quy trình sản xuất đã được công nhận',
  FOOD_SAFETY_VIOLATION: 'Vi phạm quy định về an toàn thực phẩm',
  QUALITY_NOT_AS_CERTIFIED: 'Chất lượng, mẫu mã sản phẩm không đúng như đã được công nhận',
  NO_QUALITY_RECORDS: 'Không duy trì hồ sơ quản lý chất lượng, truy xuất nguồn gốc',
  LAB_TEST_FAILED: 'Kết quả kiểm nghiệm mẫu sản phẩm không đạt',
  PRODUCTION_HALTED: 'Chủ thể ngừng sản xuất, kinh doanh sản phẩm',
  OTHER: 'Lý do khác',
} as const;

export type RevocationReasonCode = keyof typeof REVOCATION_REASONS;
export const REVOCATION_REASON_CODES = Object.keys(REVOCATION_REASONS) as RevocationReasonCode[];
