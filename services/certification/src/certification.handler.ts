import { Inject, Injectable } from '@nestjs/common';
import {
  AppError,
  CertificateIdQuery,
  CertificationSubjects as S,
  DecisionIdQuery,
  ListCertificatesQuery as ListCertificatesRequest,
  ListDecisionsQuery as ListDecisionsRequest,
  ListNotificationsQuery as ListNotificationsRequest,
  ListRevocationsQuery as ListRevocationsRequest,
  RejectRevocationCommand,
  RequestRevocationCommand,
  RevocationIdQuery,
  Role,
  RunJobCommand,
  VerifyQuery,
} from '@ocop/contracts';
import type { RevocationReasonCode } from '@ocop/domain';
import { requireActor, requireRole, type RpcRoute } from '@ocop/messaging';
import { CERTIFICATION_CONFIG } from './certification.tokens';
import type { CertificationConfig } from './config/certification.config';
import type { CertificateRow } from './certificates/certificate-row';
import { verifyUrl } from './certificates/certificate-wording';
import { ListCertificatesQuery } from './certificates/list-certificates.query';
import { GetCertificateQuery } from './certificates/get-certificate.query';
import { GetCertificatePdfQuery } from './certificates/get-certificate-pdf.query';
import { ListDecisionsQuery } from './certificates/list-decisions.query';
import { GetDecisionQuery } from './certificates/get-decision.query';
import { GetDecisionPdfQuery } from './certificates/get-decision-pdf.query';
import { VerifyCertificateQuery } from './certificates/verify-certificate.query';
import { ListRevokedCertificatesQuery } from './certificates/list-revoked-certificates.query';
import { RequestRevocationUseCase } from './revocation/request-revocation.use-case';
import { ListRevocationsQuery } from './revocation/list-revocations.query';
import { GetRevocationQuery } from './revocation/get-revocation.query';
import { DecideRevocationUseCase } from './revocation/decide-revocation.use-case';
import { RejectRevocationUseCase } from './revocation/reject-revocation.use-case';
import { ConfirmCertificateReturnUseCase } from './revocation/confirm-certificate-return.use-case';
import { ListNotificationsQuery } from './notifications/list-notifications.query';
import { CertificationJobs, type JobName } from './jobs/certification-jobs';
import { CertificateSigner } from './signing/certificate-signer';

const REQUESTERS = [Role.PROVINCE_OFFICE, Role.DISTRICT_OFFICER, Role.INSPECTOR, Role.ADMIN];

/** The NATS edge of certification: one use case or query per request. */
@Injectable()
export class CertificationHandler {
  constructor(
    @Inject(CERTIFICATION_CONFIG) private readonly config: CertificationConfig,
    private readonly listCertificates: ListCertificatesQuery,
    private readonly getCertificate: GetCertificateQuery,
    private readonly getCertificatePdf: GetCertificatePdfQuery,
    private readonly listDecisions: ListDecisionsQuery,
    private readonly getDecision: GetDecisionQuery,
    private readonly getDecisionPdf: GetDecisionPdfQuery,
    private readonly verifyCertificate: VerifyCertificateQuery,
    private readonly listRevokedCertificates: ListRevokedCertificatesQuery,
    private readonly requestRevocation: RequestRevocationUseCase,
    private readonly listRevocations: ListRevocationsQuery,
    private readonly getRevocation: GetRevocationQuery,
    private readonly decideRevocation: DecideRevocationUseCase,
    private readonly rejectRevocation: RejectRevocationUseCase,
    private readonly confirmCertificateReturn: ConfirmCertificateReturnUseCase,
    private readonly listNotifications: ListNotificationsQuery,
    private readonly jobs: CertificationJobs,
    private readonly signer: CertificateSigner,
  ) {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route has its own contract class
  routes(): RpcRoute<any, unknown>[] {
    return [
      this.route(S.certificateList, ListCertificatesRequest, async (q, ctx) =>
        (await this.listCertificates.execute(requireActor(ctx), q)).map((c) => this.view(c)),
      ),
      this.route(S.certificateGet, CertificateIdQuery, async (q, ctx) =>
        this.view(await this.getCertificate.execute(requireActor(ctx), q.certificateId)),
      ),
      this.route(S.certificatePdf, CertificateIdQuery, async (q, ctx) =>
        this.getCertificatePdf.execute(requireActor(ctx), q.certificateId),
      ),
      this.route(S.decisionList, ListDecisionsRequest, async (q, ctx) => this.listDecisions.execute(requireActor(ctx), q)),
      this.route(S.decisionGet, DecisionIdQuery, async (q, ctx) => {
        const d = await this.getDecision.execute(requireActor(ctx), q.decisionId);
        return { ...d, certificates: undefined, revocation: undefined, certificateNumbers: d.certificates.map((c) => c.number) };
      }),
      this.route(S.decisionPdf, DecisionIdQuery, async (q, ctx) => this.getDecisionPdf.execute(requireActor(ctx), q.decisionId)),
      this.route(S.revocationRequest, RequestRevocationCommand, async (c, ctx) => {
        const actor = requireRole(ctx, REQUESTERS);
        return this.requestRevocation.execute(
          actor,
          actor.role === Role.INSPECTOR ? 'INSPECTION' : 'OFFICE',
          { ...c, reasonCode: c.reasonCode as RevocationReasonCode },
          ctx.asOf,
        );
      }),
      this.route(S.revocationList, ListRevocationsRequest, async (q, ctx) => this.listRevocations.execute(requireActor(ctx), q)),
      this.route(S.revocationGet, RevocationIdQuery, async (q, ctx) => this.getRevocation.execute(requireActor(ctx), q.revocationId)),
      this.route(S.revocationDecide, RevocationIdQuery, async (c, ctx) =>
        this.decideRevocation.execute(requireActor(ctx), c.revocationId, ctx.asOf),
      ),
      this.route(S.revocationReject, RejectRevocationCommand, async (c, ctx) =>
        this.rejectRevocation.execute(requireActor(ctx), c.revocationId, c.note, ctx.asOf),
      ),
      this.route(S.revocationConfirmReturn, RevocationIdQuery, async (c, ctx) =>
        this.confirmCertificateReturn.execute(requireActor(ctx), c.revocationId, ctx.asOf),
      ),
      this.route(S.notificationList, ListNotificationsRequest, async (q, ctx) => this.listNotifications.execute(requireActor(ctx), q)),
      this.route(S.jobRun, RunJobCommand, async (c, ctx) => {
        requireRole(ctx, [Role.ADMIN]);
        if (c.asOf && this.config.mode === 'production')
          throw AppError.validation('AS_OF_NOT_ALLOWED', 'as-of runs are refused in production mode', 'asOf');
        const asOf = c.asOf ? new Date(c.asOf) : ctx.asOf;
        return { name: c.name, asOf: asOf.toISOString(), result: await this.jobs.runNow(c.name as JobName, asOf) };
      }),
      this.route(S.publicVerify, VerifyQuery, async (q) => {
        const record = await this.verifyCertificate.execute(q.code);
        if (!record) throw AppError.notFound('CERTIFICATE_NOT_FOUND', 'this is not a valid OCOP certificate: no certificate has this code');
        return record;
      }),
      this.route(S.publicKeys, undefined, async () => this.signer.trustList()),
      this.route(S.publicStatusList, undefined, async (_q, ctx) => {
        const revoked = await this.listRevokedCertificates.execute(null);
        const list = { iss: 'ocop/certification', iat: Math.floor(ctx.asOf.getTime() / 1000), revoked };
        return { ...list, jws: await this.signer.sign(list, 'ocop-status-list') };
      }),
    ];
  }

  private view(c: CertificateRow): Record<string, unknown> {
    return { ...c, signature: undefined, statusChangedAt: undefined, verifyUrl: verifyUrl(this.config.publicBaseUrl, c.code, c.signature) };
  }

  private route<Req extends object>(
    subject: string,
    request: (new () => Req) | undefined,
    handle: RpcRoute<Req, unknown>['handle'],
  ): RpcRoute<Req, unknown> {
    return { subject, request, handle };
  }
}
