import { Inject, Injectable } from '@nestjs/common';
import {
  AddAgendaCommand,
  AppError,
  AttendanceCommand,
  CheckCommuneAssessmentQuery,
  CouncilIdQuery,
  CreateCouncilCommand,
  GetCatalogueQuery as GetCatalogueRequest,
  CreateSessionCommand,
  DeclareConflictCommand,
  EvaluationIdQuery,
  ListCouncilsQuery as ListCouncilsRequest,
  ListEvaluationsQuery as ListEvaluationsRequest,
  ListSessionsQuery as ListSessionsRequest,
  PutCatalogueCommand,
  Role,
  RunScoringJobCommand,
  ScoringSubjects as S,
  SessionIdQuery,
  SetLabResultCommand,
  SheetsQuery,
  SubmitSheetCommand,
  type TierModelView,
} from '@ocop/contracts';
import { TIER_MODELS, tierModelFor, treeForProductSet, validateCommuneAssessment, type LegalVersionCode } from '@ocop/domain';
import { renderMinutesPdf } from '@ocop/documents';
import { requireActor, requireRole, type RpcRoute } from '@ocop/messaging';
import { CatalogueLoader } from './catalogue/catalogue.loader';
import { ListCataloguesQuery } from './catalogue/list-catalogues.query';
import { GetCatalogueQuery } from './catalogue/get-catalogue.query';
import { PutCatalogueUseCase } from './catalogue/put-catalogue.use-case';
import { TransferDistrictEvaluationsUseCase } from './evaluations/transfer-district-evaluations.use-case';
import { SCORING_CONFIG } from './scoring.tokens';
import type { ScoringConfig } from './config/scoring.config';
import { CreateCouncilUseCase } from './councils/create-council.use-case';
import { DeclareConflictUseCase } from './councils/declare-conflict.use-case';
import { GetCouncilQuery } from './councils/get-council.query';
import { ListCouncilsQuery } from './councils/list-councils.query';
import { ListEvaluationsQuery } from './evaluations/list-evaluations.query';
import { GetEvaluationQuery } from './evaluations/get-evaluation.query';
import { SetLabResultUseCase } from './evaluations/set-lab-result.use-case';
import { CreateSessionUseCase } from './sessions/create-session.use-case';
import { ListSessionsQuery } from './sessions/list-sessions.query';
import { GetSessionQuery } from './sessions/get-session.query';
import { AddToAgendaUseCase } from './sessions/add-to-agenda.use-case';
import { RecordAttendanceUseCase } from './sessions/record-attendance.use-case';
import { SubmitSheetUseCase } from './sessions/submit-sheet.use-case';
import { ListSheetsQuery } from './sessions/list-sheets.query';
import { GetMinutesQuery } from './sessions/get-minutes.query';
import { CloseSessionUseCase } from './sessions/close-session.use-case';
import { minutesDocument } from './sessions/minutes';
import { runAsOf } from '@ocop/observability';

const tierModelViews = (): TierModelView[] =>
  TIER_MODELS.map((m) => ({
    legalVersion: m.legalVersion,
    effectiveFrom: m.effectiveFrom,
    communeAssessment: m.communeAssessment,
    entryTier: m.entryTier,
    steps: m.steps.map((s) => ({
      tier: s.tier,
      certifiesStars: [...s.certifiesStars],
      next: s.next,
      requiresLabResults: s.requiresLabResults,
    })),
  }));

/** The NATS edge of scoring: turns each request into one use case or query call. */
@Injectable()
export class ScoringHandler {
  constructor(
    private readonly catalogues: CatalogueLoader,
    private readonly listCatalogues: ListCataloguesQuery,
    private readonly getCatalogue: GetCatalogueQuery,
    private readonly putCatalogue: PutCatalogueUseCase,
    private readonly createCouncil: CreateCouncilUseCase,
    private readonly listCouncils: ListCouncilsQuery,
    private readonly getCouncil: GetCouncilQuery,
    private readonly declareConflict: DeclareConflictUseCase,
    private readonly listEvaluations: ListEvaluationsQuery,
    private readonly getEvaluation: GetEvaluationQuery,
    private readonly setLabResult: SetLabResultUseCase,
    private readonly createSession: CreateSessionUseCase,
    private readonly listSessions: ListSessionsQuery,
    private readonly getSession: GetSessionQuery,
    private readonly addToAgenda: AddToAgendaUseCase,
    private readonly recordAttendance: RecordAttendanceUseCase,
    private readonly submitSheet: SubmitSheetUseCase,
    private readonly listSheets: ListSheetsQuery,
    private readonly getMinutes: GetMinutesQuery,
    private readonly close: CloseSessionUseCase,
    private readonly districtTransfer: TransferDistrictEvaluationsUseCase,
    @Inject(SCORING_CONFIG) private readonly config: ScoringConfig,
  ) {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route has its own contract class
  routes(): RpcRoute<any, unknown>[] {
    return [
      this.route(S.catalogueList, undefined, async (_q, ctx) => {
        requireActor(ctx);
        return this.listCatalogues.execute();
      }),
      this.route(S.catalogueGet, GetCatalogueRequest, async (q, ctx) => {
        requireActor(ctx);
        return this.getCatalogue.execute(q.code, q.revision);
      }),
      this.route(S.cataloguePut, PutCatalogueCommand, async (c, ctx) =>
        this.putCatalogue.execute(requireRole(ctx, [Role.ADMIN]), c.code, c.document),
      ),
      this.route(S.catalogueCheckCommuneAssessment, CheckCommuneAssessmentQuery, async (q, ctx) => {
        requireActor(ctx);
        const version = q.legalVersion as LegalVersionCode;
        if (!tierModelFor(version).communeAssessment) {
          throw AppError.validation(
            'COMMUNE_ASSESSMENT_NOT_APPLICABLE',
            `communes do not assess criteria under legal version ${version}`,
            'communeAssessment',
          );
        }
        const { revision, catalogue } = await this.catalogues.forLegalVersion(version);
        validateCommuneAssessment(treeForProductSet(catalogue, q.productSetCode), q.entries);
        return { catalogueCode: revision.code, catalogueRevision: revision.revision };
      }),
      this.route(S.tierModels, undefined, async (_q, ctx) => {
        requireActor(ctx);
        return tierModelViews();
      }),
      this.route(S.councilCreate, CreateCouncilCommand, async (c, ctx) => this.createCouncil.execute(requireActor(ctx), c)),
      this.route(S.councilList, ListCouncilsRequest, async (q, ctx) => this.listCouncils.execute(requireActor(ctx), q)),
      this.route(S.councilGet, CouncilIdQuery, async (q, ctx) => this.getCouncil.execute(requireActor(ctx), q.councilId)),
      this.route(S.councilDeclareConflict, DeclareConflictCommand, async (c, ctx) => this.declareConflict.execute(requireActor(ctx), c)),
      this.route(S.evaluationList, ListEvaluationsRequest, async (q, ctx) => this.listEvaluations.execute(requireActor(ctx), q)),
      this.route(S.evaluationGet, EvaluationIdQuery, async (q, ctx) => this.getEvaluation.execute(requireActor(ctx), q.evaluationId)),
      this.route(S.evaluationSetLabResult, SetLabResultCommand, async (c, ctx) => this.setLabResult.execute(requireActor(ctx), c)),
      this.route(S.sessionCreate, CreateSessionCommand, async (c, ctx) => this.createSession.execute(requireActor(ctx), c, ctx.asOf)),
      this.route(S.sessionList, ListSessionsRequest, async (q, ctx) => this.listSessions.execute(requireActor(ctx), q)),
      this.route(S.sessionGet, SessionIdQuery, async (q, ctx) => this.getSession.execute(requireActor(ctx), q.sessionId)),
      this.route(S.sessionAddAgenda, AddAgendaCommand, async (c, ctx) => this.addToAgenda.execute(requireActor(ctx), c)),
      this.route(S.sessionAttendance, AttendanceCommand, async (c, ctx) => this.recordAttendance.execute(requireActor(ctx), c)),
      this.route(S.sessionSubmitSheet, SubmitSheetCommand, async (c, ctx) => this.submitSheet.execute(requireActor(ctx), c)),
      this.route(S.sessionSheets, SheetsQuery, async (q, ctx) => this.listSheets.execute(requireActor(ctx), q)),
      this.route(S.sessionClose, SessionIdQuery, async (c, ctx) => this.close.execute(requireActor(ctx), c.sessionId, ctx.asOf)),
      this.route(S.sessionMinutes, SessionIdQuery, async (q, ctx) => this.getMinutes.execute(requireActor(ctx), q.sessionId)),
      this.route(S.jobRun, RunScoringJobCommand, async (c, ctx) => {
        const actor = requireRole(ctx, [Role.ADMIN]);
        if (c.asOf && this.config.mode === 'production')
          throw AppError.validation('AS_OF_NOT_ALLOWED', 'as-of runs are refused in production mode', 'asOf');
        const asOf = c.asOf ? new Date(c.asOf) : ctx.asOf;
        return runAsOf(asOf, 'job', () => this.districtTransfer.execute(actor, asOf)); // what the job writes is stamped with its as-of
      }),
      this.route(S.sessionMinutesPdf, SessionIdQuery, async (q, ctx) => {
        const minutes = await this.getMinutes.execute(requireActor(ctx), q.sessionId);
        const pdf = await renderMinutesPdf(minutesDocument(minutes));
        return { fileName: `bien-ban-${minutes.reference}.pdf`, contentBase64: pdf.toString('base64') };
      }),
    ];
  }

  private route<Req extends object>(
    subject: string,
    request: (new () => Req) | undefined,
    handle: RpcRoute<Req, unknown>['handle'],
  ): RpcRoute<Req, unknown> {
    return { subject, request, handle };
  }
}
