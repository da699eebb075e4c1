import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AppError,
  DEFAULT_PAGE,
  CertificateIdQuery,
  CertificationSubjects as S,
  DecisionIdQuery,
  ListCertificatesQuery,
  ListDecisionsQuery,
  ListNotificationsQuery,
  ListRevocationsQuery,
  RejectRevocationCommand,
  RequestRevocationCommand,
  RevocationIdQuery,
  Role,
  RunJobCommand,
  VerifyQuery,
  type Actor,
} from '@ocop/contracts';
import type { RevocationReasonCode } from '@ocop/domain';
import { requireActor, requireRole, type RpcRoute } from '@ocop/messaging';
import { CERTIFICATION_CONFIG } from './certification.tokens';
import type { CertificationConfig } from './config/certification.config';
import { CertificateQueries } from './certificates/certificate-queries';
import type { CertificateRow } from './certificates/certificate-row';
import { readableCertificates } from './certificates/access';
import { RevocationsUseCases } from './revocation/revocations.use-cases';
import { CertificationJobs, type JobName } from './jobs/certification-jobs';
import { CertificateSigner } from './signing/certificate-signer';

const REQUESTERS = [Role.PROVINCE_OFFICE, Role.DISTRICT_OFFICER, Role.INSPECTOR, Role.ADMIN];

/** The NATS edge of certification: one use case or query per request. */
@Injectable()
export class CertificationHandler {
  constructor(
    @Inject(CERTIFICATION_CONFIG) private readonly config: CertificationConfig,
    private readonly ds: DataSource,
    private readonly certificates: CertificateQueries,
    private readonly revocations: RevocationsUseCases,
    private readonly jobs: CertificationJobs,
    private readonly signer: CertificateSigner,
  ) {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route has its own contract class
  routes(): RpcRoute<any, unknown>[] {
    return [
      this.route(S.certificateList, ListCertificatesQuery, async (q, ctx) =>
        (await this.certificates.list(requireActor(ctx), q)).map((c) => this.view(c)),
      ),
      this.route(S.certificateGet, CertificateIdQuery, async (q, ctx) =>
        this.view(await this.certificates.get(requireActor(ctx), q.certificateId)),
      ),
      this.route(S.certificatePdf, CertificateIdQuery, async (q, ctx) => this.certificates.pdf(requireActor(ctx), q.certificateId)),
      this.route(S.decisionList, ListDecisionsQuery, async (q, ctx) => this.certificates.listDecisions(requireActor(ctx), q)),
      this.route(S.decisionGet, DecisionIdQuery, async (q, ctx) => {
        const d = await this.certificates.decisionView(requireActor(ctx), q.decisionId);
        return { ...d, certificates: undefined, revocation: undefined, certificateNumbers: d.certificates.map((c) => c.number) };
      }),
      this.route(S.decisionPdf, DecisionIdQuery, async (q, ctx) => this.certificates.decisionPdf(requireActor(ctx), q.decisionId)),
      this.route(S.revocationRequest, RequestRevocationCommand, async (c, ctx) => {
        const actor = requireRole(ctx, REQUESTERS);
        return this.revocations.request(
          actor,
          actor.role === Role.INSPECTOR ? 'INSPECTION' : 'OFFICE',
          { ...c, reasonCode: c.reasonCode as RevocationReasonCode },
          ctx.asOf,
        );
      }),
      this.route(S.revocationList, ListRevocationsQuery, async (q, ctx) => this.revocations.list(requireActor(ctx), q)),
      this.route(S.revocationGet, RevocationIdQuery, async (q, ctx) => this.revocations.get(requireActor(ctx), q.revocationId)),
      this.route(S.revocationDecide, RevocationIdQuery, async (c, ctx) =>
        this.revocations.decide(requireActor(ctx), c.revocationId, ctx.asOf),
      ),
      this.route(S.revocationReject, RejectRevocationCommand, async (c, ctx) =>
        this.revocations.reject(requireActor(ctx), c.revocationId, c.note, ctx.asOf),
      ),
      this.route(S.revocationConfirmReturn, RevocationIdQuery, async (c, ctx) =>
        this.revocations.confirmReturn(requireActor(ctx), c.revocationId, ctx.asOf),
      ),
      this.route(S.notificationList, ListNotificationsQuery, async (q, ctx) => this.notifications(requireActor(ctx), q)),
      this.route(S.jobRun, RunJobCommand, async (c, ctx) => {
        requireRole(ctx, [Role.ADMIN]);
        if (c.asOf && this.config.mode === 'production')
          throw AppError.validation('AS_OF_NOT_ALLOWED', 'as-of runs are refused in production mode', 'asOf');
        const asOf = c.asOf ? new Date(c.asOf) : ctx.asOf;
        return { name: c.name, asOf: asOf.toISOString(), result: await this.jobs.runNow(c.name as JobName, asOf) };
      }),
      this.route(S.publicVerify, VerifyQuery, async (q) => {
        const record = await this.certificates.publicRecord(q.code);
        if (!record) throw AppError.notFound('CERTIFICATE_NOT_FOUND', 'this is not a valid OCOP certificate: no certificate has this code');
        return record;
      }),
      this.route(S.publicKeys, undefined, async () => this.signer.trustList()),
      this.route(S.publicStatusList, undefined, async (_q, ctx) => {
        const revoked = await this.certificates.revokedSince(null);
        const list = { iss: 'ocop/certification', iat: Math.floor(ctx.asOf.getTime() / 1000), revoked };
        return { ...list, jws: await this.signer.sign(list, 'ocop-status-list') };
      }),
    ];
  }

  private view(c: CertificateRow): Record<string, unknown> {
    return { ...c, signature: undefined, statusChangedAt: undefined, verifyUrl: this.certificates.verifyUrlOf(c) };
  }

  private async notifications(actor: Actor, q: ListNotificationsQuery): Promise<unknown[]> {
    const scope = readableCertificates(actor, 0);
    const params: unknown[] = [...scope.params];
    let where = scope.sql.replace(/c\.producer_id/g, 'n.producer_id');
    if (actor.role !== Role.PRODUCER)
      where = `EXISTS (SELECT 1 FROM certification.certificate c WHERE c.id = n.certificate_id AND (${scope.sql}))`;
    if (q.certificateId) {
      params.push(q.certificateId);
      where += ` AND n.certificate_id = $${params.length}`;
    }
    params.push(q.limit ?? DEFAULT_PAGE.limit, q.offset ?? DEFAULT_PAGE.offset);
    return this.ds.query(
      `SELECT n.id, n.producer_id AS "producerId", n.template, n.subject, n.body, n.status, n.certificate_id AS "certificateId", n.created_at AS "createdAt"
      FROM certification.notification n WHERE ${where} ORDER BY n.created_at, n.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
  }

  private route<Req extends object>(
    subject: string,
    request: (new () => Req) | undefined,
    handle: RpcRoute<Req, unknown>['handle'],
  ): RpcRoute<Req, unknown> {
    return { subject, request, handle };
  }
}
