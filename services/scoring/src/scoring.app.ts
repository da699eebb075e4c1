import { resolve } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RpcClient, UserDirectory, type EventPublisher } from '@ocop/messaging';
import { createServiceApp } from '@ocop/service-kit';
import type { ScoringConfig } from './config/scoring.config';
import { SCORING_DATABASE } from './database/scoring.database';
import { CatalogueRevisionsRepository } from './catalogue/catalogue-revisions.repository';
import { CatalogueLoader } from './catalogue/catalogue.loader';
import { CataloguePublisher } from './catalogue/catalogue.publisher';
import { ImportCataloguesUseCase } from './catalogue/import-catalogues.use-case';
import { PutCatalogueUseCase } from './catalogue/put-catalogue.use-case';
import { ListCataloguesQuery } from './catalogue/list-catalogues.query';
import { GetCatalogueQuery } from './catalogue/get-catalogue.query';
import { CouncilsRepository } from './councils/councils.repository';
import { CreateCouncilUseCase } from './councils/create-council.use-case';
import { CouncilUnits } from './councils/council-units';
import { NominationsRepository } from './nominations/nominations.repository';
import { NominationsWorkflow } from './nominations/nominations.workflow';
import { DecideNominationUseCase, ListNominationsUseCase, NominateMemberUseCase } from './nominations/nominations.use-cases';
import { NominationsHandler } from './nominations/nominations.handler';
import { DeclareConflictUseCase } from './councils/declare-conflict.use-case';
import { GetCouncilQuery } from './councils/get-council.query';
import { ListCouncilsQuery } from './councils/list-councils.query';
import { EvaluationsRepository } from './evaluations/evaluations.repository';
import { EvaluationWorkflow } from './evaluations/evaluation.workflow';
import { OpenEvaluationUseCase } from './evaluations/open-evaluation.use-case';
import { RecordSampleResultUseCase } from './evaluations/record-sample-result.use-case';
import { RecordOpinionUseCase } from './evaluations/record-opinion.use-case';
import { SetLabResultUseCase } from './evaluations/set-lab-result.use-case';
import { ListEvaluationsQuery } from './evaluations/list-evaluations.query';
import { GetEvaluationQuery } from './evaluations/get-evaluation.query';
import { GetStarGapQuery } from './evaluations/get-star-gap.query';
import { MinistrySamplesRepository } from './evaluations/ministry-samples.repository';
import { MinistrySamplesUseCases } from './evaluations/ministry-samples.use-cases';
import { AdvisorySheetsUseCases } from './sessions/advisory-sheets.use-cases';
import { EvaluationPlansRepository } from './evaluation-plans/evaluation-plans.repository';
import { EvaluationPlansUseCases } from './evaluation-plans/evaluation-plans.use-cases';
import { EvaluationPlansHandler } from './evaluation-plans/evaluation-plans.handler';
import { TransferDistrictEvaluationsUseCase } from './evaluations/transfer-district-evaluations.use-case';
import { SessionsRepository } from './sessions/sessions.repository';
import { ScoreSheetsRepository } from './sessions/score-sheets.repository';
import { SessionViewBuilder } from './sessions/session-view.builder';
import { CreateSessionUseCase } from './sessions/create-session.use-case';
import { AddToAgendaUseCase } from './sessions/add-to-agenda.use-case';
import { RecordAttendanceUseCase } from './sessions/record-attendance.use-case';
import { SubmitSheetUseCase } from './sessions/submit-sheet.use-case';
import { CloseSessionUseCase } from './sessions/close-session.use-case';
import { GetSessionQuery } from './sessions/get-session.query';
import { ListSessionsQuery } from './sessions/list-sessions.query';
import { ListSheetsQuery } from './sessions/list-sheets.query';
import { GetMinutesQuery } from './sessions/get-minutes.query';
import { CatalogueHandler } from './catalogue/catalogue.handler';
import { CheckCommuneAssessmentQuery } from './catalogue/check-commune-assessment.query';
import { CouncilsHandler } from './councils/councils.handler';
import { EvaluationsHandler } from './evaluations/evaluations.handler';
import { SessionsHandler } from './sessions/sessions.handler';
import { SendWrittenConsultationRemindersUseCase } from './sessions/send-written-consultation-reminders.use-case';
import { ScoringQueue } from './jobs/scoring.queue';
import { ScoringJobs } from './jobs/scoring.jobs';
import { ScoringJobsHandler } from './jobs/jobs.handler';
import { SCORING_CONFIG } from './scoring.tokens';

const REPO_ROOT = resolve(__dirname, '..', '..', '..').replace(/[/\\]dist$/, '');

export interface ScoringAppOptions {
  /** Replaces the JetStream publisher of the outbox relay (fault-injection tests). */
  publisher?: EventPublisher;
}

/**
 * Builds the scoring process: imports new criteria catalogue files, then answers its requests, turns registration's
 * proposals into evaluations awaiting a council session, and runs its jobs (written consultations' reminders). Call
 * listen() or init().
 */
export function createScoringApp(config: ScoringConfig, o: ScoringAppOptions = {}): Promise<NestFastifyApplication> {
  return createServiceApp({
    name: 'scoring',
    database: SCORING_DATABASE,
    config,
    publisher: o.publisher,
    providers: [
      { provide: UserDirectory, inject: [RpcClient], useFactory: (rpc: RpcClient) => new UserDirectory(rpc) },
      { provide: SCORING_CONFIG, useValue: config },
      CatalogueRevisionsRepository,
      CatalogueLoader,
      CataloguePublisher,
      ImportCataloguesUseCase,
      PutCatalogueUseCase,
      ListCataloguesQuery,
      GetCatalogueQuery,
      CouncilsRepository,
      CreateCouncilUseCase,
      CouncilUnits,
      NominationsRepository,
      NominationsWorkflow,
      NominateMemberUseCase,
      DecideNominationUseCase,
      ListNominationsUseCase,
      DeclareConflictUseCase,
      GetCouncilQuery,
      ListCouncilsQuery,
      EvaluationsRepository,
      EvaluationWorkflow,
      OpenEvaluationUseCase,
      RecordSampleResultUseCase,
      RecordOpinionUseCase,
      SetLabResultUseCase,
      ListEvaluationsQuery,
      GetEvaluationQuery,
      GetStarGapQuery,
      MinistrySamplesRepository,
      MinistrySamplesUseCases,
      AdvisorySheetsUseCases,
      EvaluationPlansRepository,
      EvaluationPlansUseCases,
      TransferDistrictEvaluationsUseCase,
      SessionsRepository,
      ScoreSheetsRepository,
      SessionViewBuilder,
      CreateSessionUseCase,
      AddToAgendaUseCase,
      RecordAttendanceUseCase,
      SubmitSheetUseCase,
      CloseSessionUseCase,
      GetSessionQuery,
      ListSessionsQuery,
      ListSheetsQuery,
      GetMinutesQuery,
      CheckCommuneAssessmentQuery,
      SendWrittenConsultationRemindersUseCase,
      ScoringQueue,
      ScoringJobs,
    ],
    controllers: [
      CatalogueHandler,
      CouncilsHandler,
      EvaluationsHandler,
      SessionsHandler,
      NominationsHandler,
      EvaluationPlansHandler,
      ScoringJobsHandler,
    ],
    async bootstrap(ref, logger) {
      await ref.get(ImportCataloguesUseCase).execute(config.criteriaDir ?? resolve(REPO_ROOT, 'data', 'criteria'), logger);
      await ref.get(ScoringJobs).start();
    },
  });
}
