import { Inject, Injectable } from '@nestjs/common';
import {
  AppError,
  CampaignIdQuery,
  CancelSampleCommand,
  CollectSampleCommand,
  CompleteTaskCommand,
  CreateCampaignCommand,
  InspectionSubjects as S,
  LabCredentialQuery,
  LabIdQuery,
  ListSamplesQuery,
  ListTasksQuery,
  ListViolationsQuery,
  RecordResultCommand,
  CreateRecurrenceCommand,
  RunRecurrenceCommand,
  AssignTaskCommand,
  AttachEvidenceCommand,
  CoverageQuery,
  RegisterLabCommand,
  RequestSampleCommand,
  Role,
  RunInspectionJobCommand,
  SampleIdQuery,
  ViolationIdQuery,
} from '@ocop/contracts';
import { requireActor, requireRole, type RpcRoute } from '@ocop/messaging';
import { runAsOf } from '@ocop/observability';
import { INSPECTION_CONFIG } from './inspection.tokens';
import type { InspectionConfig } from './config/inspection.config';
import { InspectionJobs } from './jobs/inspection-jobs';
import { RegisterLabUseCase } from './labs/register-lab.use-case';
import { ListLabsQuery } from './labs/list-labs.query';
import { IssueLabCredentialUseCase } from './labs/issue-lab-credential.use-case';
import { RevokeLabCredentialUseCase } from './labs/revoke-lab-credential.use-case';
import { RequestSampleUseCase } from './samples/request-sample.use-case';
import { ListSamplesQuery as ListSamples } from './samples/list-samples.query';
import { GetSampleQuery } from './samples/get-sample.query';
import { TakeSampleStepUseCase } from './samples/take-sample-step.use-case';
import { CancelSampleUseCase } from './samples/cancel-sample.use-case';
import { RecordSampleResultUseCase } from './samples/record-sample-result.use-case';
import { CreateCampaignUseCase } from './campaigns/create-campaign.use-case';
import { ListCampaignsQuery } from './campaigns/list-campaigns.query';
import { GetCampaignQuery } from './campaigns/get-campaign.query';
import { SelectCampaignUseCase } from './campaigns/select-campaign.use-case';
import { ListTasksQuery as ListTasks } from './tasks/list-tasks.query';
import { AttachEvidenceUseCase } from './tasks/attach-evidence.use-case';
import { AssignTaskUseCase } from './tasks/assign-task.use-case';
import { CompleteTaskUseCase } from './tasks/complete-task.use-case';
import { ListViolationsQuery as ListViolations } from './violations/list-violations.query';
import { CorrectViolationUseCase } from './violations/correct-violation.use-case';
import { ReportCoverageQuery } from './coverage/report-coverage.query';
import { CreateRecurrenceUseCase } from './recurrences/create-recurrence.use-case';
import { ListRecurrencesQuery } from './recurrences/list-recurrences.query';
import { RunRecurrenceUseCase } from './recurrences/run-recurrence.use-case';

/** The NATS edge of inspection: one use case or query per request. */
@Injectable()
export class InspectionHandler {
  constructor(
    @Inject(INSPECTION_CONFIG) private readonly config: InspectionConfig,
    private readonly jobs: InspectionJobs,
    private readonly registerLab: RegisterLabUseCase,
    private readonly listLabs: ListLabsQuery,
    private readonly issueLabCredential: IssueLabCredentialUseCase,
    private readonly revokeLabCredential: RevokeLabCredentialUseCase,
    private readonly requestSample: RequestSampleUseCase,
    private readonly listSamples: ListSamples,
    private readonly getSample: GetSampleQuery,
    private readonly takeSampleStep: TakeSampleStepUseCase,
    private readonly cancelSample: CancelSampleUseCase,
    private readonly recordSampleResult: RecordSampleResultUseCase,
    private readonly createCampaign: CreateCampaignUseCase,
    private readonly listCampaigns: ListCampaignsQuery,
    private readonly getCampaign: GetCampaignQuery,
    private readonly selectCampaign: SelectCampaignUseCase,
    private readonly listTasks: ListTasks,
    private readonly attachEvidence: AttachEvidenceUseCase,
    private readonly assignTask: AssignTaskUseCase,
    private readonly completeTask: CompleteTaskUseCase,
    private readonly listViolations: ListViolations,
    private readonly correctViolation: CorrectViolationUseCase,
    private readonly reportCoverage: ReportCoverageQuery,
    private readonly createRecurrence: CreateRecurrenceUseCase,
    private readonly listRecurrences: ListRecurrencesQuery,
    private readonly runRecurrence: RunRecurrenceUseCase,
  ) {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route has its own contract class
  routes(): RpcRoute<any, unknown>[] {
    return [
      this.route(S.labRegister, RegisterLabCommand, async (c, ctx) => this.registerLab.execute(requireActor(ctx), c)),
      this.route(S.labList, undefined, async (_q, ctx) => this.listLabs.execute(requireActor(ctx))),
      this.route(S.labIssueCredential, LabIdQuery, async (c, ctx) => this.issueLabCredential.execute(requireActor(ctx), c.labId, ctx.asOf)),
      this.route(S.labRevokeCredential, LabCredentialQuery, async (c, ctx) =>
        this.revokeLabCredential.execute(requireActor(ctx), c.labId, c.credentialId, ctx.asOf),
      ),
      this.route(S.sampleRequest, RequestSampleCommand, async (c, ctx) => this.requestSample.execute(requireActor(ctx), c, ctx.asOf)),
      this.route(S.sampleList, ListSamplesQuery, async (q, ctx) => this.listSamples.execute(requireActor(ctx), q)),
      this.route(S.sampleGet, SampleIdQuery, async (q, ctx) => this.getSample.execute(requireActor(ctx), q.sampleId)),
      this.route(S.sampleCollect, CollectSampleCommand, async (c, ctx) =>
        this.takeSampleStep.execute(requireActor(ctx), c.sampleId, 'COLLECT', ctx.asOf, {
          collectedBy: c.collectedBy,
          at: c.collectedAt ? new Date(c.collectedAt) : undefined,
        }),
      ),
      this.route(S.sampleDispatch, SampleIdQuery, async (c, ctx) =>
        this.takeSampleStep.execute(requireActor(ctx), c.sampleId, 'DISPATCH', ctx.asOf),
      ),
      this.route(S.sampleReceive, SampleIdQuery, async (c, ctx) =>
        this.takeSampleStep.execute(requireActor(ctx), c.sampleId, 'RECEIVE', ctx.asOf),
      ),
      this.route(S.sampleCancel, CancelSampleCommand, async (c, ctx) =>
        this.cancelSample.execute(requireActor(ctx), c.sampleId, c.reason, ctx.asOf),
      ),
      this.route(S.sampleRecordResult, RecordResultCommand, async (c, ctx) =>
        this.recordSampleResult.execute({ via: 'API', actor: requireActor(ctx) }, c.sampleId, c, ctx.asOf),
      ),
      this.route(S.jobRun, RunInspectionJobCommand, async (c, ctx) => {
        requireRole(ctx, [Role.ADMIN]);
        if (c.asOf && this.config.mode === 'production')
          throw AppError.validation('AS_OF_NOT_ALLOWED', 'as-of runs are refused in production mode', 'asOf');
        const asOf = c.asOf ? new Date(c.asOf) : ctx.asOf;
        return { name: c.name, asOf: asOf.toISOString(), result: await this.jobs.runNow(c.name, asOf) };
      }),
      this.route(S.campaignCreate, CreateCampaignCommand, async (c, ctx) => this.createCampaign.execute(requireActor(ctx), c, ctx.asOf)),
      this.route(S.campaignList, undefined, async (_q, ctx) => this.listCampaigns.execute(requireActor(ctx))),
      this.route(S.campaignGet, CampaignIdQuery, async (q, ctx) => this.getCampaign.execute(requireActor(ctx), q.campaignId)),
      this.route(S.campaignSelect, CampaignIdQuery, async (c, ctx) =>
        this.selectCampaign.execute(requireActor(ctx), c.campaignId, ctx.asOf),
      ),
      this.route(S.taskList, ListTasksQuery, async (q, ctx) => this.listTasks.execute(requireActor(ctx), q)),
      this.route(S.taskAttachEvidence, AttachEvidenceCommand, async (c, ctx) =>
        this.attachEvidence.execute(requireActor(ctx), c, ctx.asOf),
      ),
      this.route(S.taskAssign, AssignTaskCommand, async (c, ctx) =>
        this.assignTask.execute(requireActor(ctx), c.taskId, c.inspectorUserId),
      ),
      this.route(S.taskComplete, CompleteTaskCommand, async (c, ctx) =>
        this.completeTask.execute(requireActor(ctx), c.taskId, c, ctx.asOf),
      ),
      this.route(S.violationList, ListViolationsQuery, async (q, ctx) => this.listViolations.execute(requireActor(ctx), q)),
      this.route(S.violationCorrect, ViolationIdQuery, async (c, ctx) =>
        this.correctViolation.execute(requireActor(ctx), c.violationId, ctx.asOf),
      ),
      this.route(S.coverage, CoverageQuery, async (q, ctx) => this.reportCoverage.execute(requireActor(ctx), ctx.asOf, q.withinMonths)),
      this.route(S.recurrenceCreate, CreateRecurrenceCommand, async (c, ctx) =>
        this.createRecurrence.execute(requireActor(ctx), c, ctx.asOf),
      ),
      this.route(S.recurrenceList, undefined, async (_q, ctx) => {
        const next = new Map((await this.jobs.queue.schedulers()).map((x) => [x.id, x.next ?? null]));
        return (await this.listRecurrences.execute(requireActor(ctx))).map((r) => ({
          ...r,
          nextRunAt: next.get(`campaign-recurrence-${r.id}`) ?? null,
        }));
      }),
      this.route(S.recurrenceRun, RunRecurrenceCommand, async (c, ctx) => {
        requireRole(ctx, [Role.ADMIN]);
        if (c.asOf && this.config.mode === 'production')
          throw AppError.validation('AS_OF_NOT_ALLOWED', 'as-of runs are refused in production mode', 'asOf');
        const asOf = c.asOf ? new Date(c.asOf) : ctx.asOf;
        return runAsOf(asOf, 'job', () => this.runRecurrence.execute(c.recurrenceId, asOf));
      }),
    ];
  }

  private route<Req extends object>(
    subject: string,
    request: (new () => Req) | undefined,
    handle: RpcRoute<Req, unknown>['handle'],
  ): RpcRoute<Req, unknown> {
    return { subject, request, handle };
  }
}
