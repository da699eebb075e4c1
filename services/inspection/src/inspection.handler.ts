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
import { CampaignsUseCases } from './campaigns/campaigns.use-cases';
import { requireActor, requireRole, type RpcRoute } from '@ocop/messaging';
import { runAsOf } from '@ocop/observability';
import { INSPECTION_CONFIG } from './inspection.tokens';
import type { InspectionConfig } from './config/inspection.config';
import { LabsUseCases } from './labs/labs.use-cases';
import { SamplesUseCases } from './samples/samples.use-cases';
import { InspectionJobs } from './jobs/inspection-jobs';

/** The NATS edge of inspection: one use case or query per request. */
@Injectable()
export class InspectionHandler {
  constructor(
    @Inject(INSPECTION_CONFIG) private readonly config: InspectionConfig,
    private readonly labs: LabsUseCases,
    private readonly samples: SamplesUseCases,
    private readonly jobs: InspectionJobs,
    private readonly campaigns: CampaignsUseCases,
  ) {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route has its own contract class
  routes(): RpcRoute<any, unknown>[] {
    return [
      this.route(S.labRegister, RegisterLabCommand, async (c, ctx) => this.labs.register(requireActor(ctx), c)),
      this.route(S.labList, undefined, async (_q, ctx) => this.labs.list(requireActor(ctx))),
      this.route(S.labIssueCredential, LabIdQuery, async (c, ctx) => this.labs.issueCredential(requireActor(ctx), c.labId, ctx.asOf)),
      this.route(S.labRevokeCredential, LabCredentialQuery, async (c, ctx) =>
        this.labs.revokeCredential(requireActor(ctx), c.labId, c.credentialId, ctx.asOf),
      ),
      this.route(S.sampleRequest, RequestSampleCommand, async (c, ctx) => this.samples.request(requireActor(ctx), c, ctx.asOf)),
      this.route(S.sampleList, ListSamplesQuery, async (q, ctx) => this.samples.list(requireActor(ctx), q)),
      this.route(S.sampleGet, SampleIdQuery, async (q, ctx) => this.samples.get(requireActor(ctx), q.sampleId)),
      this.route(S.sampleCollect, CollectSampleCommand, async (c, ctx) =>
        this.samples.step(requireActor(ctx), c.sampleId, 'COLLECT', ctx.asOf, {
          collectedBy: c.collectedBy,
          at: c.collectedAt ? new Date(c.collectedAt) : undefined,
        }),
      ),
      this.route(S.sampleDispatch, SampleIdQuery, async (c, ctx) => this.samples.step(requireActor(ctx), c.sampleId, 'DISPATCH', ctx.asOf)),
      this.route(S.sampleReceive, SampleIdQuery, async (c, ctx) => this.samples.step(requireActor(ctx), c.sampleId, 'RECEIVE', ctx.asOf)),
      this.route(S.sampleCancel, CancelSampleCommand, async (c, ctx) =>
        this.samples.cancel(requireActor(ctx), c.sampleId, c.reason, ctx.asOf),
      ),
      this.route(S.sampleRecordResult, RecordResultCommand, async (c, ctx) =>
        this.samples.recordResult({ via: 'API', actor: requireActor(ctx) }, c.sampleId, c, ctx.asOf),
      ),
      this.route(S.jobRun, RunInspectionJobCommand, async (c, ctx) => {
        requireRole(ctx, [Role.ADMIN]);
        if (c.asOf && this.config.mode === 'production')
          throw AppError.validation('AS_OF_NOT_ALLOWED', 'as-of runs are refused in production mode', 'asOf');
        const asOf = c.asOf ? new Date(c.asOf) : ctx.asOf;
        return { name: c.name, asOf: asOf.toISOString(), result: await this.jobs.runNow(c.name, asOf) };
      }),
      this.route(S.campaignCreate, CreateCampaignCommand, async (c, ctx) => this.campaigns.create(requireActor(ctx), c, ctx.asOf)),
      this.route(S.campaignList, undefined, async (_q, ctx) => this.campaigns.list(requireActor(ctx))),
      this.route(S.campaignGet, CampaignIdQuery, async (q, ctx) => this.campaigns.get(requireActor(ctx), q.campaignId)),
      this.route(S.campaignSelect, CampaignIdQuery, async (c, ctx) => this.campaigns.select(requireActor(ctx), c.campaignId, ctx.asOf)),
      this.route(S.taskList, ListTasksQuery, async (q, ctx) => this.campaigns.tasks(requireActor(ctx), q)),
      this.route(S.taskAttachEvidence, AttachEvidenceCommand, async (c, ctx) =>
        this.campaigns.attachEvidence(requireActor(ctx), c, ctx.asOf),
      ),
      this.route(S.taskAssign, AssignTaskCommand, async (c, ctx) => this.campaigns.assign(requireActor(ctx), c.taskId, c.inspectorUserId)),
      this.route(S.taskComplete, CompleteTaskCommand, async (c, ctx) => this.campaigns.complete(requireActor(ctx), c.taskId, c, ctx.asOf)),
      this.route(S.violationList, ListViolationsQuery, async (q, ctx) => this.campaigns.violations(requireActor(ctx), q)),
      this.route(S.violationCorrect, ViolationIdQuery, async (c, ctx) =>
        this.campaigns.correct(requireActor(ctx), c.violationId, ctx.asOf),
      ),
      this.route(S.coverage, CoverageQuery, async (q, ctx) => this.campaigns.coverage(requireActor(ctx), ctx.asOf, q.withinMonths)),
      this.route(S.recurrenceCreate, CreateRecurrenceCommand, async (c, ctx) =>
        this.campaigns.createRecurrence(requireActor(ctx), c, ctx.asOf),
      ),
      this.route(S.recurrenceList, undefined, async (_q, ctx) => {
        const next = new Map((await this.jobs.queue.schedulers()).map((x) => [x.id, x.next ?? null]));
        return (await this.campaigns.recurrences(requireActor(ctx))).map((r) => ({
          ...r,
          nextRunAt: next.get(`campaign-recurrence-${r.id}`) ?? null,
        }));
      }),
      this.route(S.recurrenceRun, RunRecurrenceCommand, async (c, ctx) => {
        requireRole(ctx, [Role.ADMIN]);
        if (c.asOf && this.config.mode === 'production')
          throw AppError.validation('AS_OF_NOT_ALLOWED', 'as-of runs are refused in production mode', 'asOf');
        const asOf = c.asOf ? new Date(c.asOf) : ctx.asOf;
        return runAsOf(asOf, 'job', () => this.campaigns.runRecurrence(c.recurrenceId, asOf));
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
