import { resolve } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { NatsConnection } from '@nats-io/transport-node';
import { RpcClient, SERVICE_NATS, createServiceApp, type EventPublisher } from '@ocop/messaging';
import type { RegistrationConfig } from './config/registration.config';
import { REGISTRATION_DATABASE } from './database/registration.database';
import { UnitsRepository } from './units/units.repository';
import { ProducersRepository } from './producers/producers.repository';
import { ProductsRepository } from './products/products.repository';
import { RoundsRepository } from './rounds/rounds.repository';
import { DossiersRepository } from './dossiers/dossiers.repository';
import { CreateProducerUseCase } from './producers/create-producer.use-case';
import { CreateProductUseCase } from './products/create-product.use-case';
import { CreateRoundUseCase } from './rounds/create-round.use-case';
import { CreateDossierUseCase } from './dossiers/create-dossier.use-case';
import { DossierWorkflow } from './dossiers/dossier-workflow';
import { DossierIntakeUseCases } from './dossiers/dossier-intake.use-cases';
import { DossierViews } from './dossiers/dossier-views';
import { TimelineProjection } from './dossiers/timeline.projection';
import { EvaluationProgress } from './dossiers/evaluation-progress';
import { ReevaluationInvitationsRepository } from './reevaluation/reevaluation-invitations.repository';
import { ReevaluationInvitations } from './reevaluation/reevaluation-invitations';
import { SeedDemoDataUseCase } from './demo/seed-demo-data.use-case';
import { RegistrationHandler } from './registration.handler';

const REPO_ROOT = resolve(__dirname, '..', '..', '..').replace(/[/\\]dist$/, '');

export interface RegistrationAppOptions {
  /** Replaces the JetStream publisher of the outbox relay (fault-injection tests). */
  publisher?: EventPublisher;
}

/** Builds the registration process: demo data when asked, then its requests and its consumers (timeline, dossier progress, re-evaluation invitations). Call listen() or init(). */
export function createRegistrationApp(config: RegistrationConfig, o: RegistrationAppOptions = {}): Promise<NestFastifyApplication> {
  return createServiceApp({
    name: 'registration',
    database: REGISTRATION_DATABASE,
    config,
    publisher: o.publisher,
    providers: [
      { provide: RpcClient, inject: [SERVICE_NATS], useFactory: (nc: NatsConnection) => new RpcClient(nc, config.prefix) },
      UnitsRepository,
      ProducersRepository,
      ProductsRepository,
      RoundsRepository,
      DossiersRepository,
      ReevaluationInvitationsRepository,
      CreateProducerUseCase,
      CreateProductUseCase,
      CreateRoundUseCase,
      CreateDossierUseCase,
      DossierWorkflow,
      DossierIntakeUseCases,
      DossierViews,
      TimelineProjection,
      EvaluationProgress,
      ReevaluationInvitations,
      SeedDemoDataUseCase,
      RegistrationHandler,
    ],
    async bootstrap(ref, logger) {
      if (config.demoData) await ref.get(SeedDemoDataUseCase).execute(REPO_ROOT, new Date(), logger);
      const timeline = ref.get(TimelineProjection);
      return {
        routes: ref.get(RegistrationHandler).routes(),
        consumers: [
          { name: 'timeline', handlers: { '*': (e, tx) => timeline.apply(e, tx) }, concurrency: 8 },
          // One at a time, in stream order: a dossier's scheduling precedes its completion, which precedes its certificate.
          { name: 'evaluation-progress', handlers: ref.get(EvaluationProgress).handlers(), concurrency: 1 },
          // Certificate lifecycle → re-evaluation invitations; in order too: a certificate's notices precede its end.
          { name: 'reevaluation-invitations', handlers: ref.get(ReevaluationInvitations).handlers(), concurrency: 1 },
        ],
      };
    },
  });
}
