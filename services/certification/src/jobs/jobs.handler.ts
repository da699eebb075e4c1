import { Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CertificationSubjects as S, RunJobCommand } from '@ocop/contracts';
import { Caller, Handles, RpcController, adminRunAsOf, type RpcContext } from '@ocop/messaging';
import { CERTIFICATION_CONFIG } from '../certification.tokens';
import type { CertificationConfig } from '../config/certification.config';
import { CertificationJobs, type JobName } from './certification.jobs';

/** An admin runs one of certification's jobs now, as of an instant outside production. */
@RpcController()
export class JobsHandler {
  constructor(
    @Inject(CERTIFICATION_CONFIG) private readonly config: CertificationConfig,
    private readonly jobs: CertificationJobs,
  ) {}

  @Handles(S.jobRun)
  async run(@Payload() c: RunJobCommand, @Caller() call: RpcContext) {
    const asOf = adminRunAsOf(c.asOf, call, this.config.mode);
    return { name: c.name, asOf: asOf.toISOString(), result: await this.jobs.runNow(c.name as JobName, asOf) };
  }
}
