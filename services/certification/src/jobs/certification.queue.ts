import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { serviceJobQueue, type JobQueue } from '@ocop/jobs';
import { SERVICE_LOGGER } from '@ocop/service-kit';
import { CERTIFICATION_CONFIG } from '../certification.tokens';
import type { CertificationConfig } from '../config/certification.config';

/** Certification's BullMQ queue, one per process: use cases add timers to it, CertificationJobs runs its workers. */
@Injectable()
export class CertificationQueue implements OnApplicationShutdown {
  readonly queue: JobQueue;

  constructor(@Inject(CERTIFICATION_CONFIG) config: CertificationConfig, @Inject(SERVICE_LOGGER) logger: Logger) {
    this.queue = serviceJobQueue('certification', config, logger);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
