import { Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RunScoringJobCommand, ScoringSubjects as S } from '@ocop/contracts';
import { Caller, Handles, RpcController, adminRunAsOf, requireActor, type RpcContext } from '@ocop/messaging';
import { runAsOf } from '@ocop/observability';
import { SCORING_CONFIG } from '../scoring.tokens';
import type { ScoringConfig } from '../config/scoring.config';
import { TransferDistrictEvaluationsUseCase, type DistrictTransferReport } from '../evaluations/transfer-district-evaluations.use-case';
import type { WrittenConsultationSweep } from '../sessions/send-written-consultation-reminders.use-case';
import { ScoringJobs } from './scoring.jobs';

/**
 * Admin: run a scoring job now, as of an instant outside production. `district-transfer` (the 2025 calendar, not
 * scheduled: due once) and `written-consultation-reminders` (also the hourly sweep of the queue).
 */
@RpcController()
export class ScoringJobsHandler {
  constructor(
    private readonly districtTransfer: TransferDistrictEvaluationsUseCase,
    private readonly jobs: ScoringJobs,
    @Inject(SCORING_CONFIG) private readonly config: ScoringConfig,
  ) {}

  @Handles(S.jobRun)
  run(@Payload() c: RunScoringJobCommand, @Caller() call: RpcContext): Promise<DistrictTransferReport | WrittenConsultationSweep> {
    const actor = requireActor(call);
    const asOf = adminRunAsOf(c.asOf, call, this.config.mode);
    if (c.name === 'written-consultation-reminders') return this.jobs.runWrittenConsultationReminders(asOf);
    return runAsOf(asOf, 'job', () => this.districtTransfer.execute(actor, asOf)); // what the job writes is stamped with its as-of
  }
}
