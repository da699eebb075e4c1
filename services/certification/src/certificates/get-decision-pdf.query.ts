import { Injectable } from '@nestjs/common';
import type { Actor } from '@ocop/contracts';
import { REVOCATION_REASONS, type RevocationReasonCode } from '@ocop/domain';
import { renderDecisionPdf, type DecisionDocument } from '@ocop/documents';
import { GetDecisionQuery } from './get-decision.query';
import { PROVISIONAL_NOTE_VI, signerLines } from './certificate-wording.document';

/** The printable decision (PDF, base64), for a reader who may read it. */
@Injectable()
export class GetDecisionPdfQuery {
  constructor(private readonly getDecision: GetDecisionQuery) {}

  async execute(actor: Actor, id: string): Promise<{ fileName: string; contentBase64: string }> {
    const d = await this.getDecision.execute(actor, id);
    const doc: DecisionDocument = {
      kind: d.kind,
      reference: d.reference,
      authorityVi: d.authorityVi,
      issuerVi: d.issuerVi,
      placeVi: d.placeVi,
      date: d.decidedAt.toISOString(),
      legalBasisVi: [
        'Căn cứ Luật Tổ chức chính quyền địa phương;',
        'Căn cứ Quyết định số 148/QĐ-TTg ngày 24/02/2023 của Thủ tướng Chính phủ ban hành Bộ tiêu chí, quy trình đánh giá và phân hạng sản phẩm Chương trình mỗi xã một sản phẩm;',
      ],
      items: d.certificates.map((c) => ({
        certificateNumber: c.number,
        productName: c.productName,
        productSetCode: c.productSetCode,
        producerName: c.producerName,
        stars: c.stars,
        validTo: c.validTo.toISOString(),
        ...(c.provisionalCriteria ? { provisionalCriteria: true } : {}),
      })),
      ...(d.certificates.some((c) => c.provisionalCriteria) ? { provisionalNoteVi: PROVISIONAL_NOTE_VI } : {}),
      revocation: d.revocation
        ? {
            originalDecisionReference: d.revocation.originalReference ?? '',
            originalDecisionDate: (d.revocation.originalDate ?? d.decidedAt).toISOString(),
            reasonCode: d.revocation.reasonCode,
            reasonVi: REVOCATION_REASONS[d.revocation.reasonCode as RevocationReasonCode] ?? d.revocation.reasonCode,
            returnDeadline: (d.revocation.returnDeadline ?? d.decidedAt).toISOString(),
          }
        : undefined,
      signerTitleLines: signerLines(d.authorityTier),
      signerName: null,
    };
    const pdf = await renderDecisionPdf(doc);
    return {
      fileName: `quyet-dinh-${d.reference.replace(/[^A-Za-z0-9-]/g, '-')}-${d.decidedAt.getUTCFullYear()}.pdf`,
      contentBase64: pdf.toString('base64'),
    };
  }
}
