import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { LAB_CREDENTIAL_HEADER, RecordResultCommand, labResultsSubject, validateInto, type SampleView } from '@ocop/contracts';
import { serveAgencyRequests } from '@ocop/messaging';
import { SERVICE_LOGGER, SERVICE_NATS } from '@ocop/service-kit';
import { INSPECTION_CONFIG } from '../inspection.tokens';
import type { InspectionConfig } from '../config/inspection.config';
import { AuthenticateLabUseCase } from './authenticate-lab.use-case';
import { RecordSampleResultUseCase } from '../samples/record-sample-result.use-case';

/**
 * Labs' own services send results on `<prefix>.agency.<labCode>.sample-results` (request/reply), with the
 * credential the platform issued them. A lab may only use its own subject and only for samples sent to it;
 * the reply says what happened (the stored sample, or an error with a stable code). In production the NATS
 * server's permissions also restrict each lab account to its own subject (deploy/nats).
 */
@Injectable()
export class LabResultsListener implements OnApplicationShutdown {
  private subscription?: Subscription;

  constructor(
    @Inject(SERVICE_NATS) private readonly nc: NatsConnection,
    @Inject(INSPECTION_CONFIG) private readonly config: InspectionConfig,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    private readonly authenticateLab: AuthenticateLabUseCase,
    private readonly recordSampleResult: RecordSampleResultUseCase,
  ) {}

  start(): void {
    this.subscription = serveAgencyRequests<SampleView>(this.nc, {
      subject: labResultsSubject(this.config.prefix, '*'),
      prefix: this.config.prefix,
      queue: 'inspection',
      mode: this.config.mode,
      logger: this.logger,
      handle: async (labCode, body, asOf, msg) => {
        const lab = await this.authenticateLab.execute(msg.headers?.get(LAB_CREDENTIAL_HEADER) || undefined, labCode);
        const c = validateInto(RecordResultCommand, body);
        return this.recordSampleResult.execute({ via: 'NATS', lab }, c.sampleId, c, asOf);
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.subscription?.unsubscribe();
  }
}
