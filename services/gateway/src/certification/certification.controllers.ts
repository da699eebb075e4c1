import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  CERTIFICATION_JOB_NAMES,
  CertificateView,
  CertificationJobReportView,
  CertificationSubjects as S,
  DecisionView,
  ListCertificatesQuery,
  ListDecisionsQuery,
  ListNotificationsQuery,
  ListRevocationsQuery,
  NotificationView,
  RejectRevocationBody,
  RequestRevocationCommand,
  RevocationView,
  RunJobBody,
  type Actor,
  type PdfView,
} from '@ocop/contracts';
import { CurrentActor, RolesOf } from '@ocop/auth';
import { RpcClient } from '@ocop/messaging';
import { ApiProblems } from '../http/api-problems.decorator';
import { UuidParam } from '../http/validation.pipe';
import { sendFile } from '../http/file.reply';

@ApiTags('certification: certificates and decisions')
@ApiProblems()
@Controller('certification')
export class CertificatesController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  /** Certificates the caller may see: producers their own, officers their province or district. */
  @Get('certificates')
  @RolesOf(S.certificateList)
  @ApiOkResponse({ type: [CertificateView] })
  list(@CurrentActor() actor: Actor, @Query() q: ListCertificatesQuery): Promise<CertificateView[]> {
    return this.rpc.request(S.certificateList, q, { actor });
  }

  @Get('certificates/:id')
  @RolesOf(S.certificateGet)
  @ApiOkResponse({ type: CertificateView })
  get(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<CertificateView> {
    return this.rpc.request(S.certificateGet, { certificateId: id }, { actor });
  }

  /** The certificate in Vietnamese, with its QR code. */
  @Get('certificates/:id/certificate.pdf')
  @RolesOf(S.certificatePdf)
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The certificate as a PDF', schema: { type: 'string', format: 'binary' } })
  async pdf(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string, @Res() reply: FastifyReply): Promise<void> {
    await sendFile(reply, await this.rpc.request<PdfView>(S.certificatePdf, { certificateId: id }, { actor }));
  }

  @Get('decisions')
  @RolesOf(S.decisionList)
  @ApiOkResponse({ type: [DecisionView] })
  decisions(@CurrentActor() actor: Actor, @Query() q: ListDecisionsQuery): Promise<DecisionView[]> {
    return this.rpc.request(S.decisionList, q, { actor });
  }

  @Get('decisions/:id')
  @RolesOf(S.decisionGet)
  @ApiOkResponse({ type: DecisionView })
  decision(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<DecisionView> {
    return this.rpc.request(S.decisionGet, { decisionId: id }, { actor });
  }

  @Get('decisions/:id/decision.pdf')
  @RolesOf(S.decisionPdf)
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The decision as a PDF', schema: { type: 'string', format: 'binary' } })
  async decisionPdf(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string, @Res() reply: FastifyReply): Promise<void> {
    await sendFile(reply, await this.rpc.request<PdfView>(S.decisionPdf, { decisionId: id }, { actor }));
  }

  /** Messages sent to producers about their certificates (the message outbox). */
  @Get('notifications')
  @RolesOf(S.notificationList)
  @ApiOkResponse({ type: [NotificationView] })
  notifications(@CurrentActor() actor: Actor, @Query() q: ListNotificationsQuery): Promise<NotificationView[]> {
    return this.rpc.request(S.notificationList, q, { actor });
  }
}

@ApiTags('certification: revocation')
@ApiProblems()
@Controller('certification/revocations')
export class RevocationsController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  /** A revocation request from the standing office, a district office or an inspector. */
  @Post()
  @RolesOf(S.revocationRequest)
  @ApiCreatedResponse({ type: RevocationView })
  request(@CurrentActor() actor: Actor, @Body() body: RequestRevocationCommand): Promise<RevocationView> {
    return this.rpc.request(S.revocationRequest, body, { actor });
  }

  @Get()
  @RolesOf(S.revocationList)
  @ApiOkResponse({ type: [RevocationView] })
  list(@CurrentActor() actor: Actor, @Query() q: ListRevocationsQuery): Promise<RevocationView[]> {
    return this.rpc.request(S.revocationList, q, { actor });
  }

  @Get(':id')
  @RolesOf(S.revocationGet)
  @ApiOkResponse({ type: RevocationView })
  get(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<RevocationView> {
    return this.rpc.request(S.revocationGet, { revocationId: id }, { actor });
  }

  /** The issuing authority decides: a revocation decision citing the original one; the certificate is REVOKED. */
  @Post(':id/decide')
  @HttpCode(200)
  @RolesOf(S.revocationDecide)
  @ApiOkResponse({ type: RevocationView })
  decide(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<RevocationView> {
    return this.rpc.request(S.revocationDecide, { revocationId: id }, { actor });
  }

  @Post(':id/reject')
  @HttpCode(200)
  @RolesOf(S.revocationReject)
  @ApiOkResponse({ type: RevocationView })
  reject(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Body() body: RejectRevocationBody,
  ): Promise<RevocationView> {
    return this.rpc.request(S.revocationReject, { ...body, revocationId: id }, { actor });
  }

  /** The certificate came back and the OCOP mark is off the packaging. */
  @Post(':id/confirm-return')
  @HttpCode(200)
  @RolesOf(S.revocationConfirmReturn)
  @ApiOkResponse({ type: RevocationView })
  confirmReturn(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<RevocationView> {
    return this.rpc.request(S.revocationConfirmReturn, { revocationId: id }, { actor });
  }
}

@ApiTags('certification: jobs')
@ApiProblems()
@Controller('certification/jobs')
export class CertificationJobsController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  /** Runs a scheduled job now (admin); outside production with an explicit as-of instant. */
  @Post(':name/run')
  @HttpCode(200)
  @RolesOf(S.jobRun)
  @ApiParam({ name: 'name', enum: CERTIFICATION_JOB_NAMES })
  @ApiOkResponse({ type: CertificationJobReportView, description: "The job's report" })
  run(@CurrentActor() actor: Actor, @Param('name') name: string, @Body() body: RunJobBody): Promise<unknown> {
    return this.rpc.request(S.jobRun, { ...body, name }, { actor, timeoutMs: 600_000 });
  }
}
