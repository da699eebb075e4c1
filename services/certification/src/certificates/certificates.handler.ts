import { Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CertificateIdQuery,
  CertificationSubjects as S,
  DecisionIdQuery,
  ListCertificatesQuery as ListCertificatesRequest,
  ListDecisionsQuery as ListDecisionsRequest,
} from '@ocop/contracts';
import { Caller, Handles, RpcController, requireActor, type RpcContext } from '@ocop/messaging';
import { CERTIFICATION_CONFIG } from '../certification.tokens';
import type { CertificationConfig } from '../config/certification.config';
import type { CertificateRow } from './certificate.mapper';
import { verifyUrl } from './certificate-wording.document';
import { GetCertificatePdfQuery } from './get-certificate-pdf.query';
import { GetCertificateQuery } from './get-certificate.query';
import { GetDecisionPdfQuery } from './get-decision-pdf.query';
import { GetDecisionQuery } from './get-decision.query';
import { ListCertificatesQuery } from './list-certificates.query';
import { ListDecisionsQuery } from './list-decisions.query';

/** The NATS edge of certificates and the decisions that issued them (reads in the caller's scope, and their PDFs). */
@RpcController()
export class CertificatesHandler {
  constructor(
    @Inject(CERTIFICATION_CONFIG) private readonly config: CertificationConfig,
    private readonly listCertificates: ListCertificatesQuery,
    private readonly getCertificate: GetCertificateQuery,
    private readonly getCertificatePdf: GetCertificatePdfQuery,
    private readonly listDecisions: ListDecisionsQuery,
    private readonly getDecision: GetDecisionQuery,
    private readonly getDecisionPdf: GetDecisionPdfQuery,
  ) {}

  @Handles(S.certificateList)
  async list(@Payload() q: ListCertificatesRequest, @Caller() call: RpcContext) {
    return (await this.listCertificates.execute(requireActor(call), q)).map((c) => this.view(c));
  }

  @Handles(S.certificateGet)
  async get(@Payload() q: CertificateIdQuery, @Caller() call: RpcContext) {
    return this.view(await this.getCertificate.execute(requireActor(call), q.certificateId));
  }

  @Handles(S.certificatePdf)
  pdf(@Payload() q: CertificateIdQuery, @Caller() call: RpcContext) {
    return this.getCertificatePdf.execute(requireActor(call), q.certificateId);
  }

  @Handles(S.decisionList)
  decisions(@Payload() q: ListDecisionsRequest, @Caller() call: RpcContext) {
    return this.listDecisions.execute(requireActor(call), q);
  }

  @Handles(S.decisionGet)
  async decision(@Payload() q: DecisionIdQuery, @Caller() call: RpcContext) {
    const d = await this.getDecision.execute(requireActor(call), q.decisionId);
    return { ...d, certificates: undefined, revocation: undefined, certificateNumbers: d.certificates.map((c) => c.number) };
  }

  @Handles(S.decisionPdf)
  decisionPdf(@Payload() q: DecisionIdQuery, @Caller() call: RpcContext) {
    return this.getDecisionPdf.execute(requireActor(call), q.decisionId);
  }

  private view(c: CertificateRow): Record<string, unknown> {
    return { ...c, signature: undefined, statusChangedAt: undefined, verifyUrl: verifyUrl(this.config.publicBaseUrl, c.code, c.signature) };
  }
}
