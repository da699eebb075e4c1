import { Payload } from '@nestjs/microservices';
import { IndicatorsQuery, ProgrammeSubjects as S, type IndicatorsView } from '@ocop/contracts';
import { Caller, Handles, RpcController, requireActor, type RpcContext } from '@ocop/messaging';
import { IndicatorsUseCases } from './indicators.use-cases';

/** The bus edge of a unit's indicators. */
@RpcController()
export class IndicatorsHandler {
  constructor(private readonly indicators: IndicatorsUseCases) {}

  @Handles(S.indicators)
  get(@Payload() q: IndicatorsQuery, @Caller() call: RpcContext): Promise<IndicatorsView> {
    return this.indicators.indicators(requireActor(call), q, call.asOf);
  }
}
