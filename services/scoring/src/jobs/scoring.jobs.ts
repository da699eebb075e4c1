import { Inject, Injectable } from '@nestjs/common';
import { ReadinessChecks, runAsOf } from '@ocop/observability';
import type { JobQueue } from '@ocop/jobs';
import { SCORING_CONFIG } from '../scoring.tokens';
import type { ScoringConfig } from '../config/scoring.config';
import {
  SendWrittenConsultationRemindersUseCase,
  type WrittenConsultationSweep,
} from '../sessions/send-written-consultation-reminders.use-case';
import { ScoringQueue } from './scoring.queue';

/**
 * Scoring's jobs on BullMQ: the hourly sweep of written consultations' reminders and escalations (a job scheduler, one
 * owner; every replica runs the worker). Every run re-reads PostgreSQL, so a run twice sends nothing twice;
 * /health/ready reports `jobs` down while the scheduler is missing from Redis.
 */
@Injectable()
export class ScoringJobs {
  readonly queue: JobQueue;

  constructor(
    @Inject(SCORING_CONFIG) private readonly config: ScoringConfig,
    private readonly writtenConsultation: SendWrittenConsultationRemindersUseCase,
    private readonly readiness: ReadinessChecks,
    jobs: ScoringQueue,
  ) {
    this.queue = jobs.queue;
  }

  async start(): Promise<void> {
    this.queue.handle<{ asOf?: string }>('written-consultation-reminders', (d) =>
      this.writtenConsultation.execute(d.asOf ? new Date(d.asOf) : new Date()),
    );
    if (this.config.schedulerOwner)
      await this.queue.ownSchedulers(async () => [
        {
          id: 'written-consultation-reminders-hourly',
          recurrence: { pattern: this.config.writtenConsultationCron, tz: 'Asia/Ho_Chi_Minh' },
          name: 'written-consultation-reminders',
          data: {},
        },
      ]);
    this.readiness.add('jobs', () => this.queue.checkReady());
    this.queue.start();
  }

  /** Runs the sweep now (admin API), as of `asOf`. */
  runWrittenConsultationReminders(asOf: Date): Promise<WrittenConsultationSweep> {
    return runAsOf(asOf, 'job', () => this.writtenConsultation.execute(asOf));
  }
}
