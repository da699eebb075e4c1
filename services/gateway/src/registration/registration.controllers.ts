import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiParam, ApiPayloadTooLargeResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  AppError,
  GiveOpinionBody,
  AskGuidanceBody,
  GuidanceMessageBody,
  GuidanceThreadView,
  ListGuidanceQuery,
  ListOpinionRulesQuery,
  OpinionRuleView,
  OpinionView,
  PRODUCT_GROUP_CODES,
  REGISTRATION_JOB_NAMES,
  RegistrationJobRunView,
  RunRegistrationJobBody,
  SetOpinionRuleBody,
  CreateDossierCommand,
  CreateProducerCommand,
  CreateProductCommand,
  CreateRoundCommand,
  DocumentView,
  DossierView,
  ListDossiersQuery,
  ListRoundsQuery,
  ListProducersQuery,
  ListReevaluationInvitationsQuery,
  ListUnitsQuery,
  ProducerView,
  ProductView,
  SetProductAttributesBody,
  ProposeDossierBody,
  ReevaluationInvitationView,
  RegistrationSubjects as S,
  ReturnDossierBody,
  WithdrawDossierBody,
  RoundView,
  TimelineEntryView,
  UnitView,
  AssessProductIdeaBody,
  FileProductIdeaCommand,
  ListProductIdeasQuery,
  ProductIdeaListView,
  ProductIdeaView,
  RejectProductIdeaBody,
  type Actor,
} from '@ocop/contracts';
import { CurrentActor, RolesOf } from '@ocop/auth';
import { RpcClient } from '@ocop/messaging';
import type { ObjectStorage } from '@ocop/persistence';
import { ApiProblems } from '../http/api-problems.decorator';
import { readUpload, storeThenSend } from '../http/uploads.parser';
import { UuidParam, YearParam } from '../http/validation.pipe';
import { GATEWAY_CONFIG, OBJECT_STORAGE } from '../gateway.tokens';
import type { GatewayConfig } from '../config/gateway.config';

@ApiTags('administrative units')
@ApiProblems()
@Controller('units')
export class UnitsController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get()
  @RolesOf(S.unitsList)
  @ApiOkResponse({ type: [UnitView] })
  list(@CurrentActor() actor: Actor, @Query() q: ListUnitsQuery): Promise<UnitView[]> {
    return this.rpc.request(S.unitsList, q, { actor });
  }
}

@ApiTags('producers and products')
@ApiProblems()
@Controller()
export class ProducersController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post('producers')
  @RolesOf(S.producerCreate)
  @ApiCreatedResponse({ type: ProducerView })
  create(@CurrentActor() actor: Actor, @Body() body: CreateProducerCommand): Promise<ProducerView> {
    return this.rpc.request(S.producerCreate, body, { actor });
  }

  @Get('producers')
  @RolesOf(S.producerList)
  @ApiOkResponse({ type: [ProducerView] })
  list(@CurrentActor() actor: Actor, @Query() q: ListProducersQuery): Promise<ProducerView[]> {
    return this.rpc.request(S.producerList, q, { actor });
  }

  @Get('producers/:id')
  @RolesOf(S.producerGet)
  @ApiOkResponse({ type: ProducerView })
  get(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<ProducerView> {
    return this.rpc.request(S.producerGet, { id }, { actor });
  }

  @Get('producers/:id/products')
  @RolesOf(S.productList)
  @ApiOkResponse({ type: [ProductView] })
  products(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<ProductView[]> {
    return this.rpc.request(S.productList, { producerId: id }, { actor });
  }

  @Put('products/:id/attributes')
  @RolesOf(S.productSetAttributes)
  @ApiOkResponse({ type: ProductView })
  setAttributes(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Body() body: SetProductAttributesBody,
  ): Promise<ProductView> {
    return this.rpc.request(S.productSetAttributes, { ...body, productId: id }, { actor });
  }

  @Post('products')
  @RolesOf(S.productCreate)
  @ApiCreatedResponse({ type: ProductView })
  createProduct(@CurrentActor() actor: Actor, @Body() body: CreateProductCommand): Promise<ProductView> {
    return this.rpc.request(S.productCreate, body, { actor });
  }
}

@ApiTags('evaluation rounds')
@ApiProblems()
@Controller('rounds')
export class RoundsController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post()
  @RolesOf(S.roundCreate)
  @ApiCreatedResponse({ type: RoundView })
  create(@CurrentActor() actor: Actor, @Body() body: CreateRoundCommand): Promise<RoundView> {
    return this.rpc.request(S.roundCreate, body, { actor });
  }

  @Get()
  @RolesOf(S.roundList)
  @ApiOkResponse({ type: [RoundView] })
  list(@CurrentActor() actor: Actor, @Query() q: ListRoundsQuery): Promise<RoundView[]> {
    return this.rpc.request(S.roundList, q, { actor });
  }
}

@ApiTags('dossiers')
@ApiProblems()
@Controller('dossiers')
export class DossiersController {
  constructor(
    @Inject(RpcClient) private readonly rpc: RpcClient,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post()
  @RolesOf(S.dossierCreate)
  @ApiCreatedResponse({ type: DossierView })
  create(@CurrentActor() actor: Actor, @Body() body: CreateDossierCommand): Promise<DossierView> {
    return this.rpc.request(S.dossierCreate, body, { actor });
  }

  /** Lists in the caller's scope; `proposedTo` gives the next tier's list of proposed dossiers. */
  @Get()
  @RolesOf(S.dossierList)
  @ApiOkResponse({ type: [DossierView] })
  list(@CurrentActor() actor: Actor, @Query() q: ListDossiersQuery): Promise<DossierView[]> {
    return this.rpc.request(S.dossierList, q, { actor });
  }

  @Get(':id')
  @RolesOf(S.dossierGet)
  @ApiOkResponse({ type: DossierView })
  get(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<DossierView> {
    return this.rpc.request(S.dossierGet, { dossierId: id }, { actor });
  }

  /** Every event that touched the dossier, from any service, with actor and time. */
  @Get(':id/timeline')
  @RolesOf(S.dossierTimeline)
  @ApiOkResponse({ type: [TimelineEntryView] })
  timeline(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<TimelineEntryView[]> {
    return this.rpc.request(S.dossierTimeline, { dossierId: id }, { actor });
  }

  /** Upload one document (PDF, JPEG or PNG) as multipart/form-data: field `type` first, then `file`. */
  @Post(':id/documents')
  @RolesOf(S.dossierAttachDocument)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['type', 'file'],
      properties: { type: { type: 'string', example: 'REGISTRATION_FORM' }, file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiCreatedResponse({ type: DocumentView })
  @ApiPayloadTooLargeResponse({ description: 'File larger than the upload limit (problem+json FILE_TOO_LARGE)' })
  async upload(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string, @Req() req: FastifyRequest): Promise<DocumentView> {
    const upload = await readUpload(req, this.config.uploadLimitBytes);
    if (!upload.type) throw AppError.validation('VALIDATION_FAILED', 'the type field is required (before the file part)', 'type');
    return storeThenSend(this.storage, `dossiers/${id}`, upload, (file) =>
      this.rpc.request<DocumentView>(S.dossierAttachDocument, { dossierId: id, type: upload.type, ...file }, { actor }),
    );
  }

  @Post(':id/submit')
  @HttpCode(200)
  @RolesOf(S.dossierSubmit)
  @ApiOkResponse({ type: DossierView })
  submit(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<DossierView> {
    return this.rpc.request(S.dossierSubmit, { dossierId: id }, { actor });
  }

  /** Commune intake: return the dossier for completion, with reasons. */
  @Post(':id/return')
  @HttpCode(200)
  @RolesOf(S.dossierReturn)
  @ApiOkResponse({ type: DossierView })
  returnForCompletion(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Body() body: ReturnDossierBody,
  ): Promise<DossierView> {
    return this.rpc.request(S.dossierReturn, { ...body, dossierId: id }, { actor });
  }

  /** The producer (its own dossier) or the commune withdraws a dossier not yet proposed, with a reason (audited, on the timeline). */
  @Post(':id/withdraw')
  @HttpCode(200)
  @RolesOf(S.dossierWithdraw)
  @ApiOkResponse({ type: DossierView })
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Body() body: WithdrawDossierBody,
  ): Promise<DossierView> {
    return this.rpc.request(S.dossierWithdraw, { ...body, dossierId: id }, { actor });
  }

  /** Commune intake: the format check passes. */
  @Post(':id/accept')
  @HttpCode(200)
  @RolesOf(S.dossierAccept)
  @ApiOkResponse({ type: DossierView })
  accept(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<DossierView> {
    return this.rpc.request(S.dossierAccept, { dossierId: id }, { actor });
  }

  /** Commune intake: propose the accepted dossier to the next tier. */
  @Post(':id/propose')
  @HttpCode(200)
  @RolesOf(S.dossierPropose)
  @ApiOkResponse({ type: DossierView })
  propose(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string, @Body() body: ProposeDossierBody): Promise<DossierView> {
    return this.rpc.request(S.dossierPropose, { ...body, dossierId: id }, { actor });
  }
}

@ApiTags('re-evaluation invitations')
@ApiProblems()
@Controller('registration/reevaluation-invitations')
export class ReevaluationInvitationsController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  /**
   * Invitations to file a re-evaluation dossier, opened by a certificate's first expiry notice (90, 60 or 30 days
   * before its end). A producer sees its own; officers those of their unit.
   */
  @Get()
  @RolesOf(S.reevaluationInvitationList)
  @ApiOkResponse({ type: [ReevaluationInvitationView] })
  list(@CurrentActor() actor: Actor, @Query() q: ListReevaluationInvitationsQuery): Promise<ReevaluationInvitationView[]> {
    return this.rpc.request(S.reevaluationInvitationList, q, { actor });
  }
}

@ApiTags("registration: agencies' opinions")
@ApiProblems()
@Controller()
export class OpinionsController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post('dossiers/:id/opinions')
  @RolesOf(S.dossierGiveOpinion)
  @ApiCreatedResponse({ type: OpinionView })
  give(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string, @Body() body: GiveOpinionBody): Promise<OpinionView> {
    return this.rpc.request(S.dossierGiveOpinion, { ...body, dossierId: id }, { actor });
  }

  @Get('dossiers/:id/opinions')
  @RolesOf(S.dossierOpinions)
  @ApiOkResponse({ type: [OpinionView] })
  ofDossier(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<OpinionView[]> {
    return this.rpc.request(S.dossierOpinions, { dossierId: id }, { actor });
  }

  @Get('opinion-rules')
  @RolesOf(S.opinionRuleList)
  @ApiOkResponse({ type: [OpinionRuleView] })
  rules(@CurrentActor() actor: Actor, @Query() q: ListOpinionRulesQuery): Promise<OpinionRuleView[]> {
    return this.rpc.request(S.opinionRuleList, q, { actor });
  }

  @Put('opinion-rules/:productGroup')
  @RolesOf(S.opinionRuleSet)
  @ApiParam({ name: 'productGroup', enum: PRODUCT_GROUP_CODES })
  @ApiOkResponse({ type: OpinionRuleView })
  setRule(
    @CurrentActor() actor: Actor,
    @Param('productGroup') productGroup: string,
    @Body() body: SetOpinionRuleBody,
  ): Promise<OpinionRuleView> {
    return this.rpc.request(S.opinionRuleSet, { ...body, productGroup }, { actor });
  }

  @Post('registration/jobs/:name/run')
  @HttpCode(200)
  @RolesOf(S.jobRun)
  @ApiParam({ name: 'name', enum: REGISTRATION_JOB_NAMES })
  @ApiOkResponse({ type: RegistrationJobRunView })
  run(@CurrentActor() actor: Actor, @Param('name') name: string, @Body() body: RunRegistrationJobBody): Promise<RegistrationJobRunView> {
    return this.rpc.request(S.jobRun, { ...body, name }, { actor, timeoutMs: 600_000 });
  }
}

@ApiTags('registration: guidance from agencies')
@ApiProblems()
@Controller()
export class GuidanceController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post('dossiers/:id/guidance')
  @RolesOf(S.dossierAskGuidance)
  @ApiCreatedResponse({ type: GuidanceThreadView })
  ask(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string, @Body() body: AskGuidanceBody): Promise<GuidanceThreadView> {
    return this.rpc.request(S.dossierAskGuidance, { ...body, dossierId: id }, { actor });
  }

  @Get('dossiers/:id/guidance')
  @RolesOf(S.dossierGuidance)
  @ApiOkResponse({ type: [GuidanceThreadView] })
  ofDossier(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<GuidanceThreadView[]> {
    return this.rpc.request(S.dossierGuidance, { dossierId: id }, { actor });
  }

  @Get('guidance')
  @RolesOf(S.guidanceList)
  @ApiOkResponse({ type: [GuidanceThreadView] })
  list(@CurrentActor() actor: Actor, @Query() q: ListGuidanceQuery): Promise<GuidanceThreadView[]> {
    return this.rpc.request(S.guidanceList, q, { actor });
  }

  @Post('guidance/:threadId/messages')
  @RolesOf(S.guidanceReply)
  @ApiCreatedResponse({ type: GuidanceThreadView })
  reply(
    @CurrentActor() actor: Actor,
    @Param('threadId', new UuidParam()) threadId: string,
    @Body() body: GuidanceMessageBody,
  ): Promise<GuidanceThreadView> {
    return this.rpc.request(S.guidanceReply, { ...body, threadId }, { actor });
  }
}

@ApiTags('registration: product ideas')
@ApiProblems()
@Controller()
export class ProductIdeasController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post('product-ideas')
  @RolesOf(S.productIdeaFile)
  @ApiCreatedResponse({ type: ProductIdeaView })
  file(@CurrentActor() actor: Actor, @Body() body: FileProductIdeaCommand): Promise<ProductIdeaView> {
    return this.rpc.request(S.productIdeaFile, body, { actor });
  }

  @Get('product-ideas')
  @RolesOf(S.productIdeaList)
  @ApiOkResponse({ type: [ProductIdeaView] })
  list(@CurrentActor() actor: Actor, @Query() q: ListProductIdeasQuery): Promise<ProductIdeaView[]> {
    return this.rpc.request(S.productIdeaList, q, { actor });
  }

  @Get('product-ideas/:id')
  @RolesOf(S.productIdeaGet)
  @ApiOkResponse({ type: ProductIdeaView })
  get(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<ProductIdeaView> {
    return this.rpc.request(S.productIdeaGet, { ideaId: id }, { actor });
  }

  @Put('product-ideas/:id/feasibility')
  @RolesOf(S.productIdeaAssess)
  @ApiOkResponse({ type: ProductIdeaView })
  assess(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Body() body: AssessProductIdeaBody,
  ): Promise<ProductIdeaView> {
    return this.rpc.request(S.productIdeaAssess, { ...body, ideaId: id }, { actor });
  }

  @Post('product-ideas/:id/pick')
  @HttpCode(200)
  @RolesOf(S.productIdeaPick)
  @ApiOkResponse({ type: ProductIdeaView })
  pick(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<ProductIdeaView> {
    return this.rpc.request(S.productIdeaPick, { ideaId: id }, { actor });
  }

  @Post('product-ideas/:id/reject')
  @HttpCode(200)
  @RolesOf(S.productIdeaReject)
  @ApiOkResponse({ type: ProductIdeaView })
  reject(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Body() body: RejectProductIdeaBody,
  ): Promise<ProductIdeaView> {
    return this.rpc.request(S.productIdeaReject, { ...body, ideaId: id }, { actor });
  }

  @Post('product-idea-lists/:year/send')
  @ApiParam({ name: 'year', type: String, example: '2025' })
  @RolesOf(S.productIdeaListSend)
  @ApiCreatedResponse({ type: ProductIdeaListView })
  send(@CurrentActor() actor: Actor, @Param('year', new YearParam()) year: number | string): Promise<ProductIdeaListView> {
    return this.rpc.request(S.productIdeaListSend, { year }, { actor });
  }
}
