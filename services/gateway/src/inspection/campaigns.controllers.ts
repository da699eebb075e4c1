import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiPayloadTooLargeResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  AssignTaskBody,
  CampaignView,
  CoverageQuery,
  EvidenceView,
  CompleteTaskBody,
  CoverageView,
  CreateCampaignCommand,
  CreateRecurrenceCommand,
  InspectionSubjects as S,
  ListTasksQuery,
  ListViolationsQuery,
  RecurrenceView,
  RunRecurrenceBody,
  TaskCompletionView,
  TaskView,
  ViolationView,
  type Actor,
} from '@ocop/contracts';
import { CurrentActor, RolesOf } from '@ocop/auth';
import { RpcClient } from '@ocop/messaging';
import type { ObjectStorage } from '@ocop/persistence';
import { GATEWAY_CONFIG, OBJECT_STORAGE } from '../gateway.tokens';
import type { GatewayConfig } from '../config/gateway.config';
import { readUpload, storeThenSend } from '../http/uploads.parser';
import { ApiProblems } from '../http/api-problems.decorator';
import { UuidParam } from '../http/validation.pipe';

@ApiTags('inspection: campaigns')
@ApiProblems()
@Controller('inspection')
export class CampaignsController {
  constructor(
    @Inject(RpcClient) private readonly rpc: RpcClient,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** Plans a campaign: scope, selection rule, checklist and team (standing office). */
  @Post('campaigns')
  @RolesOf(S.campaignCreate)
  @ApiCreatedResponse({ type: CampaignView })
  create(@CurrentActor() actor: Actor, @Body() body: CreateCampaignCommand): Promise<CampaignView> {
    return this.rpc.request(S.campaignCreate, body, { actor });
  }

  @Get('campaigns')
  @RolesOf(S.campaignList)
  @ApiOkResponse({ type: [CampaignView] })
  list(@CurrentActor() actor: Actor): Promise<CampaignView[]> {
    return this.rpc.request(S.campaignList, {}, { actor });
  }

  @Get('campaigns/:id')
  @RolesOf(S.campaignGet)
  @ApiOkResponse({ type: CampaignView })
  get(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<CampaignView> {
    return this.rpc.request(S.campaignGet, { campaignId: id }, { actor });
  }

  /** Selects the certificates by the campaign's rule and creates the tasks, assigned round-robin to its inspectors. */
  @Post('campaigns/:id/select')
  @HttpCode(200)
  @RolesOf(S.campaignSelect)
  @ApiOkResponse({ type: CampaignView })
  select(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<CampaignView> {
    return this.rpc.request(S.campaignSelect, { campaignId: id }, { actor, timeoutMs: 60_000 });
  }

  /** An inspector's assigned tasks; the office's and agencies' view of the province. */
  @Get('tasks')
  @RolesOf(S.taskList)
  @ApiOkResponse({ type: [TaskView] })
  tasks(@CurrentActor() actor: Actor, @Query() q: ListTasksQuery): Promise<TaskView[]> {
    return this.rpc.request(S.taskList, q, { actor });
  }

  /** The office assigns an open task to an inspector (tasks of campaigns opened by an agency's report start unassigned). */
  @Post('tasks/:id/assign')
  @HttpCode(200)
  @RolesOf(S.taskAssign)
  @ApiOkResponse({ type: TaskView })
  assign(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string, @Body() body: AssignTaskBody): Promise<TaskView> {
    return this.rpc.request(S.taskAssign, { ...body, taskId: id }, { actor });
  }

  /** Evidence for a task (photo or document: PDF, JPEG, PNG) as multipart/form-data field `file`; findings cite its storageKey. */
  @Post('tasks/:id/evidence')
  @RolesOf(S.taskAttachEvidence)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: EvidenceView })
  @ApiPayloadTooLargeResponse({ description: 'File larger than the upload limit (problem+json FILE_TOO_LARGE)' })
  async evidence(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Req() req: FastifyRequest,
  ): Promise<EvidenceView> {
    const upload = await readUpload(req, this.config.uploadLimitBytes);
    return storeThenSend(this.storage, `inspection/tasks/${id}`, upload, (file) =>
      this.rpc.request<EvidenceView>(S.taskAttachEvidence, { taskId: id, ...file }, { actor }),
    );
  }

  /** The assigned inspector records one finding per checklist item; minor and major ones get corrective deadlines, a critical one a revocation request. */
  @Post('tasks/:id/complete')
  @HttpCode(200)
  @RolesOf(S.taskComplete)
  @ApiOkResponse({ type: TaskCompletionView })
  complete(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Body() body: CompleteTaskBody,
  ): Promise<{ task: TaskView; violations: ViolationView[] }> {
    return this.rpc.request(S.taskComplete, { ...body, taskId: id }, { actor });
  }

  @Get('violations')
  @RolesOf(S.violationList)
  @ApiOkResponse({ type: [ViolationView] })
  violations(@CurrentActor() actor: Actor, @Query() q: ListViolationsQuery): Promise<ViolationView[]> {
    return this.rpc.request(S.violationList, q, { actor });
  }

  /** The follow-up inspection found it corrected. */
  @Post('violations/:id/correct')
  @HttpCode(200)
  @RolesOf(S.violationCorrect)
  @ApiOkResponse({ type: ViolationView })
  correct(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<ViolationView> {
    return this.rpc.request(S.violationCorrect, { violationId: id }, { actor });
  }

  /** A recurring campaign (e.g. quarterly, Q3–Q4): a BullMQ job scheduler creates and selects one campaign per period. */
  @Post('campaign-recurrences')
  @RolesOf(S.recurrenceCreate)
  @ApiCreatedResponse({ type: RecurrenceView })
  createRecurrence(@CurrentActor() actor: Actor, @Body() body: CreateRecurrenceCommand): Promise<RecurrenceView> {
    return this.rpc.request(S.recurrenceCreate, body, { actor });
  }

  @Get('campaign-recurrences')
  @RolesOf(S.recurrenceList)
  @ApiOkResponse({ type: [RecurrenceView] })
  recurrences(@CurrentActor() actor: Actor): Promise<RecurrenceView[]> {
    return this.rpc.request(S.recurrenceList, {}, { actor });
  }

  /** Runs a recurrence now (admin): its campaign for the period starting on the as-of day, created and selected once. */
  @Post('campaign-recurrences/:id/run')
  @HttpCode(200)
  @RolesOf(S.recurrenceRun)
  @ApiOkResponse({ type: CampaignView })
  runRecurrence(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Body() body: RunRecurrenceBody,
  ): Promise<CampaignView> {
    return this.rpc.request(S.recurrenceRun, { ...body, recurrenceId: id }, { actor, timeoutMs: 60_000 });
  }

  /** Active certificates not inspected during their validity so far (X-As-Of outside production). */
  @Get('coverage')
  @RolesOf(S.coverage)
  @ApiOkResponse({ type: CoverageView })
  coverage(@CurrentActor() actor: Actor, @Query() q: CoverageQuery): Promise<CoverageView> {
    return this.rpc.request(S.coverage, q, { actor });
  }
}
