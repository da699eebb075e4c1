import { Inject, type OnApplicationShutdown } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import {
  AgencyApi,
  AskGuidanceCommand,
  DossierGuidanceQuery,
  GuidanceMessageCommand,
  ListGuidanceQuery,
  RegistrationSubjects as S,
  agencyApiSubject,
  validateInto,
  type GuidanceThreadView,
} from '@ocop/contracts';
import { Caller, Handles, RpcController, requireActor, serveAgencyRequests, type RpcContext } from '@ocop/messaging';
import { SERVICE_LOGGER, SERVICE_NATS } from '@ocop/service-kit';
import { REGISTRATION_CONFIG } from '../registration.tokens';
import type { RegistrationConfig } from '../config/registration.config';
import { AskGuidanceUseCase, PostGuidanceMessageUseCase } from './guidance.use-cases';
import { GuidanceQueries } from './guidance.queries';

/** The bus edge of guidance threads: through the gateway, and the agency's own service on `<prefix>.agency.<CODE>.api.guidance.answer`. */
@RpcController()
export class GuidanceHandler implements OnApplicationShutdown {
  private subscription?: Subscription;

  constructor(
    private readonly ask: AskGuidanceUseCase,
    private readonly post: PostGuidanceMessageUseCase,
    private readonly queries: GuidanceQueries,
    @Inject(REGISTRATION_CONFIG) private readonly config: RegistrationConfig,
    @Inject(SERVICE_NATS) private readonly nc: NatsConnection,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  listen(): void {
    this.subscription = serveAgencyRequests<GuidanceThreadView>(this.nc, {
      subject: agencyApiSubject(this.config.prefix, '*', AgencyApi.answerGuidance),
      prefix: this.config.prefix,
      queue: 'registration',
      mode: this.config.mode,
      logger: this.logger,
      handle: (agencyCode, body, asOf) => this.post.execute({ via: 'NATS', agencyCode }, validateInto(GuidanceMessageCommand, body), asOf),
    });
  }

  @Handles(S.dossierAskGuidance)
  askGuidance(@Payload() c: AskGuidanceCommand, @Caller() call: RpcContext): Promise<GuidanceThreadView> {
    return this.ask.execute(requireActor(call), c, call.asOf);
  }

  @Handles(S.dossierGuidance)
  ofDossier(@Payload() q: DossierGuidanceQuery, @Caller() call: RpcContext): Promise<GuidanceThreadView[]> {
    return this.queries.ofDossier(requireActor(call), q.dossierId);
  }

  @Handles(S.guidanceList)
  list(@Payload() q: ListGuidanceQuery, @Caller() call: RpcContext): Promise<GuidanceThreadView[]> {
    return this.queries.list(requireActor(call), q);
  }

  @Handles(S.guidanceReply)
  reply(@Payload() c: GuidanceMessageCommand, @Caller() call: RpcContext): Promise<GuidanceThreadView> {
    return this.post.execute({ via: 'HTTP', actor: requireActor(call) }, c, call.asOf);
  }

  async onApplicationShutdown(): Promise<void> {
    this.subscription?.unsubscribe();
  }
}
