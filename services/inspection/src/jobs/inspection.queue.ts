import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { serviceJobQueue, type JobQueue } from '@ocop/jobs';
import { SERVICE_LOGGER } from '@ocop/service-kit';
import { INSPECTION_CONFIG } from '../inspection.tokens';
import type { InspectionConfig } from '../config/inspection.config';

/** Inspection's BullMQ queue, one per process: use cases add timers to it (InspectionTimers), InspectionJobs runs its workers. */
@Injectable()
export class InspectionQueue implements OnApplicationShutdown {
  readonly queue: JobQueue;

  constructor(@Inject(INSPECTION_CONFIG) config: InspectionConfig, @Inject(SERVICE_LOGGER) logger: Logger) {
    this.queue = serviceJobQueue('inspection', config, logger);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
