import { Payload } from '@nestjs/microservices';
import { CoverageQuery, InspectionSubjects as S } from '@ocop/contracts';
import { Caller, Handles, RpcController, requireActor, type RpcContext } from '@ocop/messaging';
import { ReportCoverageQuery } from './report-coverage.query';

/** The NATS edge of the inspection coverage report. */
@RpcController()
export class CoverageHandler {
  constructor(private readonly reportCoverage: ReportCoverageQuery) {}

  @Handles(S.coverage)
  report(@Payload() q: CoverageQuery, @Caller() call: RpcContext) {
    return this.reportCoverage.execute(requireActor(call), call.asOf, q.withinMonths);
  }
}
