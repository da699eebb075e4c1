import { Ctx, Payload } from '@nestjs/microservices';
import {
  EvaluationIdQuery,
  InspectionEvents,
  RegistrationEvents,
  ListEvaluationsQuery as ListEvaluationsRequest,
  ScoringSubjects as S,
  SetLabResultCommand,
  type EvaluationView,
  type StarGapView,
  type MinistrySampleView,
  HandSamplesCommand,
  ReceiveSamplesCommand,
} from '@ocop/contracts';
import {
  Caller,
  EventContext,
  Handles,
  OnEvent,
  RpcController,
  requireActor,
  type EventConsumerSpec,
  type RpcContext,
} from '@ocop/messaging';
import { GetEvaluationQuery } from './get-evaluation.query';
import { GetStarGapQuery } from './get-star-gap.query';
import { MinistrySamplesUseCases } from './ministry-samples.use-cases';
import { OpenEvaluationUseCase } from './open-evaluation.use-case';
import { RecordSampleResultUseCase } from './record-sample-result.use-case';
import { ListEvaluationsQuery } from './list-evaluations.query';
import { RecordOpinionUseCase } from './record-opinion.use-case';
import { SetLabResultUseCase } from './set-lab-result.use-case';

/** Proposed dossiers open evaluations. */
const INTAKE: EventConsumerSpec = { name: 'intake', concurrency: 4 };
/** Lab results from inspection open or block the province-tier gate. */
const LAB_RESULTS: EventConsumerSpec = { name: 'lab-results', concurrency: 2 };
/** Agencies' opinions open the gate of evaluations whose dossier requires them. */
const OPINIONS: EventConsumerSpec = { name: 'opinions', concurrency: 2 };

/** The bus edge of evaluations (requests, the proposals and lab results that feed them). */
@RpcController()
export class EvaluationsHandler {
  constructor(
    private readonly listEvaluations: ListEvaluationsQuery,
    private readonly getEvaluation: GetEvaluationQuery,
    private readonly starGap: GetStarGapQuery,
    private readonly ministrySamples: MinistrySamplesUseCases,
    private readonly setLabResult: SetLabResultUseCase,
    private readonly openEvaluation: OpenEvaluationUseCase,
    private readonly recordSampleResult: RecordSampleResultUseCase,
    private readonly recordOpinion: RecordOpinionUseCase,
  ) {}

  @Handles(S.evaluationList)
  list(@Payload() q: ListEvaluationsRequest, @Caller() call: RpcContext): Promise<EvaluationView[]> {
    return this.listEvaluations.execute(requireActor(call), q);
  }

  @Handles(S.evaluationGet)
  get(@Payload() q: EvaluationIdQuery, @Caller() call: RpcContext): Promise<EvaluationView> {
    return this.getEvaluation.execute(requireActor(call), q.evaluationId);
  }

  @Handles(S.evaluationGap)
  gap(@Payload() q: EvaluationIdQuery, @Caller() call: RpcContext): Promise<StarGapView> {
    return this.starGap.execute(requireActor(call), q.evaluationId);
  }

  @Handles(S.samplesHand)
  handSamples(@Payload() c: HandSamplesCommand, @Caller() call: RpcContext): Promise<MinistrySampleView> {
    return this.ministrySamples.hand(requireActor(call), c, call.asOf);
  }

  @Handles(S.samplesList)
  samples(@Payload() q: EvaluationIdQuery, @Caller() call: RpcContext): Promise<MinistrySampleView[]> {
    return this.ministrySamples.list(requireActor(call), q.evaluationId);
  }

  @Handles(S.samplesReceive)
  receiveSamples(@Payload() c: ReceiveSamplesCommand, @Caller() call: RpcContext): Promise<MinistrySampleView> {
    return this.ministrySamples.receive(requireActor(call), c, call.asOf);
  }

  @Handles(S.evaluationSetLabResult)
  setLab(@Payload() c: SetLabResultCommand, @Caller() call: RpcContext): Promise<EvaluationView> {
    return this.setLabResult.execute(requireActor(call), c);
  }

  @OnEvent(INTAKE, RegistrationEvents.dossierProposed)
  proposed(@Ctx() ctx: EventContext): Promise<void> {
    return this.openEvaluation.execute(ctx.event, ctx.tx);
  }

  @OnEvent(OPINIONS, RegistrationEvents.opinionGiven)
  opinion(@Ctx() ctx: EventContext): Promise<void> {
    return this.recordOpinion.execute(ctx.event, ctx.tx);
  }

  @OnEvent(LAB_RESULTS, InspectionEvents.sampleResultRecorded)
  labResult(@Ctx() ctx: EventContext): Promise<void> {
    return this.recordSampleResult.execute(ctx.event, ctx.tx);
  }
}
