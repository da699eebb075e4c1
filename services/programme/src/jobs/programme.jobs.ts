import { Inject, Injectable } from '@nestjs/common';
import { ReadinessChecks, runAsOf } from '@ocop/observability';
import type { JobQueue } from '@ocop/jobs';
import { PROGRAMME_CONFIG } from '../programme.tokens';
import type { ProgrammeConfig } from '../config/programme.config';
import { SendReportRemindersUseCase } from '../reports/send-report-reminders.use-case';
import { ProgrammeQueue } from './programme.queue';

/**
 * The programme's jobs on BullMQ: the daily sweep of reports' reminders (a job scheduler; every replica runs the
 * worker). Every run re-reads PostgreSQL, so a run twice reminds no one twice; /health/ready reports `jobs` down while
 * the scheduler is missing.
 */
@Injectable()
export class ProgrammeJobs {
  readonly queue: JobQueue;

  constructor(
    @Inject(PROGRAMME_CONFIG) private readonly config: ProgrammeConfig,
    private readonly reminders: SendReportRemindersUseCase,
    private readonly readiness: ReadinessChecks,
    jobs: ProgrammeQueue,
  ) {
    this.queue = jobs.queue;
  }

  async start(): Promise<void> {
    this.queue.handle<{ asOf?: string }>('report-reminders', (d) => this.reminders.execute(d.asOf ? new Date(d.asOf) : new Date()));
    if (this.config.schedulerOwner)
      await this.queue.ownSchedulers(async () => [
        {
          id: 'report-reminders-daily',
          recurrence: { pattern: this.config.reportReminderCron, tz: 'Asia/Ho_Chi_Minh' },
          name: 'report-reminders',
          data: {},
        },
      ]);
    this.readiness.add('jobs', () => this.queue.checkReady());
    this.queue.start();
  }

  /** Runs a job now (admin API), as of `asOf`; its name was checked against PROGRAMME_JOB_NAMES at the edge. */
  runNow(_name: string, asOf: Date): Promise<Record<string, number>> {
    return runAsOf(asOf, 'job', () => this.reminders.execute(asOf));
  }
}
