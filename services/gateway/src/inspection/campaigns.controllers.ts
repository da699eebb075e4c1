import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AssignTaskBody, CampaignView, CompleteTaskBody, CoverageView, CreateCampaignCommand, CreateRecurrenceCommand, InspectionSubjects as S, ListTasksQuery, RecurrenceView, Role,
  RunRecurrenceBody, TaskView, ViolationView, type Actor,
} from '@ocop/contracts';
import { CurrentActor, Roles } from '@ocop/auth';
import { RpcClient } from '@ocop/messaging';
import { ApiProblems } from '../http/api-problems.decorator';
import { UuidParam } from '../http/pipes';

const OFFICE = [Role.PROVINCE_OFFICE, Role.ADMIN];
const STAFF = [...OFFICE, Role.INSPECTOR, Role.AGENCY_OFFICER];

@ApiTags('inspection: campaigns')
@ApiProblems()
@Controller('inspection')
export class CampaignsController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  /** Plans a campaign: scope, selection rule, checklist and team (standing office). */
  @Post('campaigns')
  @Roles(...OFFICE)
  @ApiCreatedResponse({ type: CampaignView })
  create(@CurrentActor() actor: Actor, @Body() body: CreateCampaignCommand): Promise<CampaignView> {
    return this.rpc.request(S.campaignCreate, body, { actor });
  }

  @Get('campaigns')
  @Roles(...STAFF)
  @ApiOkResponse({ type: [CampaignView] })
  list(@CurrentActor() actor: Actor): Promise<CampaignView[]> {
    return this.rpc.request(S.campaignList, {}, { actor });
  }

  @Get('campaigns/:id')
  @Roles(...STAFF)
  @ApiOkResponse({ type: CampaignView })
  get(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<CampaignView> {
    return this.rpc.request(S.campaignGet, { campaignId: id }, { actor });
  }

  /** Selects the certificates by the campaign's rule and creates the tasks, assigned round-robin to its inspectors. */
  @Post('campaigns/:id/select')
  @HttpCode(200)
  @Roles(...OFFICE)
  @ApiOkResponse({ type: CampaignView })
  select(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<CampaignView> {
    return this.rpc.request(S.campaignSelect, { campaignId: id }, { actor, timeoutMs: 60_000 });
  }

  /** An inspector's assigned tasks; the office's and agencies' view of the province. */
  @Get('tasks')
  @Roles(...STAFF)
  @ApiOkResponse({ type: [TaskView] })
  tasks(@CurrentActor() actor: Actor, @Query() q: ListTasksQuery): Promise<TaskView[]> {
    return this.rpc.request(S.taskList, q, { actor });
  }

  /** The office assigns an open task to an inspector (tasks of campaigns opened by an agency's report start unassigned). */
  @Post('tasks/:id/assign')
  @HttpCode(200)
  @Roles(...OFFICE)
  @ApiOkResponse({ type: TaskView })
  assign(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string, @Body() body: AssignTaskBody): Promise<TaskView> {
    return this.rpc.request(S.taskAssign, { ...body, taskId: id }, { actor });
  }

  /** The assigned inspector records one finding per checklist item; minor and major ones get corrective deadlines, a critical one a revocation request. */
  @Post('tasks/:id/complete')
  @HttpCode(200)
  @Roles(...OFFICE, Role.INSPECTOR)
  @ApiOkResponse({ description: '{ task, violations }' })
  complete(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string, @Body() body: CompleteTaskBody): Promise<{ task: TaskView; violations: ViolationView[] }> {
    return this.rpc.request(S.taskComplete, { ...body, taskId: id }, { actor });
  }

  @Get('violations')
  @Roles(...STAFF)
  @ApiOkResponse({ type: [ViolationView] })
  violations(@CurrentActor() actor: Actor): Promise<ViolationView[]> {
    return this.rpc.request(S.violationList, {}, { actor });
  }

  /** The follow-up inspection found it corrected. */
  @Post('violations/:id/correct')
  @HttpCode(200)
  @Roles(...OFFICE, Role.INSPECTOR)
  @ApiOkResponse({ type: ViolationView })
  correct(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<ViolationView> {
    return this.rpc.request(S.violationCorrect, { violationId: id }, { actor });
  }

  /** A recurring campaign (e.g. quarterly, Q3–Q4): a BullMQ job scheduler creates and selects one campaign per period. */
  @Post('campaign-recurrences')
  @Roles(...OFFICE)
  @ApiCreatedResponse({ type: RecurrenceView })
  createRecurrence(@CurrentActor() actor: Actor, @Body() body: CreateRecurrenceCommand): Promise<RecurrenceView> {
    return this.rpc.request(S.recurrenceCreate, body, { actor });
  }

  @Get('campaign-recurrences')
  @Roles(...STAFF)
  @ApiOkResponse({ type: [RecurrenceView] })
  recurrences(@CurrentActor() actor: Actor): Promise<RecurrenceView[]> {
    return this.rpc.request(S.recurrenceList, {}, { actor });
  }

  /** Runs a recurrence now (admin): its campaign for the period starting on the as-of day, created and selected once. */
  @Post('campaign-recurrences/:id/run')
  @HttpCode(200)
  @Roles(Role.ADMIN)
  @ApiOkResponse({ type: CampaignView })
  runRecurrence(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string, @Body() body: RunRecurrenceBody): Promise<CampaignView> {
    return this.rpc.request(S.recurrenceRun, { ...body, recurrenceId: id }, { actor, timeoutMs: 60_000 });
  }

  /** Active certificates not inspected during their validity so far (X-As-Of outside production). */
  @Get('coverage')
  @Roles(...STAFF)
  @ApiOkResponse({ type: CoverageView })
  coverage(@CurrentActor() actor: Actor): Promise<CoverageView> {
    return this.rpc.request(S.coverage, {}, { actor });
  }
}
