import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Msg, NatsConnection, Subscription } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import {
  AppError,
  ErrorKind,
  HEADERS,
  LAB_CREDENTIAL_HEADER,
  RecordResultCommand,
  isInstant,
  labResultsSubject,
  validateInto,
  type RpcReply,
  type SampleView,
} from '@ocop/contracts';
import { toErrorPayload } from '@ocop/messaging';
import { SERVICE_LOGGER, SERVICE_NATS } from '@ocop/service-kit';
import { runAsOf } from '@ocop/observability';
import { INSPECTION_CONFIG } from '../inspection.tokens';
import type { InspectionConfig } from '../config/inspection.config';
import { AuthenticateLabUseCase } from './authenticate-lab.use-case';
import { RecordSampleResultUseCase } from '../samples/record-sample-result.use-case';

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
    private readonly authenticateLab: AuthenticateLabUseCase,
    private readonly recordSampleResult: RecordSampleResultUseCase,
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
      const lab = await this.authenticateLab.execute(msg.headers?.get(LAB_CREDENTIAL_HEADER) || undefined, labCode);
      let body: unknown;
      try {
        body = JSON.parse(msg.string());
      } catch {
        throw AppError.validation('VALIDATION_FAILED', 'the message must be JSON', 'body');
      }
      const c = validateInto(RecordResultCommand, body);
      const asOf = this.asOfOf(msg);
      reply = {
        ok: true,
        data: await runAsOf(asOf, 'request', () => this.recordSampleResult.execute({ via: 'NATS', lab }, c.sampleId, c, asOf)),
      };
    } catch (err) {
      const e = toErrorPayload(err);
      if (e.kind === ErrorKind.INTERNAL) this.logger.error({ err, subject: msg.subject }, 'lab result failed');
      else this.logger.warn({ code: e.code, subject: msg.subject }, `lab result refused: ${e.message}`);
      reply = { ok: false, error: e };
    }
    if (msg.reply) msg.respond(encoder.encode(JSON.stringify(reply)));
  }

  /**
   * When the result is recorded: now, or — outside production, so a whole year can be driven through time — the
   * instant in the message's `ocop-as-of` header, like X-As-Of on HTTP.
   */
  private asOfOf(msg: Msg): Date {
    const given = msg.headers?.get(HEADERS.asOf);
    if (!given) return new Date();
    if (this.config.mode === 'production')
      throw AppError.validation('AS_OF_NOT_ALLOWED', 'the ocop-as-of header is refused in production mode', HEADERS.asOf);
    if (!isInstant(given))
      throw AppError.validation('AS_OF_INVALID', 'ocop-as-of must be an ISO 8601 instant with its offset', HEADERS.asOf);
    return new Date(given);
  }

  async onApplicationShutdown(): Promise<void> {
    this.subscription?.unsubscribe();
  }
}
