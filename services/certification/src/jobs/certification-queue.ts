import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { JobQueue } from '@ocop/jobs';
import { SERVICE_LOGGER } from '@ocop/messaging';
import { CERTIFICATION_CONFIG } from '../certification.tokens';
import type { CertificationConfig } from '../config/certification.config';

/** Certification's BullMQ queue, one per process: use cases add timers to it, CertificationJobs runs its workers. */
@Injectable()
export class CertificationQueue implements OnApplicationShutdown {
  readonly queue: JobQueue;

  constructor(@Inject(CERTIFICATION_CONFIG) config: CertificationConfig, @Inject(SERVICE_LOGGER) logger: Logger) {
    this.queue = new JobQueue({
      redisUrl: config.redisUrl,
      prefix: `${config.redisPrefix}:jobs`,
      queue: 'certification',
      logger,
      stalledIntervalMs: config.jobStalledIntervalMs,
      lockDurationMs: config.jobLockDurationMs,
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
