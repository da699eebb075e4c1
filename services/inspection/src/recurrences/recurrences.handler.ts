import { Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CreateRecurrenceCommand, InspectionSubjects as S, RunRecurrenceCommand } from '@ocop/contracts';
import { Caller, Handles, RpcController, adminRunAsOf, requireActor, type RpcContext } from '@ocop/messaging';
import { runAsOf } from '@ocop/observability';
import { INSPECTION_CONFIG } from '../inspection.tokens';
import type { InspectionConfig } from '../config/inspection.config';
import { InspectionJobs } from '../jobs/inspection.jobs';
import { CreateRecurrenceUseCase } from './create-recurrence.use-case';
import { ListRecurrencesQuery } from './list-recurrences.query';
import { RunRecurrenceUseCase } from './run-recurrence.use-case';

/** The NATS edge of campaign recurrences (with each one's next run, as its scheduler says). */
@RpcController()
export class RecurrencesHandler {
  constructor(
    @Inject(INSPECTION_CONFIG) private readonly config: InspectionConfig,
    private readonly jobs: InspectionJobs,
    private readonly createRecurrence: CreateRecurrenceUseCase,
    private readonly listRecurrences: ListRecurrencesQuery,
    private readonly runRecurrence: RunRecurrenceUseCase,
  ) {}

  @Handles(S.recurrenceCreate)
  create(@Payload() c: CreateRecurrenceCommand, @Caller() call: RpcContext) {
    return this.createRecurrence.execute(requireActor(call), c, call.asOf);
  }

  @Handles(S.recurrenceList)
  async list(@Caller() call: RpcContext) {
    const next = new Map((await this.jobs.queue.schedulers()).map((x) => [x.id, x.next ?? null]));
    return (await this.listRecurrences.execute(requireActor(call))).map((r) => ({
      ...r,
      nextRunAt: next.get(`campaign-recurrence-${r.id}`) ?? null,
    }));
  }

  @Handles(S.recurrenceRun)
  run(@Payload() c: RunRecurrenceCommand, @Caller() call: RpcContext) {
    const asOf = adminRunAsOf(c.asOf, call, this.config.mode);
    return runAsOf(asOf, 'job', () => this.runRecurrence.execute(c.recurrenceId, asOf));
  }
}
