// What the minutes (biên bản) of a scoring council session print. Strings ending in Vi are
// Vietnamese text shown as given; instants are ISO strings printed in Vietnam time.

export interface MinutesMember {
  fullName: string;
  agency: string;
  /** 'Chủ tịch Hội đồng', 'Thành viên', 'Thư ký'. */
  roleVi: string;
  present: boolean;
}

export interface MinutesResult {
  order: number;
  dossierCode: string;
  productName: string;
  producerName: string;
  productSetCode: string;
  sheetCount: number;
  /** Mean of the members' totals with two decimals, '86.40'; printed with a decimal comma. */
  mean: string;
  /** Star band of the mean. */
  band: number;
  /** Stars granted: min(band, cap). Below the band, capReasonsVi say why. */
  rank: number;
  capReasonsVi: string[];
  /** e.g. 'Đề nghị công nhận 4 sao'. */
  decisionVi: string;
  /** Members who did not score this dossier (conflict of interest). */
  excludedMembers: string[];
}

/** A council that scored without meeting (written consultation): how it was held, instead of attendance. */
export interface WrittenConsultationMinutes {
  /** 'Hình thức: lấy ý kiến bằng văn bản về phiếu đánh giá'. */
  formVi: string;
  /** The sheets' deadline, 'dd/mm/yyyy HH:mm' in Vietnam time. */
  sheetsDueAtVi: string;
  sentBy: string[];
  missingFrom: string[];
  /** The scoring members, each with what it sent ('Đã gửi đủ', 'Gửi chưa đủ', 'Không gửi'). */
  scoring: { fullName: string; roleVi: string; agency: string; sheetsVi: string }[];
}

export interface MinutesDeferred {
  dossierCode: string;
  productName: string;
  reasonVi: string;
}

export interface MinutesDocument {
  /** e.g. 'BB-2026-0001'. */
  reference: string;
  /** 'Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp tỉnh'. */
  councilNameVi: string;
  /** 'UBND TỈNH THANH HÓA'. */
  authorityVi: string;
  /** Place of the date line: 'Thanh Hóa'. */
  placeVi: string;
  sessionTitle: string;
  location: string | null;
  /** ISO instants. */
  openedAt: string;
  closedAt: string;
  /** Each printed as 'Căn cứ …;', e.g. ['Quyết định 148/QĐ-TTg ngày 24/02/2023 …']. */
  legalBasisVi: string[];
  /** The criteria catalogue used. */
  catalogueVi: string;
  quorum: { required: number; present: number };
  members: MinutesMember[];
  results: MinutesResult[];
  deferred: MinutesDeferred[];
  chairName: string | null;
  secretaryName: string | null;
  /** Present when the council scored by written consultation. */
  written?: WrittenConsultationMinutes;
}
