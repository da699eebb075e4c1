import { Body, Controller, Get, Header, HttpCode, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiParam, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  ListNominationsQuery,
  NominateMemberCommand,
  NominationView,
  RejectNominationBody,
  AddAgendaBody,
  AppError,
  AttendanceBody,
  CatalogueRevisionQuery,
  CatalogueSummaryView,
  CatalogueView,
  CouncilView,
  CreateCouncilCommand,
  CreateSessionCommand,
  DeclareConflictBody,
  DistrictTransferReportView,
  EvaluationView,
  StarGapView,
  MinistrySampleView,
  EvaluationPlanView,
  SetEvaluationPlanBody,
  ListEvaluationPlansQuery,
  AssignExpertCommand,
  HandSamplesBody,
  ReceiveSamplesBody,
  ListCouncilsQuery,
  ListEvaluationsQuery,
  ListSessionsQuery,
  MinutesView,
  ScoringSubjects as S,
  RunJobBody,
  SCORING_JOB_NAMES,
  SessionView,
  SetLabResultBody,
  SheetView,
  SubmitSheetBody,
  TierModelView,
  type Actor,
  type PdfView,
} from '@ocop/contracts';
import { CurrentActor, RolesOf } from '@ocop/auth';
import { RpcClient } from '@ocop/messaging';
import { ApiProblems } from '../http/api-problems.decorator';
import { UuidParam, YearParam } from '../http/validation.pipe';
import { WrittenConsultationSweepView } from './scoring-job.dto';

/** Session paperwork: the office of the council's unit, or the council's secretary (a COUNCIL_MEMBER user); the service checks which. */
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

function catalogueCode(code: string): string {
  if (!CODE.test(code)) throw AppError.validation('VALIDATION_FAILED', 'code must be a catalogue code', 'code');
  return code;
}

@ApiTags('scoring: criteria catalogues and tier models')
@ApiProblems()
@Controller('scoring')
export class CataloguesController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get('catalogues')
  @RolesOf(S.catalogueList)
  @ApiOkResponse({ type: [CatalogueSummaryView] })
  list(@CurrentActor() actor: Actor): Promise<CatalogueSummaryView[]> {
    return this.rpc.request(S.catalogueList, {}, { actor });
  }

  /**
   * The newest revision (or `?revision=N`, e.g. the one a session pinned), its document (ready to edit and PUT back) and
   * the criteria an operator must still complete.
   */
  @Get('catalogues/:code')
  @RolesOf(S.catalogueGet)
  @ApiOkResponse({ type: CatalogueView })
  get(@CurrentActor() actor: Actor, @Param('code') code: string, @Query() q: CatalogueRevisionQuery): Promise<CatalogueView> {
    return this.rpc.request(
      S.catalogueGet,
      { code: catalogueCode(code), ...(q.revision !== undefined ? { revision: q.revision } : {}) },
      { actor },
    );
  }

  /** Adds or replaces a catalogue (a new revision; sessions keep the revision they pinned). The body is the catalogue document. */
  @Put('catalogues/:code')
  @RolesOf(S.cataloguePut)
  @ApiBody({ schema: { type: 'object', description: 'Catalogue document, format of data/criteria/*.json' } })
  @ApiOkResponse({ type: CatalogueView })
  put(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() document: Record<string, unknown>): Promise<CatalogueView> {
    if (document === null || typeof document !== 'object' || Array.isArray(document))
      throw AppError.validation('VALIDATION_FAILED', 'the body must be a catalogue document', 'document');
    return this.rpc.request(S.cataloguePut, { code: catalogueCode(code), document }, { actor });
  }

  @Get('tier-models')
  @RolesOf(S.tierModels)
  @ApiOkResponse({ type: [TierModelView] })
  tierModels(@CurrentActor() actor: Actor): Promise<TierModelView[]> {
    return this.rpc.request(S.tierModels, {}, { actor });
  }
}

@ApiTags('scoring: councils')
@ApiProblems()
@Controller('scoring/councils')
export class CouncilsController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post()
  @RolesOf(S.councilCreate)
  @ApiCreatedResponse({ type: CouncilView })
  create(@CurrentActor() actor: Actor, @Body() body: CreateCouncilCommand): Promise<CouncilView> {
    return this.rpc.request(S.councilCreate, body, { actor });
  }

  @Get()
  @RolesOf(S.councilList)
  @ApiOkResponse({ type: [CouncilView] })
  list(@CurrentActor() actor: Actor, @Query() q: ListCouncilsQuery): Promise<CouncilView[]> {
    return this.rpc.request(S.councilList, q, { actor });
  }

  @Get(':id')
  @RolesOf(S.councilGet)
  @ApiOkResponse({ type: CouncilView })
  get(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<CouncilView> {
    return this.rpc.request(S.councilGet, { councilId: id }, { actor });
  }

  /** Declares that a member is linked to a producer: the member will not score that producer's dossiers. */
  @Post(':id/members/:memberId/conflicts')
  @HttpCode(200)
  @RolesOf(S.councilDeclareConflict)
  @ApiOkResponse({ type: CouncilView })
  declareConflict(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Param('memberId', new UuidParam('memberId')) memberId: string,
    @Body() body: DeclareConflictBody,
  ): Promise<CouncilView> {
    return this.rpc.request(S.councilDeclareConflict, { ...body, councilId: id, memberId }, { actor });
  }
}

@ApiTags('scoring: evaluations')
@ApiProblems()
@Controller('scoring/evaluations')
export class EvaluationsController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  /** Dossiers at a tier; `status=AWAITING_SESSION` with the council's tier and unit is its list of agenda candidates. */
  @Get()
  @RolesOf(S.evaluationList)
  @ApiOkResponse({ type: [EvaluationView] })
  list(@CurrentActor() actor: Actor, @Query() q: ListEvaluationsQuery): Promise<EvaluationView[]> {
    return this.rpc.request(S.evaluationList, q, { actor });
  }

  @Get(':id')
  @RolesOf(S.evaluationGet)
  @ApiOkResponse({ type: EvaluationView })
  get(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<EvaluationView> {
    return this.rpc.request(S.evaluationGet, { evaluationId: id }, { actor });
  }

  @Get(':id/gap')
  @RolesOf(S.evaluationGap)
  @ApiOkResponse({ type: StarGapView })
  gap(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<StarGapView> {
    return this.rpc.request(S.evaluationGap, { evaluationId: id }, { actor });
  }

  @Post(':id/ministry-samples')
  @RolesOf(S.samplesHand)
  @ApiCreatedResponse({ type: MinistrySampleView })
  handSamples(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Body() body: HandSamplesBody,
  ): Promise<MinistrySampleView> {
    return this.rpc.request(S.samplesHand, { ...body, evaluationId: id }, { actor });
  }

  @Get(':id/ministry-samples')
  @RolesOf(S.samplesList)
  @ApiOkResponse({ type: [MinistrySampleView] })
  samples(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<MinistrySampleView[]> {
    return this.rpc.request(S.samplesList, { evaluationId: id }, { actor });
  }

  /** Records the state of the sample lab tests (until the lab-testing workflow publishes them itself). */
  @Put(':id/lab-result')
  @RolesOf(S.evaluationSetLabResult)
  @ApiOkResponse({ type: EvaluationView })
  setLabResult(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Body() body: SetLabResultBody,
  ): Promise<EvaluationView> {
    return this.rpc.request(S.evaluationSetLabResult, { ...body, evaluationId: id }, { actor });
  }
}

@ApiTags('scoring: council sessions')
@ApiProblems()
@Controller('scoring/sessions')
export class SessionsController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post()
  @RolesOf(S.sessionCreate)
  @ApiCreatedResponse({ type: SessionView })
  create(@CurrentActor() actor: Actor, @Body() body: CreateSessionCommand): Promise<SessionView> {
    return this.rpc.request(S.sessionCreate, body, { actor });
  }

  @Get()
  @RolesOf(S.sessionList)
  @ApiOkResponse({ type: [SessionView] })
  list(@CurrentActor() actor: Actor, @Query() q: ListSessionsQuery): Promise<SessionView[]> {
    return this.rpc.request(S.sessionList, q, { actor });
  }

  @Get(':id')
  @RolesOf(S.sessionGet)
  @ApiOkResponse({ type: SessionView })
  get(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<SessionView> {
    return this.rpc.request(S.sessionGet, { sessionId: id }, { actor });
  }

  @Post(':id/agenda')
  @HttpCode(200)
  @RolesOf(S.sessionAddAgenda)
  @ApiOkResponse({ type: SessionView })
  addAgenda(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string, @Body() body: AddAgendaBody): Promise<SessionView> {
    return this.rpc.request(S.sessionAddAgenda, { ...body, sessionId: id }, { actor });
  }

  @Put(':id/attendance')
  @RolesOf(S.sessionAttendance)
  @ApiOkResponse({ type: SessionView })
  attendance(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string, @Body() body: AttendanceBody): Promise<SessionView> {
    return this.rpc.request(S.sessionAttendance, { ...body, sessionId: id }, { actor });
  }

  /** The calling member's sheet for one dossier: submitted, or corrected until the session closes. */
  @Put(':id/evaluations/:evaluationId/sheet')
  @RolesOf(S.sessionSubmitSheet)
  @ApiOkResponse({ type: SheetView })
  submitSheet(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Param('evaluationId', new UuidParam('evaluationId')) evaluationId: string,
    @Body() body: SubmitSheetBody,
  ): Promise<SheetView> {
    return this.rpc.request(S.sessionSubmitSheet, { ...body, sessionId: id, evaluationId }, { actor });
  }

  /** Sheets of the session: a member sees their own while it is open; the organisers (and everyone once closed) see all. */
  @Get(':id/sheets')
  @RolesOf(S.sessionSheets)
  @ApiOkResponse({ type: [SheetView] })
  sheets(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Query('evaluationId') evaluationId?: string,
  ): Promise<SheetView[]> {
    if (evaluationId !== undefined) new UuidParam('evaluationId').transform(evaluationId);
    return this.rpc.request(S.sessionSheets, { sessionId: id, ...(evaluationId ? { evaluationId } : {}) }, { actor });
  }

  /** An advisor's pre-score for one dossier: input for the members, never counted. */
  @Put(':id/evaluations/:evaluationId/advisory-sheet')
  @RolesOf(S.sessionSubmitAdvisory)
  @ApiOkResponse({ type: SheetView })
  submitAdvisory(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Param('evaluationId', new UuidParam('evaluationId')) evaluationId: string,
    @Body() body: SubmitSheetBody,
  ): Promise<SheetView> {
    return this.rpc.request(S.sessionSubmitAdvisory, { ...body, sessionId: id, evaluationId }, { actor });
  }

  @Get(':id/advisory-sheets')
  @RolesOf(S.sessionAdvisorySheets)
  @ApiOkResponse({ type: [SheetView] })
  advisorySheets(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Query('evaluationId') evaluationId?: string,
  ): Promise<SheetView[]> {
    if (evaluationId !== undefined) new UuidParam('evaluationId').transform(evaluationId);
    return this.rpc.request(S.sessionAdvisorySheets, { sessionId: id, ...(evaluationId ? { evaluationId } : {}) }, { actor });
  }

  /** The secretary closes the session: results, routing, minutes, `scoring.evaluation-completed.v1` per dossier. */
  @Post(':id/close')
  @HttpCode(200)
  @RolesOf(S.sessionClose)
  @ApiOkResponse({ type: MinutesView })
  close(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<MinutesView> {
    return this.rpc.request(S.sessionClose, { sessionId: id }, { actor, timeoutMs: 60_000 });
  }

  @Get(':id/minutes')
  @RolesOf(S.sessionMinutes)
  @ApiOkResponse({ type: MinutesView })
  minutes(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<MinutesView> {
    return this.rpc.request(S.sessionMinutes, { sessionId: id }, { actor });
  }

  /** Biên bản họp Hội đồng (PDF, Vietnamese). */
  @Get(':id/minutes.pdf')
  @RolesOf(S.sessionMinutesPdf)
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The minutes as a PDF', schema: { type: 'string', format: 'binary' } })
  @Header('cache-control', 'private, no-store')
  async minutesPdf(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const pdf = await this.rpc.request<PdfView>(S.sessionMinutesPdf, { sessionId: id }, { actor, timeoutMs: 30_000 });
    reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${pdf.fileName}"`);
    return Buffer.from(pdf.contentBase64, 'base64');
  }
}

@ApiTags('scoring: jobs')
@ApiProblems()
@Controller('scoring/jobs')
export class ScoringJobsController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  /**
   * Runs a scoring job now (admin); outside production with an explicit as-of instant. `district-transfer`: from
   * 01/07/2025, moves every dossier still waiting at a district to its province's waiting list (the 2025 calendar).
   * `written-consultation-reminders`: the sweep of written consultations' reminders and escalations.
   */
  @Post(':name/run')
  @HttpCode(200)
  @RolesOf(S.jobRun)
  @ApiParam({ name: 'name', enum: SCORING_JOB_NAMES })
  @ApiExtraModels(DistrictTransferReportView, WrittenConsultationSweepView)
  @ApiOkResponse({
    description: "The job's report",
    schema: { oneOf: [{ $ref: getSchemaPath(DistrictTransferReportView) }, { $ref: getSchemaPath(WrittenConsultationSweepView) }] },
  })
  run(@CurrentActor() actor: Actor, @Param('name') name: string, @Body() body: RunJobBody): Promise<unknown> {
    return this.rpc.request(S.jobRun, { ...body, name }, { actor, timeoutMs: 600_000 });
  }
}

@ApiTags("scoring: agencies' nominations")
@ApiProblems()
@Controller('scoring/nominations')
export class NominationsController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post()
  @RolesOf(S.nominationCreate)
  @ApiCreatedResponse({ type: NominationView })
  create(@CurrentActor() actor: Actor, @Body() body: NominateMemberCommand): Promise<NominationView> {
    return this.rpc.request(S.nominationCreate, body, { actor });
  }

  @Get()
  @RolesOf(S.nominationList)
  @ApiOkResponse({ type: [NominationView] })
  list(@CurrentActor() actor: Actor, @Query() q: ListNominationsQuery): Promise<NominationView[]> {
    return this.rpc.request(S.nominationList, q, { actor });
  }

  @Post(':id/accept')
  @HttpCode(200)
  @RolesOf(S.nominationAccept)
  @ApiOkResponse({ type: NominationView })
  accept(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<NominationView> {
    return this.rpc.request(S.nominationAccept, { nominationId: id }, { actor });
  }

  @Post(':id/reject')
  @HttpCode(200)
  @RolesOf(S.nominationReject)
  @ApiOkResponse({ type: NominationView })
  reject(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Body() body: RejectNominationBody,
  ): Promise<NominationView> {
    return this.rpc.request(S.nominationReject, { ...body, nominationId: id }, { actor });
  }
}

@ApiTags('scoring: evaluations')
@ApiProblems()
@Controller('scoring/ministry-samples')
export class MinistrySamplesController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post(':id/receipt')
  @HttpCode(200)
  @RolesOf(S.samplesReceive)
  @ApiOkResponse({ type: MinistrySampleView })
  receive(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Body() body: ReceiveSamplesBody,
  ): Promise<MinistrySampleView> {
    return this.rpc.request(S.samplesReceive, { ...body, sampleId: id }, { actor });
  }
}

@ApiTags('scoring: districts’ evaluation plans')
@ApiProblems()
@Controller('scoring/evaluation-plans')
export class EvaluationPlansController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Put(':year')
  @ApiParam({ name: 'year', type: String, example: '2024' })
  @RolesOf(S.evaluationPlanSet)
  @ApiOkResponse({ type: EvaluationPlanView })
  set(
    @CurrentActor() actor: Actor,
    @Param('year', new YearParam()) year: number | string,
    @Body() body: SetEvaluationPlanBody,
  ): Promise<EvaluationPlanView> {
    return this.rpc.request(S.evaluationPlanSet, { ...body, year }, { actor });
  }

  @Get()
  @RolesOf(S.evaluationPlanList)
  @ApiOkResponse({ type: [EvaluationPlanView] })
  list(@CurrentActor() actor: Actor, @Query() q: ListEvaluationPlansQuery): Promise<EvaluationPlanView[]> {
    return this.rpc.request(S.evaluationPlanList, q, { actor });
  }
}

@ApiTags('scoring: districts’ evaluation plans')
@ApiProblems()
@Controller('scoring/evaluation-plan-assignments')
export class EvaluationPlanAssignmentsController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(200)
  @RolesOf(S.evaluationPlanAssign)
  @ApiOkResponse({ type: EvaluationPlanView })
  assign(@CurrentActor() actor: Actor, @Body() body: AssignExpertCommand): Promise<EvaluationPlanView> {
    return this.rpc.request(S.evaluationPlanAssign, body, { actor });
  }
}
