import { Inject, Injectable } from '@nestjs/common';
import { AppError, type Actor } from '@ocop/contracts';
import { renderCertificatePdf } from '@ocop/documents';
import { CERTIFICATION_CONFIG } from '../certification.tokens';
import type { CertificationConfig } from '../config/certification.config';
import { DecisionsRepository } from './decisions.repository';
import { GetCertificateQuery } from './get-certificate.query';
import { PROVISIONAL_NOTE_VI, signerLines, tierVi, verifyUrl } from './certificate-wording.document';

/** The printable certificate (PDF, base64), for a reader who may read it. */
@Injectable()
export class GetCertificatePdfQuery {
  constructor(
    private readonly getCertificate: GetCertificateQuery,
    private readonly decisions: DecisionsRepository,
    @Inject(CERTIFICATION_CONFIG) private readonly config: CertificationConfig,
  ) {}

  async execute(actor: Actor, id: string): Promise<{ fileName: string; contentBase64: string }> {
    const c = await this.getCertificate.execute(actor, id);
    const d = await this.decisions.getForSystem(c.decisionId);
    if (!d) throw AppError.notFound('DECISION_NOT_FOUND', `no decision ${c.decisionId}`);
    const pdf = await renderCertificatePdf({
      number: c.number,
      authorityVi: d.authorityVi,
      issuerVi: d.issuerVi,
      placeVi: d.placeVi,
      productName: c.productName,
      productSetCode: c.productSetCode,
      producerName: c.producerName,
      stars: c.stars,
      tierVi: tierVi(c.tier),
      decisionReference: d.reference,
      decisionDate: d.decidedAt.toISOString(),
      validFrom: c.validFrom.toISOString(),
      validTo: c.validTo.toISOString(),
      verifyUrl: verifyUrl(this.config.publicBaseUrl, c.code, c.signature),
      verifyCode: c.code,
      signerTitleLines: signerLines(c.tier),
      signerName: null,
      issuedAt: c.issuedAt.toISOString(),
      ...(c.provisionalCriteria ? { provisionalNoteVi: PROVISIONAL_NOTE_VI } : {}),
    });
    return { fileName: `giay-chung-nhan-${c.number.replace(/[^A-Za-z0-9-]/g, '-')}.pdf`, contentBase64: pdf.toString('base64') };
  }
}
