import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { InspectionEvents, ScoringEvents } from '@ocop/contracts';
import { RpcClient, SERVICE_LOGGER, SERVICE_NATS, createServiceApp, type ConsumerSpec, type EventPublisher } from '@ocop/messaging';
import type { CertificationConfig } from './config/certification.config';
import { CERTIFICATION_DATABASE } from './database/certification.database';
import { CERTIFICATION_CONFIG } from './certification.tokens';
import { Authorities } from './authorities/authorities';
import { CertificateSigner } from './signing/certificate-signer';
import { LogChannel, NOTIFICATION_CHANNELS, Notifications } from './notifications/notifications';
import { IssueCertificatesUseCase } from './issuance/issue-certificates.use-case';
import { ExpirySweep } from './expiry/expiry-sweep';
import { RevocationsUseCases } from './revocation/revocations.use-cases';
import { CertificateQueries } from './certificates/certificate-queries';
import { CertificationJobs } from './jobs/certification-jobs';
import { CertificationQueue } from './jobs/certification-queue';
import { RevocationTimers } from './revocation/revocation-timers';
import { CertificationHandler } from './certification.handler';

export interface CertificationAppOptions {
  publisher?: EventPublisher;
}

/**
 * Builds the certification process: records the issuer keys, starts its job worker (and the recurring jobs
 * when it owns them), issues certificates from scoring's outcomes, and answers its requests. Call listen() or init().
 */
export function createCertificationApp(config: CertificationConfig, o: CertificationAppOptions = {}): Promise<NestFastifyApplication> {
  return createServiceApp({
    name: 'certification',
    database: CERTIFICATION_DATABASE,
    config,
    publisher: o.publisher,
    providers: [
      { provide: CERTIFICATION_CONFIG, useValue: config },
      { provide: RpcClient, inject: [SERVICE_NATS], useFactory: (nc: NatsConnection) => new RpcClient(nc, config.prefix) },
      {
        provide: NOTIFICATION_CHANNELS,
        inject: [SERVICE_LOGGER],
        useFactory: (logger: Logger) => config.notifyChannels.map(() => new LogChannel(logger)),
      }, // only `log` passes config validation
      Authorities,
      CertificateSigner,
      Notifications,
      IssueCertificatesUseCase,
      ExpirySweep,
      CertificationQueue,
      RevocationTimers,
      RevocationsUseCases,
      CertificateQueries,
      CertificationJobs,
      CertificationHandler,
    ],
    async bootstrap(ref) {
      await ref.get(CertificateSigner).init(new Date());
      await ref.get(CertificationJobs).start();
      const issue = ref.get(IssueCertificatesUseCase);
      const revocations = ref.get(RevocationsUseCases);
      const consumers: ConsumerSpec[] = [
        {
          name: 'issuance',
          handlers: {
            [ScoringEvents.evaluationCompleted]: {
              prepare: (e) => issue.prepareIssuance(e),
              apply: (e, tx, names) => issue.onEvaluationCompleted(e, tx, names),
            },
          },
          concurrency: 4,
        },
        {
          name: 'inspection-requests',
          handlers: { [InspectionEvents.revocationRequested]: (e, tx) => revocations.onInspectionRequest(e, tx) },
          concurrency: 1,
        },
      ];
      return { routes: ref.get(CertificationHandler).routes(), consumers };
    },
  });
}
