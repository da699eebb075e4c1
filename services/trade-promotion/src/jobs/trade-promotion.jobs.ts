import { Inject, Injectable } from '@nestjs/common';
import { ReadinessChecks, runAsOf } from '@ocop/observability';
import type { JobQueue } from '@ocop/jobs';
import { TRADE_PROMOTION_CONFIG } from '../trade-promotion.tokens';
import type { TradePromotionConfig } from '../config/trade-promotion.config';
import { SendObligationRemindersUseCase } from '../sales-points/send-obligation-reminders.use-case';
import { TradePromotionQueue } from './trade-promotion.queue';

/**
 * Trade promotion's jobs on BullMQ: the daily sweep of sales points' obligation reminders (a job scheduler, one owner;
 * every replica runs the worker). Every run re-reads PostgreSQL, so a run twice sends nothing twice; /health/ready
 * reports `jobs` down while the scheduler is missing.
 */
@Injectable()
export class TradePromotionJobs {
  readonly queue: JobQueue;

  constructor(
    @Inject(TRADE_PROMOTION_CONFIG) private readonly config: TradePromotionConfig,
    private readonly reminders: SendObligationRemindersUseCase,
    private readonly readiness: ReadinessChecks,
    jobs: TradePromotionQueue,
  ) {
    this.queue = jobs.queue;
  }

  async start(): Promise<void> {
    this.queue.handle<{ asOf?: string }>('sales-point-reminders', (d) => this.reminders.execute(d.asOf ? new Date(d.asOf) : new Date()));
    if (this.config.schedulerOwner)
      await this.queue.ownSchedulers(async () => [
        {
          id: 'sales-point-reminders-daily',
          recurrence: { pattern: this.config.reminderCron, tz: 'Asia/Ho_Chi_Minh' },
          name: 'sales-point-reminders',
          data: {},
        },
      ]);
    this.readiness.add('jobs', () => this.queue.checkReady());
    this.queue.start();
  }

  /** Runs a job now (admin API), as of `asOf`. */
  runNow(name: string, asOf: Date): Promise<Record<string, number>> {
    // There is one job; its name was checked against TRADE_PROMOTION_JOB_NAMES at the edge.
    void name;
    return runAsOf(asOf, 'job', () => this.reminders.execute(asOf));
  }
}
