import { Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { InspectionSubjects as S, RunInspectionJobCommand } from '@ocop/contracts';
import { Caller, Handles, RpcController, adminRunAsOf, type RpcContext } from '@ocop/messaging';
import { INSPECTION_CONFIG } from '../inspection.tokens';
import type { InspectionConfig } from '../config/inspection.config';
import { InspectionJobs } from './inspection.jobs';

/** An admin runs one of inspection's sweeps now, as of an instant outside production. */
@RpcController()
export class JobsHandler {
  constructor(
    @Inject(INSPECTION_CONFIG) private readonly config: InspectionConfig,
    private readonly jobs: InspectionJobs,
  ) {}

  @Handles(S.jobRun)
  async run(@Payload() c: RunInspectionJobCommand, @Caller() call: RpcContext) {
    const asOf = adminRunAsOf(c.asOf, call, this.config.mode);
    return { name: c.name, asOf: asOf.toISOString(), result: await this.jobs.runNow(c.name, asOf) };
  }
}
