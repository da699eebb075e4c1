import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import {
  AgencyApi,
  AgencyDossierQuery as AgencyDossierRequest,
  GiveOpinionCommand,
  GuidanceMessageCommand,
  agencyApiSubject,
  validateInto,
} from '@ocop/contracts';
import { serveAgencyRequests } from '@ocop/messaging';
import { SERVICE_LOGGER, SERVICE_NATS } from '@ocop/service-kit';
import { REGISTRATION_CONFIG } from '../registration.tokens';
import type { RegistrationConfig } from '../config/registration.config';
import { GiveOpinionUseCase } from '../opinions/give-opinion.use-case';
import { PostGuidanceMessageUseCase } from '../guidance/guidance.use-cases';
import { AgencyDossierQuery } from './agency-dossier.query';

/**
 * The requests agencies' own services send registration, each on `<prefix>.agency.<CODE>.api.<name>` (AgencyApi): the
 * agency is the subject's, which only its credential may publish on (deploy/nats/operator-mode.md).
 */
@Injectable()
export class AgencyRequestsListener implements OnApplicationShutdown {
  private readonly subscriptions: Subscription[] = [];

  constructor(
    private readonly giveOpinion: GiveOpinionUseCase,
    private readonly postGuidance: PostGuidanceMessageUseCase,
    private readonly readDossier: AgencyDossierQuery,
    @Inject(REGISTRATION_CONFIG) private readonly config: RegistrationConfig,
    @Inject(SERVICE_NATS) private readonly nc: NatsConnection,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  start(): void {
    const serve = <T>(name: string, handle: (agencyCode: string, body: unknown, asOf: Date) => Promise<T>) =>
      this.subscriptions.push(
        serveAgencyRequests<T>(this.nc, {
          subject: agencyApiSubject(this.config.prefix, '*', name),
          prefix: this.config.prefix,
          queue: 'registration',
          mode: this.config.mode,
          logger: this.logger,
          handle,
        }),
      );
    serve(AgencyApi.giveOpinion, (agencyCode, body, asOf) =>
      this.giveOpinion.execute({ via: 'NATS', agencyCode }, validateInto(GiveOpinionCommand, body), asOf),
    );
    serve(AgencyApi.answerGuidance, (agencyCode, body, asOf) =>
      this.postGuidance.execute({ via: 'NATS', agencyCode }, validateInto(GuidanceMessageCommand, body), asOf),
    );
    serve(AgencyApi.readDossier, (agencyCode, body) =>
      this.readDossier.execute(agencyCode, validateInto(AgencyDossierRequest, body).dossierId),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    for (const s of this.subscriptions) s.unsubscribe();
  }
}
