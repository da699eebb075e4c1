import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { serviceJobQueue, type JobQueue } from '@ocop/jobs';
import { SERVICE_LOGGER } from '@ocop/service-kit';
import { REGISTRATION_CONFIG } from '../registration.tokens';
import type { RegistrationConfig } from '../config/registration.config';

/** Registration's BullMQ queue, one per process (RegistrationJobs runs its worker). */
@Injectable()
export class RegistrationQueue implements OnApplicationShutdown {
  readonly queue: JobQueue;

  constructor(@Inject(REGISTRATION_CONFIG) config: RegistrationConfig, @Inject(SERVICE_LOGGER) logger: Logger) {
    this.queue = serviceJobQueue('registration', config, logger);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
