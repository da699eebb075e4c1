import { Inject, Injectable } from '@nestjs/common';
import {
  AddAgendaCommand,
  AppError,
  AttendanceCommand,
  CheckCommuneAssessmentQuery,
  CouncilIdQuery,
  CreateCouncilCommand,
  GetCatalogueQuery,
  CreateSessionCommand,
  DeclareConflictCommand,
  EvaluationIdQuery,
  ListCouncilsQuery,
  ListEvaluationsQuery,
  ListSessionsQuery,
  PutCatalogueCommand,
  Role,
  RunScoringJobCommand,
  ScoringSubjects as S,
  SessionIdQuery,
  SetLabResultCommand,
  SheetsQuery,
  SubmitSheetCommand,
  type Actor,
  type MinutesView,
  type TierModelView,
} from '@ocop/contracts';
import { TIER_MODELS, tierModelFor, treeForProductSet, validateCommuneAssessment, type LegalVersionCode } from '@ocop/domain';
import { renderMinutesPdf } from '@ocop/documents';
import { requireActor, requireRole, type RpcRoute } from '@ocop/messaging';
import { CatalogueService } from './catalogue/catalogue.service';
import { DistrictTransferUseCase } from './evaluations/district-transfer.use-case';
import { SCORING_CONFIG } from './scoring.tokens';
import type { ScoringConfig } from './config/scoring.config';
import { CouncilsUseCases } from './councils/councils.use-cases';
import { EvaluationsUseCases } from './evaluations/evaluations.use-cases';
import { SessionsUseCases } from './sessions/sessions.use-cases';
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
    private readonly catalogues: CatalogueService,
    private readonly councils: CouncilsUseCases,
    private readonly evaluations: EvaluationsUseCases,
    private readonly sessions: SessionsUseCases,
    private readonly close: CloseSessionUseCase,
    private readonly districtTransfer: DistrictTransferUseCase,
    @Inject(SCORING_CONFIG) private readonly config: ScoringConfig,
  ) {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route has its own contract class
  routes(): RpcRoute<any, unknown>[] {
    return [
      this.route(S.catalogueList, undefined, async (_q, ctx) => {
        requireActor(ctx);
        return this.catalogues.list();
      }),
      this.route(S.catalogueGet, GetCatalogueQuery, async (q, ctx) => {
        requireActor(ctx);
        return this.catalogues.get(q.code, q.revision);
      }),
      this.route(S.cataloguePut, PutCatalogueCommand, async (c, ctx) =>
        this.catalogues.put(requireRole(ctx, [Role.ADMIN]), c.code, c.document),
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
      this.route(S.councilCreate, CreateCouncilCommand, async (c, ctx) => this.councils.create(requireActor(ctx), c)),
      this.route(S.councilList, ListCouncilsQuery, async (q, ctx) => this.councils.list(requireActor(ctx), q)),
      this.route(S.councilGet, CouncilIdQuery, async (q, ctx) => this.councils.get(requireActor(ctx), q.councilId)),
      this.route(S.councilDeclareConflict, DeclareConflictCommand, async (c, ctx) => this.councils.declareConflict(requireActor(ctx), c)),
      this.route(S.evaluationList, ListEvaluationsQuery, async (q, ctx) => this.evaluations.list(requireActor(ctx), q)),
      this.route(S.evaluationGet, EvaluationIdQuery, async (q, ctx) =>
        this.evaluations.view(await this.evaluations.get(requireActor(ctx), q.evaluationId)),
      ),
      this.route(S.evaluationSetLabResult, SetLabResultCommand, async (c, ctx) => this.evaluations.setLabResult(requireActor(ctx), c)),
      this.route(S.sessionCreate, CreateSessionCommand, async (c, ctx) => this.sessions.create(requireActor(ctx), c, ctx.asOf)),
      this.route(S.sessionList, ListSessionsQuery, async (q, ctx) => this.sessions.list(requireActor(ctx), q)),
      this.route(S.sessionGet, SessionIdQuery, async (q, ctx) => this.sessions.get(requireActor(ctx), q.sessionId)),
      this.route(S.sessionAddAgenda, AddAgendaCommand, async (c, ctx) => this.sessions.addAgenda(requireActor(ctx), c)),
      this.route(S.sessionAttendance, AttendanceCommand, async (c, ctx) => this.sessions.attendance(requireActor(ctx), c)),
      this.route(S.sessionSubmitSheet, SubmitSheetCommand, async (c, ctx) => this.sessions.submitSheet(requireActor(ctx), c)),
      this.route(S.sessionSheets, SheetsQuery, async (q, ctx) => this.sessions.sheets(requireActor(ctx), q)),
      this.route(S.sessionClose, SessionIdQuery, async (c, ctx) => this.close.execute(requireActor(ctx), c.sessionId, ctx.asOf)),
      this.route(S.sessionMinutes, SessionIdQuery, async (q, ctx) => this.minutes(requireActor(ctx), q.sessionId)),
      this.route(S.jobRun, RunScoringJobCommand, async (c, ctx) => {
        const actor = requireRole(ctx, [Role.ADMIN]);
        if (c.asOf && this.config.mode === 'production')
          throw AppError.validation('AS_OF_NOT_ALLOWED', 'as-of runs are refused in production mode', 'asOf');
        const asOf = c.asOf ? new Date(c.asOf) : ctx.asOf;
        return runAsOf(asOf, 'job', () => this.districtTransfer.run(actor, asOf)); // what the job writes is stamped with its as-of
      }),
      this.route(S.sessionMinutesPdf, SessionIdQuery, async (q, ctx) => {
        const minutes = await this.minutes(requireActor(ctx), q.sessionId);
        const pdf = await renderMinutesPdf(minutesDocument(minutes));
        return { fileName: `bien-ban-${minutes.reference}.pdf`, contentBase64: pdf.toString('base64') };
      }),
    ];
  }

  private async minutes(actor: Actor, sessionId: string): Promise<MinutesView> {
    const state = await this.sessions.readableState(actor, sessionId);
    if (!state.session.minutes) throw AppError.conflict('SESSION_NOT_CLOSED', 'the minutes exist once the secretary closes the session');
    return state.session.minutes;
  }

  private route<Req extends object>(
    subject: string,
    request: (new () => Req) | undefined,
    handle: RpcRoute<Req, unknown>['handle'],
  ): RpcRoute<Req, unknown> {
    return { subject, request, handle };
  }
}
