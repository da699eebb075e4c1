import { Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  EvaluationIdQuery,
  ListEvaluationsQuery as ListEvaluationsRequest,
  RunScoringJobCommand,
  ScoringSubjects as S,
  SetLabResultCommand,
  type EvaluationView,
} from '@ocop/contracts';
import { Caller, Handles, RpcController, adminRunAsOf, requireActor, type RpcContext } from '@ocop/messaging';
import { runAsOf } from '@ocop/observability';
import { SCORING_CONFIG } from '../scoring.tokens';
import type { ScoringConfig } from '../config/scoring.config';
import { GetEvaluationQuery } from './get-evaluation.query';
import { ListEvaluationsQuery } from './list-evaluations.query';
import { SetLabResultUseCase } from './set-lab-result.use-case';
import { TransferDistrictEvaluationsUseCase, type DistrictTransferReport } from './transfer-district-evaluations.use-case';

/** The NATS edge of evaluations, and of scoring's one admin-run job (the 2025 district transfer). */
@RpcController()
export class EvaluationsHandler {
  constructor(
    private readonly listEvaluations: ListEvaluationsQuery,
    private readonly getEvaluation: GetEvaluationQuery,
    private readonly setLabResult: SetLabResultUseCase,
    private readonly districtTransfer: TransferDistrictEvaluationsUseCase,
    @Inject(SCORING_CONFIG) private readonly config: ScoringConfig,
  ) {}

  @Handles(S.evaluationList)
  list(@Payload() q: ListEvaluationsRequest, @Caller() call: RpcContext): Promise<EvaluationView[]> {
    return this.listEvaluations.execute(requireActor(call), q);
  }

  @Handles(S.evaluationGet)
  get(@Payload() q: EvaluationIdQuery, @Caller() call: RpcContext): Promise<EvaluationView> {
    return this.getEvaluation.execute(requireActor(call), q.evaluationId);
  }

  @Handles(S.evaluationSetLabResult)
  setLab(@Payload() c: SetLabResultCommand, @Caller() call: RpcContext): Promise<EvaluationView> {
    return this.setLabResult.execute(requireActor(call), c);
  }

  @Handles(S.jobRun)
  runJob(@Payload() c: RunScoringJobCommand, @Caller() call: RpcContext): Promise<DistrictTransferReport> {
    const actor = requireActor(call);
    const asOf = adminRunAsOf(c.asOf, call, this.config.mode);
    return runAsOf(asOf, 'job', () => this.districtTransfer.execute(actor, asOf)); // what the job writes is stamped with its as-of
  }
}
