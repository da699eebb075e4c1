import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  CancelSampleBody,
  CollectSampleBody,
  CredentialRevocationView,
  INSPECTION_JOB_NAMES,
  InspectionJobReportView,
  InspectionSubjects as S,
  LabCredentialView,
  LabView,
  ListSamplesQuery,
  RecordResultBody,
  RegisterLabCommand,
  RequestSampleCommand,
  RunInspectionJobBody,
  SampleView,
  type Actor,
} from '@ocop/contracts';
import { CurrentActor, RolesOf } from '@ocop/auth';
import { RpcClient } from '@ocop/messaging';
import { ApiProblems } from '../http/api-problems.decorator';
import { UuidParam } from '../http/validation.pipe';

@ApiTags('inspection: labs')
@ApiProblems()
@Controller('inspection/labs')
export class LabsController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  /** Registers an accredited lab with its indicators, turnaround and contacts (standing office). */
  @Post()
  @RolesOf(S.labRegister)
  @ApiCreatedResponse({ type: LabView })
  register(@CurrentActor() actor: Actor, @Body() body: RegisterLabCommand): Promise<LabView> {
    return this.rpc.request(S.labRegister, body, { actor });
  }

  @Get()
  @RolesOf(S.labList)
  @ApiOkResponse({ type: [LabView] })
  list(@CurrentActor() actor: Actor): Promise<LabView[]> {
    return this.rpc.request(S.labList, {}, { actor });
  }

  /** A credential for the lab's own service to send results on its NATS subject (admin; the token is shown once). */
  @Post(':id/credentials')
  @RolesOf(S.labIssueCredential)
  @ApiCreatedResponse({ type: LabCredentialView })
  credential(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<LabCredentialView> {
    return this.rpc.request(S.labIssueCredential, { labId: id }, { actor });
  }
}

@ApiTags('inspection: labs')
@ApiProblems()
@Controller('inspection/labs/:id/credentials')
export class LabCredentialsController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  /** Revokes a lab service's credential (admin): its NATS messages are refused from now on. */
  @Delete(':credentialId')
  @RolesOf(S.labRevokeCredential)
  @ApiOkResponse({ type: CredentialRevocationView })
  revoke(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Param('credentialId', new UuidParam()) credentialId: string,
  ): Promise<unknown> {
    return this.rpc.request(S.labRevokeCredential, { labId: id, credentialId }, { actor });
  }
}

@ApiTags('inspection: samples and lab results')
@ApiProblems()
@Controller('inspection/samples')
export class SamplesController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  /** A sample for a province-tier evaluation, sent to a lab (indicators default by product set). */
  @Post()
  @RolesOf(S.sampleRequest)
  @ApiCreatedResponse({ type: SampleView })
  request(@CurrentActor() actor: Actor, @Body() body: RequestSampleCommand): Promise<SampleView> {
    return this.rpc.request(S.sampleRequest, body, { actor });
  }

  /** Samples the caller may see: the office its province, a lab what was sent to it, a producer its own. */
  @Get()
  @RolesOf(S.sampleList)
  @ApiOkResponse({ type: [SampleView] })
  list(@CurrentActor() actor: Actor, @Query() q: ListSamplesQuery): Promise<SampleView[]> {
    return this.rpc.request(S.sampleList, q, { actor });
  }

  @Get(':id')
  @RolesOf(S.sampleGet)
  @ApiOkResponse({ type: SampleView })
  get(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<SampleView> {
    return this.rpc.request(S.sampleGet, { sampleId: id }, { actor });
  }

  @Post(':id/collect')
  @HttpCode(200)
  @RolesOf(S.sampleCollect)
  @ApiOkResponse({ type: SampleView })
  collect(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string, @Body() body: CollectSampleBody): Promise<SampleView> {
    return this.rpc.request(S.sampleCollect, { ...body, sampleId: id }, { actor });
  }

  @Post(':id/dispatch')
  @HttpCode(200)
  @RolesOf(S.sampleDispatch)
  @ApiOkResponse({ type: SampleView })
  dispatch(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<SampleView> {
    return this.rpc.request(S.sampleDispatch, { sampleId: id }, { actor });
  }

  /** The lab confirms it has the sample. */
  @Post(':id/receive')
  @HttpCode(200)
  @RolesOf(S.sampleReceive)
  @ApiOkResponse({ type: SampleView })
  receive(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<SampleView> {
    return this.rpc.request(S.sampleReceive, { sampleId: id }, { actor });
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RolesOf(S.sampleCancel)
  @ApiOkResponse({ type: SampleView })
  cancel(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string, @Body() body: CancelSampleBody): Promise<SampleView> {
    return this.rpc.request(S.sampleCancel, { ...body, sampleId: id }, { actor });
  }

  /** The lab's result (phiếu kết quả kiểm nghiệm): per indicator and overall. The same result again changes nothing; a different one is refused. */
  @Post(':id/result')
  @HttpCode(200)
  @RolesOf(S.sampleRecordResult)
  @ApiOkResponse({ type: SampleView })
  result(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string, @Body() body: RecordResultBody): Promise<SampleView> {
    return this.rpc.request(S.sampleRecordResult, { ...body, sampleId: id }, { actor });
  }
}

@ApiTags('inspection: jobs')
@ApiProblems()
@Controller('inspection/jobs')
export class InspectionJobsController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  /** Runs the sample follow-up sweep now (admin); outside production with an explicit as-of instant. */
  @Post(':name/run')
  @HttpCode(200)
  @RolesOf(S.jobRun)
  @ApiParam({ name: 'name', enum: INSPECTION_JOB_NAMES })
  @ApiOkResponse({ type: InspectionJobReportView, description: "The job's report" })
  run(@CurrentActor() actor: Actor, @Param('name') name: string, @Body() body: RunInspectionJobBody): Promise<unknown> {
    return this.rpc.request(S.jobRun, { ...body, name }, { actor, timeoutMs: 600_000 });
  }
}
