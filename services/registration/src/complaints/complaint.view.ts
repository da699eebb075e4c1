import { AppError, type Actor, type ComplaintView, type PublicComplaintView } from '@ocop/contracts';
import { readScopeOf } from '@ocop/auth';
import type { Complaint, ComplaintStatus } from './complaint.entity';

export const COMPLAINT_STATUS_VI: Record<ComplaintStatus, string> = {
  RECEIVED: 'Đã tiếp nhận',
  CONFIRMED: 'Đã xác minh, chờ kiểm tra',
  DISMISSED: 'Không có cơ sở xử lý',
  DUPLICATE: 'Trùng với phản ánh đã tiếp nhận',
  INSPECTING: 'Đang kiểm tra',
  RESOLVED: 'Đã có kết quả kiểm tra',
};

/**
 * The province (and district) whose complaints an official sees: a district officer its district's, a national admin
 * every province's, the others their province's (producers and communes are not readers: the registry refuses them).
 */
export function complaintScopeOf(actor: Actor): { provinceCode?: string; districtCode?: string } {
  const s = readScopeOf(actor);
  switch (s.kind) {
    case 'all':
      return {};
    case 'district':
      return { provinceCode: s.provinceCode, districtCode: s.districtCode };
    case 'province':
      return { provinceCode: s.provinceCode };
    default:
      throw AppError.forbidden('COMPLAINT_READERS_ONLY', 'complaints are read by the district, the standing office and inspectors');
  }
}

export function complaintInScope(actor: Actor, c: Complaint): boolean {
  const s = complaintScopeOf(actor);
  return (!s.provinceCode || s.provinceCode === c.provinceCode) && (!s.districtCode || s.districtCode === c.districtCode);
}

export function publicComplaintView(c: Complaint): PublicComplaintView {
  return {
    receiptCode: c.receiptCode,
    certificateCode: c.certificateCode,
    productName: c.productName,
    status: c.status,
    statusVi: COMPLAINT_STATUS_VI[c.status],
    submittedAt: c.submittedAt.toISOString(),
    hasPhoto: c.photo !== null,
    outcomeVi: c.outcomeVi,
    history: c.history.map((h) => ({ status: h.status, statusVi: COMPLAINT_STATUS_VI[h.status], at: h.at })),
  };
}

export function complaintView(c: Complaint, duplicateOfReceipt: string | null): ComplaintView {
  return {
    ...publicComplaintView(c),
    id: c.id,
    certificateId: c.certificateId,
    certificateNumber: c.certificateNumber,
    dossierId: c.dossierId,
    producerName: c.producerName,
    provinceCode: c.provinceCode,
    districtCode: c.districtCode,
    communeCode: c.communeCode,
    description: c.description,
    place: c.place,
    seenOn: c.seenOn,
    contact: c.contact,
    photo: c.photo ? { fileName: c.photo.fileName, contentType: c.photo.contentType, size: c.photo.size, sha256: c.photo.sha256 } : null,
    duplicateOf: duplicateOfReceipt,
    triagedBy: c.triagedBy,
    campaignId: c.campaignId,
    violations: c.violations,
  };
}
