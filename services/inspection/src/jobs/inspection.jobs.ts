import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { JobQueue } from '@ocop/jobs';
import { SERVICE_LOGGER } from '@ocop/service-kit';
import { ReadinessChecks, runAsOf } from '@ocop/observability';
import { INSPECTION_CONFIG } from '../inspection.tokens';
import type { InspectionConfig } from '../config/inspection.config';
import { SendSampleFollowUpsUseCase } from '../samples/send-sample-follow-ups.use-case';
import { ListOpenSampleTimersQuery } from '../samples/list-open-sample-timers.query';
import { RequestOverdueRevocationsUseCase } from '../violations/request-overdue-revocations.use-case';
import { RunRecurrenceUseCase } from '../recurrences/run-recurrence.use-case';
import { ListActiveRecurrencesQuery } from '../recurrences/list-active-recurrences.query';
import { InspectionQueue } from './inspection.queue';
import { InspectionTimers, recurrenceScheduler, stageTimerJobId } from './inspection.timers';

/**
 * Inspection's timers on BullMQ: per sample stage a reminder and an escalation job, keyed
 * `sample-<id>-<stage>-reminder|escalation`, each acting as of its own due instant; and an hourly sweep
 * (job scheduler, one owner) that does whatever is due and recreates the jobs Redis lost. Retries back off
 * exponentially. Every run re-reads PostgreSQL, so a job run twice changes nothing more. The owner's
 * schedulers (the sweeps and every active campaign recurrence, read from PostgreSQL) are declared at start and
 * again whenever Redis comes back; /health/ready reports `jobs` down while one is missing.
 */
@Injectable()
export class InspectionJobs {
  readonly queue: JobQueue;

  constructor(
    @Inject(INSPECTION_CONFIG) private readonly config: InspectionConfig,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    private readonly sampleFollowUps: SendSampleFollowUpsUseCase,
    private readonly openSampleTimers: ListOpenSampleTimersQuery,
    private readonly violationFollowUps: RequestOverdueRevocationsUseCase,
    private readonly runRecurrence: RunRecurrenceUseCase,
    private readonly activeRecurrences: ListActiveRecurrencesQuery,
    private readonly readiness: ReadinessChecks,
    private readonly timers: InspectionTimers,
    jobs: InspectionQueue,
  ) {
    this.queue = jobs.queue;
  }

  async start(): Promise<void> {
    this.queue
      .handle<{ asOf?: string }>('sample-follow-ups', (d) => this.sweep(d.asOf ? new Date(d.asOf) : new Date()))
      .handle<{ sampleId: string; at: string }>('sample-follow-up', (d) => this.sampleFollowUps.execute(new Date(d.at), d.sampleId))
      .handle<{ asOf?: string }>('violation-follow-ups', (d) => this.violationFollowUps.execute(d.asOf ? new Date(d.asOf) : new Date()))
      .handle<{ recurrenceId: string }>('campaign-recurrence', (d) => this.runRecurrence.execute(d.recurrenceId, new Date()));
    if (this.config.schedulerOwner) {
      await this.queue.ownSchedulers(
        async () => [
          {
            id: 'sample-follow-ups-hourly',
            recurrence: { pattern: this.config.followUpCron, tz: 'Asia/Ho_Chi_Minh' },
            name: 'sample-follow-ups',
            data: {},
          },
          // Corrective deadlines are days long: one daily pass finds those that passed.
          {
            id: 'violation-follow-ups-daily',
            recurrence: { pattern: '30 1 * * *', tz: 'Asia/Ho_Chi_Minh' },
            name: 'violation-follow-ups',
            data: {},
          },
          // Every recurrence, wherever it was created, from PostgreSQL (the truth).
          ...(await this.activeRecurrences.execute()).map(recurrenceScheduler),
        ],
        { afterRestore: () => this.recreateMissingTimers() },
      ); // a fresh Redis gets its sample timers back now, not at the next sweep
    }
    this.readiness.add('jobs', () => this.queue.checkReady());
    this.queue.start();
  }

  /** Runs a job now (admin API), as of `asOf`. */
  async runNow(name: string, asOf: Date): Promise<unknown> {
    // What the run writes (events, audit, rows) is stamped as of `asOf`, like a queued job's.
    return runAsOf(asOf, 'job', () => (name === 'violation-follow-ups' ? this.violationFollowUps.execute(asOf) : this.sweep(asOf)));
  }

  /** What is due as of `asOf`, then the missing timers (admin API, scheduler). */
  async sweep(asOf: Date): Promise<{ reminders: number; escalations: number; jobsRecreated: number }> {
    const done = await this.sampleFollowUps.execute(asOf);
    return { ...done, jobsRecreated: await this.recreateMissingTimers() };
  }

  /** PostgreSQL is the truth: every open sample stage gets its reminder and escalation jobs back if Redis lost them. */
  async recreateMissingTimers(): Promise<number> {
    const pending = new Set(await this.timers.pendingIds());
    let jobsRecreated = 0;
    for (const t of await this.openSampleTimers.execute()) {
      for (const [kind, at] of [
        ['reminder', t.reminderAt],
        ['escalation', t.escalationAt],
      ] as const) {
        if (!pending.has(stageTimerJobId(t, kind)) && (await this.timers.addStage(t, kind, at))) jobsRecreated++;
      }
    }
    if (jobsRecreated) this.logger.warn({ jobsRecreated }, 'recreated missing sample timers');
    return jobsRecreated;
  }
}
