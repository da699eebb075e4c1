import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { AppError } from '@ocop/contracts';
import type { JobQueue } from '@ocop/jobs';
import { SERVICE_LOGGER } from '@ocop/service-kit';
import { ReadinessChecks, runAsOf } from '@ocop/observability';
import { CERTIFICATION_CONFIG } from '../certification.tokens';
import type { CertificationConfig } from '../config/certification.config';
import { RunExpirySweepUseCase, type ExpirySweepReport } from '../expiry/run-expiry-sweep.use-case';
import { RunRevocationFollowUpsUseCase } from '../revocation/run-revocation-follow-ups.use-case';
import { ListPendingFollowUpsQuery } from '../revocation/list-pending-follow-ups.query';
import { RevocationTimers, followUpJobId } from '../revocation/revocation.timers';
import { CertificationQueue } from './certification.queue';
import { DispatchNotificationsUseCase } from '../notifications/dispatch-notifications.use-case';

export const JOB_NAMES = ['expiry-sweep', 'revocation-follow-ups', 'notifications-dispatch'] as const;
export type JobName = (typeof JOB_NAMES)[number];

interface AsOfData {
  asOf?: string;
}

/**
 * Certification's timers on BullMQ. The daily expiry sweep and the notification dispatcher are job
 * schedulers upserted by the one owning process; revocation follow-ups are delayed jobs keyed by
 * `revocation-<id>-<step>`. Every job re-reads Postgres and does only what is due, so a job run twice, or
 * recreated by the sweep, changes nothing more. Every job can also run on demand (admin API), with an
 * explicit as-of instant outside production. The owner declares its schedulers again whenever Redis comes
 * back (a restart without persistence loses them); /health/ready reports `jobs` down while one is missing.
 */
@Injectable()
export class CertificationJobs {
  readonly queue: JobQueue;

  constructor(
    @Inject(CERTIFICATION_CONFIG) private readonly config: CertificationConfig,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    private readonly sweep: RunExpirySweepUseCase,
    private readonly followUps: RunRevocationFollowUpsUseCase,
    private readonly pendingFollowUps: ListPendingFollowUpsQuery,
    private readonly notifications: DispatchNotificationsUseCase,
    private readonly readiness: ReadinessChecks,
    private readonly timers: RevocationTimers,
    jobs: CertificationQueue,
  ) {
    this.queue = jobs.queue;
  }

  async start(): Promise<void> {
    this.queue
      .handle<AsOfData>('expiry-sweep', (d) => this.runExpirySweep(d.asOf ? new Date(d.asOf) : new Date()))
      .handle<AsOfData>('revocation-follow-ups', (d) => this.followUps.execute(d.asOf ? new Date(d.asOf) : new Date()))
      .handle<{ revocationId: string; at: string }>('revocation-follow-up', (d) => this.followUps.execute(new Date(d.at), d.revocationId))
      .handle('notifications-dispatch', () => this.notifications.execute());
    if (this.config.schedulerOwner) {
      await this.queue.ownSchedulers(
        () => [
          {
            id: 'expiry-sweep-daily',
            recurrence: { pattern: this.config.expirySweepCron, tz: 'Asia/Ho_Chi_Minh' },
            name: 'expiry-sweep',
            data: {},
          },
          { id: 'notifications-dispatch', recurrence: { every: 60_000 }, name: 'notifications-dispatch', data: {} },
        ],
        { afterRestore: () => this.recreateMissingJobs() },
      ); // a fresh Redis gets its follow-ups back now, not at the next daily sweep
    }
    this.readiness.add('jobs', () => this.queue.checkReady());
    this.queue.start();
  }

  /** Runs a job now in this process (admin API), as of `asOf`. */
  async runNow(name: JobName, asOf: Date): Promise<unknown> {
    // What the run writes (events, audit, rows) is stamped as of `asOf`, like a queued job's.
    return runAsOf(asOf, 'job', () => {
      switch (name) {
        case 'expiry-sweep':
          return this.runExpirySweep(asOf);
        case 'revocation-follow-ups':
          return this.followUps.execute(asOf);
        case 'notifications-dispatch':
          return this.notifications.execute();
        default:
          throw AppError.validation('UNKNOWN_JOB', `no job ${String(name)}`, 'name');
      }
    });
  }

  /** Queues a sweep for the workers (any process may take it; used to show a worker dying mid-job). */
  async enqueueSweep(asOf: Date, jobId: string): Promise<boolean> {
    return this.queue.add<AsOfData>('expiry-sweep', { asOf: asOf.toISOString() }, { jobId, attempts: 3, backoffMs: 1_000 });
  }

  private async runExpirySweep(asOf: Date): Promise<ExpirySweepReport & { jobsRecreated: number }> {
    const report = await this.sweep.execute(asOf);
    return { ...report, jobsRecreated: await this.recreateMissingJobs() };
  }

  /** Postgres is the truth: every revocation still waiting for a step gets its delayed job back if Redis lost it. */
  async recreateMissingJobs(): Promise<number> {
    const pending = new Set(await this.timers.pendingIds());
    let recreated = 0;
    for (const r of await this.pendingFollowUps.execute()) {
      for (const s of r.steps) {
        if (!pending.has(followUpJobId(r.id, s.step)) && (await this.timers.add(r.id, s.step, s.at))) recreated++;
      }
    }
    if (recreated) this.logger.warn({ recreated }, 'recreated missing follow-up jobs');
    return recreated;
  }
}
