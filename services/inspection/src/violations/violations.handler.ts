import { Payload } from '@nestjs/microservices';
import { InspectionSubjects as S, ListViolationsQuery as ListViolationsRequest, ViolationIdQuery } from '@ocop/contracts';
import { Caller, Handles, RpcController, requireActor, type RpcContext } from '@ocop/messaging';
import { CorrectViolationUseCase } from './correct-violation.use-case';
import { ListViolationsQuery } from './list-violations.query';

/** The NATS edge of violations found by inspection. */
@RpcController()
export class ViolationsHandler {
  constructor(
    private readonly listViolations: ListViolationsQuery,
    private readonly correctViolation: CorrectViolationUseCase,
  ) {}

  @Handles(S.violationList)
  list(@Payload() q: ListViolationsRequest, @Caller() call: RpcContext) {
    return this.listViolations.execute(requireActor(call), q);
  }

  @Handles(S.violationCorrect)
  correct(@Payload() c: ViolationIdQuery, @Caller() call: RpcContext) {
    return this.correctViolation.execute(requireActor(call), c.violationId, call.asOf);
  }
}
