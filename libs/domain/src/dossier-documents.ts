import { DossierKind } from './dossier-status';

export interface DossierDocumentType {
  readonly code: string;
  readonly nameVi: string;
  readonly nameEn: string;
  /** Kinds of dossier that cannot be submitted without this document. */
  readonly requiredFor: readonly DossierKind[];
  /** Only relevant to products evaluated on samples (every set but tourism, set 26). */
  readonly requiresSamples?: true;
}

const ALL_KINDS: readonly DossierKind[] = [DossierKind.NEW, DossierKind.RE_EVALUATION, DossierKind.UPGRADE];

// The producer's dossier (148/QĐ-TTg Phụ lục II; Mẫu 01/02 as reported for 26/2026/QĐ-TTg):
// registration form and self-assessment for every kind; a re-evaluation dossier adds no new
// business plan (domain-research.md §1.7, §1.8). The rest is evidence the criteria score.
export const DOSSIER_DOCUMENT_TYPES: readonly DossierDocumentType[] = [
  {
    code: 'REGISTRATION_FORM',
    nameVi: 'Phiếu đăng ký sản phẩm OCOP (Mẫu 01)',
    nameEn: 'OCOP product registration form (Form 01)',
    requiredFor: ALL_KINDS,
  },
  {
    code: 'SELF_ASSESSMENT',
    nameVi: 'Báo cáo tự đánh giá (Mẫu 02)',
    nameEn: "Producer's self-assessment report (Form 02)",
    requiredFor: ALL_KINDS,
  },
  {
    code: 'BUSINESS_PLAN',
    nameVi: 'Phương án, kế hoạch kinh doanh',
    nameEn: 'Business plan',
    requiredFor: [DossierKind.NEW, DossierKind.UPGRADE],
  },
  {
    code: 'BUSINESS_REGISTRATION',
    nameVi: 'Giấy đăng ký kinh doanh',
    nameEn: 'Business registration certificate',
    requiredFor: ALL_KINDS,
  },
  {
    code: 'ORGANISATION_CHART',
    nameVi: 'Sơ đồ tổ chức bộ máy',
    nameEn: 'Organisation chart',
    requiredFor: [],
  },
  {
    code: 'FOOD_SAFETY_CERTIFICATE',
    nameVi: 'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
    nameEn: 'Food-safety facility certificate',
    requiredFor: [],
  },
  {
    code: 'QUALITY_DECLARATION',
    nameVi: 'Bản công bố chất lượng / tiêu chuẩn sản phẩm',
    nameEn: 'Quality declaration or product standard',
    requiredFor: [],
  },
  {
    // Optional at intake; the province tier needs it before finalising a product with samples.
    code: 'LAB_TEST_RESULT',
    nameVi: 'Phiếu kết quả kiểm nghiệm',
    nameEn: 'Laboratory test result sheet',
    requiredFor: [],
    requiresSamples: true,
  },
  {
    code: 'TRACEABILITY',
    nameVi: 'Mã vạch, QR, tem truy xuất nguồn gốc',
    nameEn: 'Barcode, QR code or traceability stamp',
    requiredFor: [],
  },
  {
    code: 'INTELLECTUAL_PROPERTY',
    nameVi: 'Giấy chứng nhận sở hữu trí tuệ, nhãn hiệu, chỉ dẫn địa lý',
    nameEn: 'Intellectual property, trademark or geographical indication certificate',
    requiredFor: [],
  },
  {
    code: 'RAW_MATERIAL_ORIGIN',
    nameVi: 'Tài liệu chứng minh nguồn gốc nguyên liệu',
    nameEn: 'Evidence of raw-material origin',
    requiredFor: [],
  },
  {
    code: 'CHAIN_LINKAGE_CONTRACT',
    nameVi: 'Hợp đồng liên kết chuỗi',
    nameEn: 'Chain-linkage contract',
    requiredFor: [],
  },
  {
    code: 'ENVIRONMENTAL_COMMITMENT',
    nameVi: 'Cam kết, kế hoạch bảo vệ môi trường',
    nameEn: 'Environmental commitment or protection plan',
    requiredFor: [],
  },
  {
    code: 'QUALITY_MANAGEMENT_SYSTEM',
    nameVi: 'Chứng nhận hệ thống quản lý chất lượng',
    nameEn: 'Quality-management system certificate',
    requiredFor: [],
  },
  {
    code: 'PRODUCT_STORY',
    nameVi: 'Câu chuyện sản phẩm',
    nameEn: 'Product story',
    requiredFor: [],
  },
  {
    code: 'PRODUCT_PHOTOS',
    nameVi: 'Hình ảnh sản phẩm',
    nameEn: 'Product photographs',
    requiredFor: [],
  },
  {
    code: 'OTHER',
    nameVi: 'Tài liệu khác',
    nameEn: 'Other document',
    requiredFor: [],
  },
];

export function isDossierDocumentType(code: string): boolean {
  return DOSSIER_DOCUMENT_TYPES.some((type) => type.code === code);
}

/** Codes of the documents `kind` requires that are not in `presentCodes`, in checklist order. */
export function missingRequiredDocuments(kind: DossierKind, presentCodes: readonly string[]): string[] {
  const present = new Set(presentCodes);
  return DOSSIER_DOCUMENT_TYPES.filter((type) => type.requiredFor.includes(kind) && !present.has(type.code)).map((type) => type.code);
}
