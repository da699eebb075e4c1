import { Payload } from '@nestjs/microservices';
import {
  CancelSampleCommand,
  CollectSampleCommand,
  InspectionSubjects as S,
  ListSamplesQuery as ListSamplesRequest,
  RecordResultCommand,
  RequestSampleCommand,
  SampleIdQuery,
} from '@ocop/contracts';
import { Caller, Handles, RpcController, requireActor, type RpcContext } from '@ocop/messaging';
import { CancelSampleUseCase } from './cancel-sample.use-case';
import { GetSampleQuery } from './get-sample.query';
import { ListSamplesQuery } from './list-samples.query';
import { RecordSampleResultUseCase } from './record-sample-result.use-case';
import { RequestSampleUseCase } from './request-sample.use-case';
import { TakeSampleStepUseCase } from './take-sample-step.use-case';

/** The NATS edge of samples: request, collect, dispatch, receive, cancel, and a lab's result over the API. */
@RpcController()
export class SamplesHandler {
  constructor(
    private readonly requestSample: RequestSampleUseCase,
    private readonly listSamples: ListSamplesQuery,
    private readonly getSample: GetSampleQuery,
    private readonly takeSampleStep: TakeSampleStepUseCase,
    private readonly cancelSample: CancelSampleUseCase,
    private readonly recordSampleResult: RecordSampleResultUseCase,
  ) {}

  @Handles(S.sampleRequest)
  request(@Payload() c: RequestSampleCommand, @Caller() call: RpcContext) {
    return this.requestSample.execute(requireActor(call), c, call.asOf);
  }

  @Handles(S.sampleList)
  list(@Payload() q: ListSamplesRequest, @Caller() call: RpcContext) {
    return this.listSamples.execute(requireActor(call), q);
  }

  @Handles(S.sampleGet)
  get(@Payload() q: SampleIdQuery, @Caller() call: RpcContext) {
    return this.getSample.execute(requireActor(call), q.sampleId);
  }

  @Handles(S.sampleCollect)
  collect(@Payload() c: CollectSampleCommand, @Caller() call: RpcContext) {
    return this.takeSampleStep.execute(requireActor(call), c.sampleId, 'COLLECT', call.asOf, {
      collectedBy: c.collectedBy,
      at: c.collectedAt ? new Date(c.collectedAt) : undefined,
    });
  }

  @Handles(S.sampleDispatch)
  dispatch(@Payload() c: SampleIdQuery, @Caller() call: RpcContext) {
    return this.takeSampleStep.execute(requireActor(call), c.sampleId, 'DISPATCH', call.asOf);
  }

  @Handles(S.sampleReceive)
  receive(@Payload() c: SampleIdQuery, @Caller() call: RpcContext) {
    return this.takeSampleStep.execute(requireActor(call), c.sampleId, 'RECEIVE', call.asOf);
  }

  @Handles(S.sampleCancel)
  cancel(@Payload() c: CancelSampleCommand, @Caller() call: RpcContext) {
    return this.cancelSample.execute(requireActor(call), c.sampleId, c.reason, call.asOf);
  }

  @Handles(S.sampleRecordResult)
  recordResult(@Payload() c: RecordResultCommand, @Caller() call: RpcContext) {
    return this.recordSampleResult.execute({ via: 'API', actor: requireActor(call) }, c.sampleId, c, call.asOf);
  }
}
