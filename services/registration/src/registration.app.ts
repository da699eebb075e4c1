import { resolve } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { EventPublisher } from '@ocop/messaging';
import { createServiceApp } from '@ocop/service-kit';
import type { RegistrationConfig } from './config/registration.config';
import { REGISTRATION_DATABASE } from './database/registration.database';
import { UnitsRepository } from './units/units.repository';
import { ProducersRepository } from './producers/producers.repository';
import { ProductsRepository } from './products/products.repository';
import { RoundsRepository } from './rounds/rounds.repository';
import { DossiersRepository } from './dossiers/dossiers.repository';
import { TimelineEntriesRepository } from './dossiers/timeline-entries.repository';
import { CreateProducerUseCase } from './producers/create-producer.use-case';
import { CreateProductUseCase } from './products/create-product.use-case';
import { SetProductAttributesUseCase } from './products/set-product-attributes.use-case';
import { CreateRoundUseCase } from './rounds/create-round.use-case';
import { CreateDossierUseCase } from './dossiers/create-dossier.use-case';
import { AttachDocumentUseCase } from './dossiers/attach-document.use-case';
import { DossierWorkflow } from './dossiers/dossier.workflow';
import { SubmitDossierUseCase } from './dossiers/submit-dossier.use-case';
import { ReturnDossierUseCase } from './dossiers/return-dossier.use-case';
import { AcceptDossierUseCase } from './dossiers/accept-dossier.use-case';
import { WithdrawDossierUseCase } from './dossiers/withdraw-dossier.use-case';
import { ProposeDossierUseCase } from './dossiers/propose-dossier.use-case';
import { DossierQueries } from './dossiers/dossiers.queries';
import { TimelineProjection } from './dossiers/timeline.projection';
import { EvaluationProgressConsumer } from './dossiers/evaluation-progress.consumer';
import { ReevaluationInvitationsRepository } from './reevaluation/reevaluation-invitations.repository';
import { FileReevaluationInvitationsUseCase } from './reevaluation/file-reevaluation-invitations.use-case';
import { ReevaluationInvitationQueries } from './reevaluation/reevaluation-invitations.queries';
import { ReevaluationInvitationsConsumer } from './reevaluation/reevaluation-invitations.consumer';
import { SeedDemoDataUseCase } from './demo/seed-demo-data.use-case';
import { UnitsHandler } from './units/units.handler';
import { ProducersHandler } from './producers/producers.handler';
import { ProductsHandler } from './products/products.handler';
import { RoundsHandler } from './rounds/rounds.handler';
import { DossiersHandler } from './dossiers/dossiers.handler';
import { ReevaluationInvitationsHandler } from './reevaluation/reevaluation-invitations.handler';
import { REGISTRATION_CONFIG } from './registration.tokens';
import { OpinionsRepository } from './opinions/opinions.repository';
import { RequestOpinions } from './opinions/request-opinions';
import { GiveOpinionUseCase } from './opinions/give-opinion.use-case';
import { SetOpinionRuleUseCase } from './opinions/set-opinion-rule.use-case';
import { SendAgencyFollowUpsUseCase } from './jobs/send-agency-follow-ups.use-case';
import { GuidanceRepository } from './guidance/guidance.repository';
import { AskGuidanceUseCase, PostGuidanceMessageUseCase } from './guidance/guidance.use-cases';
import { GuidanceQueries } from './guidance/guidance.queries';
import { GuidanceHandler } from './guidance/guidance.handler';
import { ProductIdeasRepository } from './ideas/product-ideas.repository';
import { FileProductIdeaUseCase } from './ideas/file-product-idea.use-case';
import { AssessProductIdeaUseCase } from './ideas/assess-product-idea.use-case';
import { SendProductIdeaListUseCase } from './ideas/send-product-idea-list.use-case';
import { PickProductIdeaUseCase } from './ideas/pick-product-idea.use-case';
import { RejectProductIdeaUseCase } from './ideas/reject-product-idea.use-case';
import { ProductIdeaQueries } from './ideas/product-ideas.queries';
import { ProductIdeasHandler } from './ideas/product-ideas.handler';
import { ComplaintsRepository } from './complaints/complaints.repository';
import { AttachComplaintPhotoUseCase, SubmitComplaintUseCase, TriageComplaintUseCase } from './complaints/complaints.use-cases';
import { ComplaintQueries } from './complaints/complaints.queries';
import { ComplaintsHandler } from './complaints/complaints.handler';
import { ComplaintProgressConsumer } from './complaints/complaint-progress.consumer';
import { ConsultantsRepository } from './consultants/consultants.repository';
import { ConsultantsUseCases } from './consultants/consultants.use-cases';
import { ConsultantsHandler } from './consultants/consultants.handler';
import { OpinionQueries } from './opinions/opinion.queries';
import { OpinionsHandler } from './opinions/opinions.handler';
import { RegistrationQueue } from './jobs/registration.queue';
import { RegistrationJobs } from './jobs/registration.jobs';
import { AgencyDossierQuery } from './agency/agency-dossier.query';
import { AgencyRequestsListener } from './agency/agency-requests.listener';

const REPO_ROOT = resolve(__dirname, '..', '..', '..').replace(/[/\\]dist$/, '');

export interface RegistrationAppOptions {
  /** Replaces the JetStream publisher of the outbox relay (fault-injection tests). */
  publisher?: EventPublisher;
}

/** Builds the registration process: demo data when asked, then its requests and its consumers (timeline, dossier progress, re-evaluation invitations), agencies' opinions and their follow-up sweep. Call listen() or init(). */
export function createRegistrationApp(config: RegistrationConfig, o: RegistrationAppOptions = {}): Promise<NestFastifyApplication> {
  return createServiceApp({
    name: 'registration',
    database: REGISTRATION_DATABASE,
    config,
    publisher: o.publisher,
    providers: [
      { provide: REGISTRATION_CONFIG, useValue: config },
      RegistrationQueue,
      UnitsRepository,
      ProducersRepository,
      ProductsRepository,
      RoundsRepository,
      DossiersRepository,
      TimelineEntriesRepository,
      ReevaluationInvitationsRepository,
      CreateProducerUseCase,
      CreateProductUseCase,
      SetProductAttributesUseCase,
      CreateRoundUseCase,
      CreateDossierUseCase,
      AttachDocumentUseCase,
      DossierWorkflow,
      SubmitDossierUseCase,
      ReturnDossierUseCase,
      AcceptDossierUseCase,
      WithdrawDossierUseCase,
      ProposeDossierUseCase,
      DossierQueries,
      FileReevaluationInvitationsUseCase,
      ReevaluationInvitationQueries,
      SeedDemoDataUseCase,
      OpinionsRepository,
      RequestOpinions,
      GiveOpinionUseCase,
      SetOpinionRuleUseCase,
      GuidanceRepository,
      AskGuidanceUseCase,
      PostGuidanceMessageUseCase,
      GuidanceQueries,
      ProductIdeasRepository,
      FileProductIdeaUseCase,
      AssessProductIdeaUseCase,
      SendProductIdeaListUseCase,
      PickProductIdeaUseCase,
      RejectProductIdeaUseCase,
      ProductIdeaQueries,
      ComplaintsRepository,
      SubmitComplaintUseCase,
      AttachComplaintPhotoUseCase,
      TriageComplaintUseCase,
      ComplaintQueries,
      ConsultantsRepository,
      ConsultantsUseCases,
      SendAgencyFollowUpsUseCase,
      OpinionQueries,
      RegistrationJobs,
      AgencyDossierQuery,
      AgencyRequestsListener,
    ],
    controllers: [
      TimelineProjection,
      EvaluationProgressConsumer,
      ReevaluationInvitationsConsumer,
      UnitsHandler,
      ProducersHandler,
      ProductsHandler,
      RoundsHandler,
      DossiersHandler,
      ReevaluationInvitationsHandler,
      OpinionsHandler,
      GuidanceHandler,
      ProductIdeasHandler,
      ComplaintsHandler,
      ComplaintProgressConsumer,
      ConsultantsHandler,
    ],
    async bootstrap(ref, logger) {
      if (config.demoData) await ref.get(SeedDemoDataUseCase).execute(REPO_ROOT, new Date(), logger);
      await ref.get(RegistrationJobs).start();
      ref.get(AgencyRequestsListener).start();
    },
  });
}
