import type { MinutesResultView, MinutesView } from '@ocop/contracts';
import type { MinutesDocument, WrittenConsultationMinutes } from '@ocop/documents';
import { VOTING_ROLES } from '../councils/council-member.entity';
import { WRITTEN_FORM_VI, vietnamDeadline } from './written-consultation.policy';

export const TIER_VI: Record<string, string> = { DISTRICT: 'cấp huyện', PROVINCE: 'cấp tỉnh', CENTRAL: 'cấp trung ương' };

export const COUNCIL_ROLE_VI: Record<string, string> = {
  CHAIR: 'Chủ tịch Hội đồng',
  VICE_CHAIR: 'Phó Chủ tịch Hội đồng',
  MEMBER: 'Thành viên',
  SECRETARY: 'Thư ký',
  ADVISOR: 'Tổ tư vấn',
};

export const DEFERRAL_VI: Record<string, string> = {
  LAB_RESULT_MISSING: 'chưa có phiếu kết quả kiểm nghiệm mẫu sản phẩm',
  LAB_RESULT_FAILED: 'kết quả kiểm nghiệm mẫu sản phẩm không đạt',
  AGENCY_OPINION_MISSING: 'chưa có ý kiến bằng văn bản của cơ quan chuyên môn theo quy định của tỉnh',
  SHEETS_MISSING: 'chưa đủ phiếu đánh giá của các thành viên có mặt',
  SPREAD_UNRESOLVED: 'điểm của các thành viên chênh lệch vượt mức cho phép, cần thảo luận và chấm lại',
  NO_ELIGIBLE_MEMBERS: 'không có thành viên đủ điều kiện chấm điểm',
};

/** A written consultation's deferral reasons where a meeting's wording does not fit (no one is "present"). */
export const WRITTEN_DEFERRAL_VI: Record<string, string> = {
  SHEETS_MISSING: 'số phiếu đánh giá nhận được không bảo đảm số thành viên tối thiểu theo quy định',
  SPREAD_UNRESOLVED: 'điểm của các thành viên chênh lệch vượt mức cho phép, cần đánh giá lại',
};

/** What the minutes of a written consultation state instead of attendance. */
export function writtenConsultationMinutes(
  sheetsDueAt: Date,
  sentBy: string[],
  missingFrom: string[],
): NonNullable<MinutesView['writtenConsultation']> {
  const due = vietnamDeadline(sheetsDueAt);
  const summary = [
    `${WRITTEN_FORM_VI}; hạn gửi phiếu đánh giá: ${due} (giờ Việt Nam).`,
    `Thành viên đã gửi phiếu đánh giá: ${sentBy.length ? sentBy.join(', ') : 'không có'}.`,
    ...(missingFrom.length ? [`Thành viên chưa gửi đủ phiếu đánh giá: ${missingFrom.join(', ')}.`] : []),
  ];
  return {
    formVi: WRITTEN_FORM_VI,
    sheetsDueAt: sheetsDueAt.toISOString(),
    sheetsDueAtVi: due,
    sentBy,
    missingFrom,
    summaryVi: summary.join(' '),
  };
}

/** The conclusion written in the minutes for one dossier. */
export function decisionVi(
  r: Pick<MinutesResultView, 'outcome' | 'stars' | 'rank' | 'certifyingTier'>,
  tier: string,
  nextTier: string | null,
  withheldReason: string | null = null,
): string {
  if (withheldReason === 'PROVISIONAL_CRITERIA') {
    return `Đạt ${r.stars} sao theo điểm tạm tính; không cấp giấy chứng nhận: bộ tiêu chí tạm thời, chưa được phép công nhận`;
  }
  switch (r.outcome) {
    case 'CERTIFY':
      return r.certifyingTier === tier
        ? `Đề nghị công nhận sản phẩm OCOP ${r.stars} sao`
        : `Đạt ${r.stars} sao; đề nghị công nhận ${r.stars} sao theo thẩm quyền ${TIER_VI[r.certifyingTier ?? ''] ?? ''}`;
    case 'FORWARD':
      return `Đạt ${r.rank} sao; đề nghị ${TIER_VI[nextTier ?? ''] ?? 'cấp trên'} đánh giá, phân hạng`;
    default:
      return `Đạt ${r.rank} sao; không đủ điều kiện công nhận sản phẩm OCOP`;
  }
}

export function capReasonVi(c: { stars: number; labelVi: string; required: string; mean: string }): string {
  return `Không đạt tiêu chí bắt buộc hạng ${c.stars} sao «${c.labelVi}» (điểm trung bình ${c.mean}, yêu cầu ${c.required})`;
}

/** The stored JSON minutes, laid out for the PDF renderer. */
export function minutesDocument(m: MinutesView): MinutesDocument {
  return {
    reference: m.reference,
    councilNameVi: m.councilNameVi,
    authorityVi: m.authorityVi.toUpperCase(),
    placeVi: m.placeVi,
    sessionTitle: m.sessionTitle,
    location: m.location,
    openedAt: m.openedAt,
    closedAt: m.closedAt,
    legalBasisVi: m.legalBasisVi,
    catalogueVi: m.catalogueVi,
    quorum: { required: m.quorum.required, present: m.quorum.present },
    members: m.members.map((x) => ({ fullName: x.fullName, agency: x.agency, roleVi: x.roleVi, present: x.present })),
    results: m.results.map((r) => ({
      order: r.order,
      dossierCode: r.dossierCode,
      productName: r.productName,
      producerName: r.producerName,
      productSetCode: r.productSetCode,
      sheetCount: r.sheetCount,
      mean: r.mean,
      band: r.band,
      rank: r.rank,
      capReasonsVi: r.capReasons.map(capReasonVi),
      decisionVi: r.decisionVi,
      excludedMembers: r.excludedMembers,
    })),
    deferred: m.deferred.map((d) => ({ dossierCode: d.dossierCode, productName: d.productName, reasonVi: d.reasonVi })),
    chairName: m.chairName,
    secretaryName: m.secretaryName,
    ...(m.writtenConsultation ? { written: writtenDocument(m, m.writtenConsultation) } : {}),
  };
}

/** A written consultation's part of the PDF: `present`, in its minutes, means a member sent sheets. */
function writtenDocument(m: MinutesView, w: NonNullable<MinutesView['writtenConsultation']>): WrittenConsultationMinutes {
  const missing = new Set(w.missingFrom);
  return {
    formVi: w.formVi,
    sheetsDueAtVi: w.sheetsDueAtVi,
    sentBy: w.sentBy,
    missingFrom: w.missingFrom,
    scoring: m.members
      .filter((x) => VOTING_ROLES.has(x.role))
      .map((x) => ({
        fullName: x.fullName,
        roleVi: x.roleVi,
        agency: x.agency,
        sheetsVi: !x.present ? 'Không gửi' : missing.has(x.fullName) ? 'Gửi chưa đủ' : 'Đã gửi đủ',
      })),
  };
}
