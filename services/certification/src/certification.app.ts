import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import type { EventPublisher } from '@ocop/messaging';
import { SERVICE_LOGGER, createServiceApp } from '@ocop/service-kit';
import type { CertificationConfig } from './config/certification.config';
import { CERTIFICATION_DATABASE } from './database/certification.database';
import { CERTIFICATION_CONFIG } from './certification.tokens';
import { Authorities } from './authorities/authorities.client';
import { CertificateSigner } from './signing/certificate.signer';
import { NOTIFICATION_CHANNELS } from './notifications/notification.channel';
import { LogChannel } from './notifications/log.channel';
import { NotificationOutbox } from './notifications/notification.outbox';
import { NotificationsRepository } from './notifications/notifications.repository';
import { DispatchNotificationsUseCase } from './notifications/dispatch-notifications.use-case';
import { ListNotificationsQuery } from './notifications/list-notifications.query';
import { SigningKeysRepository } from './signing/signing-keys.repository';
import { CertificatesRepository } from './certificates/certificates.repository';
import { DecisionsRepository } from './certificates/decisions.repository';
import { NumberCountersRepository } from './certificates/number-counters.repository';
import { ListCertificatesQuery } from './certificates/list-certificates.query';
import { GetCertificateQuery } from './certificates/get-certificate.query';
import { GetCertificatePdfQuery } from './certificates/get-certificate-pdf.query';
import { ListDecisionsQuery } from './certificates/list-decisions.query';
import { GetDecisionQuery } from './certificates/get-decision.query';
import { GetDecisionPdfQuery } from './certificates/get-decision-pdf.query';
import { VerifyCertificateQuery } from './certificates/verify-certificate.query';
import { ListRevokedCertificatesQuery } from './certificates/list-revoked-certificates.query';
import { NameIssuingAuthorityUseCase } from './issuance/name-issuing-authority.use-case';
import { IssueCertificateUseCase } from './issuance/issue-certificate.use-case';
import { CertificateNoticesRepository } from './expiry/certificate-notices.repository';
import { RunExpirySweepUseCase } from './expiry/run-expiry-sweep.use-case';
import { RevocationsRepository } from './revocation/revocations.repository';
import { RevocationRequestWorkflow } from './revocation/revocation-request.workflow';
import { RequestRevocationUseCase } from './revocation/request-revocation.use-case';
import { RequestRevocationForViolationUseCase } from './revocation/request-revocation-for-violation.use-case';
import { DecideRevocationUseCase } from './revocation/decide-revocation.use-case';
import { RejectRevocationUseCase } from './revocation/reject-revocation.use-case';
import { ConfirmCertificateReturnUseCase } from './revocation/confirm-certificate-return.use-case';
import { RunRevocationFollowUpsUseCase } from './revocation/run-revocation-follow-ups.use-case';
import { GetRevocationQuery } from './revocation/get-revocation.query';
import { ListRevocationsQuery } from './revocation/list-revocations.query';
import { ListPendingFollowUpsQuery } from './revocation/list-pending-follow-ups.query';
import { CertificationJobs } from './jobs/certification.jobs';
import { CertificationQueue } from './jobs/certification.queue';
import { RevocationTimers } from './revocation/revocation.timers';
import { CertificatesHandler } from './certificates/certificates.handler';
import { IssuanceHandler } from './issuance/issuance.handler';
import { PublicVerificationHandler } from './certificates/public-verification.handler';
import { RevocationsHandler } from './revocation/revocations.handler';
import { NotificationsHandler } from './notifications/notifications.handler';
import { JobsHandler } from './jobs/jobs.handler';

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
      {
        provide: NOTIFICATION_CHANNELS,
        inject: [SERVICE_LOGGER],
        useFactory: (logger: Logger) => config.notifyChannels.map(() => new LogChannel(logger)),
      }, // only `log` passes config validation
      // repositories
      SigningKeysRepository,
      CertificatesRepository,
      DecisionsRepository,
      NumberCountersRepository,
      CertificateNoticesRepository,
      RevocationsRepository,
      NotificationsRepository,
      // collaborators
      Authorities,
      CertificateSigner,
      NotificationOutbox,
      CertificationQueue,
      RevocationTimers,
      RevocationRequestWorkflow,
      // use cases and queries
      NameIssuingAuthorityUseCase,
      IssueCertificateUseCase,
      RunExpirySweepUseCase,
      RequestRevocationUseCase,
      RequestRevocationForViolationUseCase,
      DecideRevocationUseCase,
      RejectRevocationUseCase,
      ConfirmCertificateReturnUseCase,
      RunRevocationFollowUpsUseCase,
      DispatchNotificationsUseCase,
      ListCertificatesQuery,
      GetCertificateQuery,
      GetCertificatePdfQuery,
      ListDecisionsQuery,
      GetDecisionQuery,
      GetDecisionPdfQuery,
      VerifyCertificateQuery,
      ListRevokedCertificatesQuery,
      GetRevocationQuery,
      ListRevocationsQuery,
      ListPendingFollowUpsQuery,
      ListNotificationsQuery,
      CertificationJobs,
    ],
    controllers: [IssuanceHandler, CertificatesHandler, PublicVerificationHandler, RevocationsHandler, NotificationsHandler, JobsHandler],
    async bootstrap(ref) {
      await ref.get(CertificateSigner).init(new Date());
      await ref.get(CertificationJobs).start();
    },
  });
}
