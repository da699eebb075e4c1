import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { serviceJobQueue, type JobQueue } from '@ocop/jobs';
import { SERVICE_LOGGER } from '@ocop/service-kit';
import { PROGRAMME_CONFIG } from '../programme.tokens';
import type { ProgrammeConfig } from '../config/programme.config';

/** The programme's BullMQ queue, one per process (ProgrammeJobs runs its worker). */
@Injectable()
export class ProgrammeQueue implements OnApplicationShutdown {
  readonly queue: JobQueue;

  constructor(@Inject(PROGRAMME_CONFIG) config: ProgrammeConfig, @Inject(SERVICE_LOGGER) logger: Logger) {
    this.queue = serviceJobQueue('programme', config, logger);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
