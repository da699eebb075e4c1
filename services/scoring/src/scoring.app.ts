import { resolve } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { InspectionEvents, RegistrationEvents } from '@ocop/contracts';
import type { NatsConnection } from '@nats-io/transport-node';
import { RpcClient, SERVICE_NATS, UserDirectory, createServiceApp, type ConsumerSpec, type EventPublisher } from '@ocop/messaging';
import type { ScoringConfig } from './config/scoring.config';
import { SCORING_DATABASE } from './database/scoring.database';
import { CatalogueService } from './catalogue/catalogue.service';
import { CouncilsUseCases } from './councils/councils.use-cases';
import { EvaluationsUseCases } from './evaluations/evaluations.use-cases';
import { SessionsUseCases } from './sessions/sessions.use-cases';
import { CloseSessionUseCase } from './sessions/close-session.use-case';
import { ScoringHandler } from './scoring.handler';
import { DistrictTransferUseCase } from './evaluations/district-transfer.use-case';
import { SCORING_CONFIG } from './scoring.tokens';

const REPO_ROOT = resolve(__dirname, '..', '..', '..').replace(/[/\\]dist$/, '');

export interface ScoringAppOptions {
  /** Replaces the JetStream publisher of the outbox relay (fault-injection tests). */
  publisher?: EventPublisher;
}

/**
 * Builds the scoring process: imports new criteria catalogue files, then answers its requests and turns
 * registration's proposals into evaluations awaiting a council session. Call listen() or init().
 */
export function createScoringApp(config: ScoringConfig, o: ScoringAppOptions = {}): Promise<NestFastifyApplication> {
  return createServiceApp({
    name: 'scoring',
    database: SCORING_DATABASE,
    config,
    publisher: o.publisher,
    providers: [
      { provide: RpcClient, inject: [SERVICE_NATS], useFactory: (nc: NatsConnection) => new RpcClient(nc, config.prefix) },
      { provide: UserDirectory, inject: [RpcClient], useFactory: (rpc: RpcClient) => new UserDirectory(rpc) },
      { provide: SCORING_CONFIG, useValue: config },
      CatalogueService,
      CouncilsUseCases,
      EvaluationsUseCases,
      SessionsUseCases,
      CloseSessionUseCase,
      DistrictTransferUseCase,
      ScoringHandler,
    ],
    async bootstrap(ref, logger) {
      await ref.get(CatalogueService).importDirectory(config.criteriaDir ?? resolve(REPO_ROOT, 'data', 'criteria'), logger);
      const evaluations = ref.get(EvaluationsUseCases);
      const consumers: ConsumerSpec[] = [
        {
          name: 'intake',
          handlers: { [RegistrationEvents.dossierProposed]: (e, tx) => evaluations.onDossierProposed(e, tx) },
          concurrency: 4,
        },
        // Lab results from inspection open or block the province-tier gate.
        {
          name: 'lab-results',
          handlers: { [InspectionEvents.sampleResultRecorded]: (e, tx) => evaluations.onSampleResult(e, tx) },
          concurrency: 2,
        },
      ];
      return {
        routes: ref.get(ScoringHandler).routes(),
        consumers,
      };
    },
  });
}
