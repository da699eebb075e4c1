import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { serviceJobQueue, type JobQueue } from '@ocop/jobs';
import { SERVICE_LOGGER } from '@ocop/service-kit';
import { SCORING_CONFIG } from '../scoring.tokens';
import type { ScoringConfig } from '../config/scoring.config';

/** Scoring's BullMQ queue, one per process (ScoringJobs runs its worker). */
@Injectable()
export class ScoringQueue implements OnApplicationShutdown {
  readonly queue: JobQueue;

  constructor(@Inject(SCORING_CONFIG) config: ScoringConfig, @Inject(SERVICE_LOGGER) logger: Logger) {
    this.queue = serviceJobQueue('scoring', config, logger);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
