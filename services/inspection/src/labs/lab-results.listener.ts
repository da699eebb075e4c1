import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Msg, NatsConnection, Subscription } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import {
  AppError, ErrorKind, LAB_CREDENTIAL_HEADER, RecordResultCommand, labResultsSubject, validateInto, type RpcReply, type SampleView,
} from '@ocop/contracts';
import { SERVICE_LOGGER, SERVICE_NATS } from '@ocop/messaging';
import { INSPECTION_CONFIG } from '../inspection.tokens';
import type { InspectionConfig } from '../config/inspection.config';
import { LabsUseCases } from './labs.use-cases';
import { SamplesUseCases } from '../samples/samples.use-cases';

const encoder = new TextEncoder();

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
    private readonly labs: LabsUseCases,
    private readonly samples: SamplesUseCases,
  ) {}

  start(): void {
    this.subscription = this.nc.subscribe(labResultsSubject(this.config.prefix, '*'), {
      queue: 'inspection',
      callback: (err, msg) => {
        if (!err) void this.handle(msg);
      },
    });
  }

  private async handle(msg: Msg): Promise<void> {
    const labCode = msg.subject.split('.').at(-2) as string;
    let reply: RpcReply<SampleView>;
    try {
      const lab = await this.labs.labOfCredential(msg.headers?.get(LAB_CREDENTIAL_HEADER) || undefined, labCode);
      let body: unknown;
      try {
        body = JSON.parse(msg.string());
      } catch {
        throw AppError.validation('VALIDATION_FAILED', 'the message must be JSON', 'body');
      }
      const c = validateInto(RecordResultCommand, body);
      reply = { ok: true, data: await this.samples.recordResult({ via: 'NATS', lab }, c.sampleId, c, new Date()) };
    } catch (err) {
      const e = err instanceof AppError ? err : new AppError(ErrorKind.INTERNAL, 'INTERNAL_ERROR', 'internal error');
      if (!(err instanceof AppError)) this.logger.error({ err, subject: msg.subject }, 'lab result failed');
      else this.logger.warn({ code: e.code, subject: msg.subject }, `lab result refused: ${e.message}`);
      reply = { ok: false, error: { code: e.code, kind: e.kind, message: e.message, field: e.field } };
    }
    if (msg.reply) msg.respond(encoder.encode(JSON.stringify(reply)));
  }

  async onApplicationShutdown(): Promise<void> {
    this.subscription?.unsubscribe();
  }
}
