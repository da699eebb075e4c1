import { Inject, Injectable } from '@nestjs/common';
import { ReadinessChecks, runAsOf } from '@ocop/observability';
import type { JobQueue } from '@ocop/jobs';
import { REGISTRATION_CONFIG } from '../registration.tokens';
import type { RegistrationConfig } from '../config/registration.config';
import { SendAgencyFollowUpsUseCase, type AgencyFollowUps } from './send-agency-follow-ups.use-case';
import { RegistrationQueue } from './registration.queue';

/**
 * Registration's jobs on BullMQ: the hourly sweep of agencies' reminders and escalations (required opinions, guidance questions) (a job scheduler, one
 * owner; every replica runs the worker). Every run re-reads PostgreSQL, so a run twice sends nothing twice;
 * /health/ready reports `jobs` down while the scheduler is missing.
 */
@Injectable()
export class RegistrationJobs {
  readonly queue: JobQueue;

  constructor(
    @Inject(REGISTRATION_CONFIG) private readonly config: RegistrationConfig,
    private readonly followUps: SendAgencyFollowUpsUseCase,
    private readonly readiness: ReadinessChecks,
    jobs: RegistrationQueue,
  ) {
    this.queue = jobs.queue;
  }

  async start(): Promise<void> {
    this.queue.handle<{ asOf?: string }>('agency-follow-ups', (d) => this.followUps.execute(d.asOf ? new Date(d.asOf) : new Date()));
    if (this.config.schedulerOwner)
      await this.queue.ownSchedulers(async () => [
        {
          id: 'agency-follow-ups-hourly',
          recurrence: { pattern: this.config.agencyFollowUpCron, tz: 'Asia/Ho_Chi_Minh' },
          name: 'agency-follow-ups',
          data: {},
        },
      ]);
    this.readiness.add('jobs', () => this.queue.checkReady());
    this.queue.start();
  }

  /** Runs a job now (admin API), as of `asOf`; there is one (its name was checked against REGISTRATION_JOB_NAMES). */
  runNow(asOf: Date): Promise<AgencyFollowUps> {
    return runAsOf(asOf, 'job', () => this.followUps.execute(asOf));
  }
}
