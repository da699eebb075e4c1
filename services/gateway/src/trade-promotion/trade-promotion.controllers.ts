import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  ApplicationView,
  ApplyBody,
  CreateEventSeriesCommand,
  CreatePromotionEventCommand,
  ListApplicationsQuery,
  ListMessagesQuery,
  ListPromotionEventsQuery,
  MessageView,
  PromotionEventView,
  PublicEventView,
  PublicEventsQuery,
  SelectParticipantsBody,
  SelectionView,
  TradePromotionSubjects as S,
  WithdrawApplicationBody,
  ListSalesPointsQuery,
  PublicSalesPointView,
  PublicSalesPointsQuery,
  RegisterSalesPointCommand,
  RunTradePromotionJobBody,
  SalesPointView,
  ShelveProductBody,
  TRADE_PROMOTION_JOB_NAMES,
  TradePromotionJobRunView,
  CheckSalesChannelBody,
  DeclareSalesChannelCommand,
  EndSalesChannelBody,
  EventResultsView,
  ListSalesChannelsQuery,
  ParticipantResultView,
  ReportResultsBody,
  SalesChannelSummaryView,
  SalesChannelView,
  type Actor,
} from '@ocop/contracts';
import { CurrentActor, Public, RolesOf } from '@ocop/auth';
import { RpcClient } from '@ocop/messaging';
import { ApiProblems } from '../http/api-problems.decorator';
import { UuidParam } from '../http/validation.pipe';

@ApiTags('trade promotion: events')
@ApiProblems()
@Controller('trade-promotion/events')
export class PromotionEventsController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post()
  @RolesOf(S.eventCreate)
  @ApiCreatedResponse({ type: PromotionEventView })
  create(@CurrentActor() actor: Actor, @Body() body: CreatePromotionEventCommand): Promise<PromotionEventView> {
    return this.rpc.request(S.eventCreate, body, { actor });
  }

  @Post('series')
  @RolesOf(S.seriesCreate)
  @ApiCreatedResponse({ type: [PromotionEventView] })
  series(@CurrentActor() actor: Actor, @Body() body: CreateEventSeriesCommand): Promise<PromotionEventView[]> {
    return this.rpc.request(S.seriesCreate, body, { actor });
  }

  @Get()
  @RolesOf(S.eventList)
  @ApiOkResponse({ type: [PromotionEventView] })
  list(@CurrentActor() actor: Actor, @Query() q: ListPromotionEventsQuery): Promise<PromotionEventView[]> {
    return this.rpc.request(S.eventList, q, { actor });
  }

  @Get(':id')
  @RolesOf(S.eventGet)
  @ApiOkResponse({ type: PromotionEventView })
  get(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<PromotionEventView> {
    return this.rpc.request(S.eventGet, { eventId: id }, { actor });
  }

  @Post(':id/selection')
  @HttpCode(200)
  @RolesOf(S.eventSelect)
  @ApiOkResponse({ type: SelectionView })
  select(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Body() body: SelectParticipantsBody,
  ): Promise<SelectionView> {
    return this.rpc.request(S.eventSelect, { ...body, eventId: id }, { actor });
  }

  @Post(':id/applications')
  @RolesOf(S.applicationCreate)
  @ApiCreatedResponse({ type: ApplicationView })
  apply(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string, @Body() body: ApplyBody): Promise<ApplicationView> {
    return this.rpc.request(S.applicationCreate, { ...body, eventId: id }, { actor });
  }
}

@ApiTags('trade promotion: applications')
@ApiProblems()
@Controller('trade-promotion')
export class PromotionApplicationsController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get('applications')
  @RolesOf(S.applicationList)
  @ApiOkResponse({ type: [ApplicationView] })
  list(@CurrentActor() actor: Actor, @Query() q: ListApplicationsQuery): Promise<ApplicationView[]> {
    return this.rpc.request(S.applicationList, q, { actor });
  }

  @Post('applications/:id/withdraw')
  @HttpCode(200)
  @RolesOf(S.applicationWithdraw)
  @ApiOkResponse({ type: ApplicationView })
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Body() body: WithdrawApplicationBody,
  ): Promise<ApplicationView> {
    return this.rpc.request(S.applicationWithdraw, { ...body, applicationId: id }, { actor });
  }

  @Post('applications/:id/confirm')
  @HttpCode(200)
  @RolesOf(S.applicationConfirm)
  @ApiOkResponse({ type: ApplicationView })
  confirm(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<ApplicationView> {
    return this.rpc.request(S.applicationConfirm, { applicationId: id }, { actor });
  }

  @Post('applications/:id/results')
  @HttpCode(200)
  @RolesOf(S.resultsReport)
  @ApiOkResponse({ type: ParticipantResultView })
  report(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Body() body: ReportResultsBody,
  ): Promise<ParticipantResultView> {
    return this.rpc.request(S.resultsReport, { ...body, applicationId: id }, { actor });
  }

  @Get('events/:id/results')
  @RolesOf(S.resultsOfEvent)
  @ApiOkResponse({ type: EventResultsView })
  results(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<EventResultsView> {
    return this.rpc.request(S.resultsOfEvent, { eventId: id }, { actor });
  }

  @Get('messages')
  @RolesOf(S.messageList)
  @ApiOkResponse({ type: [MessageView] })
  messages(@CurrentActor() actor: Actor, @Query() q: ListMessagesQuery): Promise<MessageView[]> {
    return this.rpc.request(S.messageList, q, { actor });
  }
}

@ApiTags('trade promotion: sales points')
@ApiProblems()
@Controller('trade-promotion/sales-points')
export class SalesPointsController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post()
  @RolesOf(S.salesPointRegister)
  @ApiCreatedResponse({ type: SalesPointView })
  register(@CurrentActor() actor: Actor, @Body() body: RegisterSalesPointCommand): Promise<SalesPointView> {
    return this.rpc.request(S.salesPointRegister, body, { actor });
  }

  @Get()
  @RolesOf(S.salesPointList)
  @ApiOkResponse({ type: [SalesPointView] })
  list(@CurrentActor() actor: Actor, @Query() q: ListSalesPointsQuery): Promise<SalesPointView[]> {
    return this.rpc.request(S.salesPointList, q, { actor });
  }

  @Get(':id')
  @RolesOf(S.salesPointGet)
  @ApiOkResponse({ type: SalesPointView })
  get(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<SalesPointView> {
    return this.rpc.request(S.salesPointGet, { salesPointId: id }, { actor });
  }

  @Post(':id/shelf')
  @RolesOf(S.salesPointShelve)
  @ApiCreatedResponse({ type: SalesPointView })
  shelve(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string, @Body() body: ShelveProductBody): Promise<SalesPointView> {
    return this.rpc.request(S.salesPointShelve, { ...body, salesPointId: id }, { actor });
  }

  @Delete(':id/shelf/:productId')
  @RolesOf(S.salesPointUnshelve)
  @ApiOkResponse({ type: SalesPointView })
  unshelve(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Param('productId', new UuidParam()) productId: string,
  ): Promise<SalesPointView> {
    return this.rpc.request(S.salesPointUnshelve, { salesPointId: id, productId }, { actor });
  }
}

@ApiTags('trade promotion: sales channels')
@ApiProblems()
@Controller('trade-promotion/sales-channels')
export class SalesChannelsController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post()
  @RolesOf(S.salesChannelDeclare)
  @ApiCreatedResponse({ type: SalesChannelView })
  declare(@CurrentActor() actor: Actor, @Body() body: DeclareSalesChannelCommand): Promise<SalesChannelView> {
    return this.rpc.request(S.salesChannelDeclare, body, { actor });
  }

  @Get()
  @RolesOf(S.salesChannelList)
  @ApiOkResponse({ type: [SalesChannelView] })
  list(@CurrentActor() actor: Actor, @Query() q: ListSalesChannelsQuery): Promise<SalesChannelView[]> {
    return this.rpc.request(S.salesChannelList, q, { actor });
  }

  @Get('summary')
  @RolesOf(S.salesChannelSummary)
  @ApiOkResponse({ type: SalesChannelSummaryView })
  summary(@CurrentActor() actor: Actor): Promise<SalesChannelSummaryView> {
    return this.rpc.request(S.salesChannelSummary, {}, { actor });
  }

  @Post(':id/check')
  @HttpCode(200)
  @RolesOf(S.salesChannelCheck)
  @ApiOkResponse({ type: SalesChannelView })
  check(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Body() body: CheckSalesChannelBody,
  ): Promise<SalesChannelView> {
    return this.rpc.request(S.salesChannelCheck, { ...body, channelId: id }, { actor });
  }

  @Post(':id/end')
  @HttpCode(200)
  @RolesOf(S.salesChannelEnd)
  @ApiOkResponse({ type: SalesChannelView })
  end(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Body() body: EndSalesChannelBody,
  ): Promise<SalesChannelView> {
    return this.rpc.request(S.salesChannelEnd, { ...body, channelId: id }, { actor });
  }
}

@ApiTags('trade promotion: jobs')
@ApiProblems()
@Controller('trade-promotion/jobs')
export class TradePromotionJobsController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post(':name/run')
  @HttpCode(200)
  @RolesOf(S.jobRun)
  @ApiParam({ name: 'name', enum: TRADE_PROMOTION_JOB_NAMES })
  @ApiOkResponse({ type: TradePromotionJobRunView })
  run(
    @CurrentActor() actor: Actor,
    @Param('name') name: string,
    @Body() body: RunTradePromotionJobBody,
  ): Promise<TradePromotionJobRunView> {
    return this.rpc.request(S.jobRun, { ...body, name }, { actor, timeoutMs: 600_000 });
  }
}

/** No login: the province's upcoming events, its sales points, and the OCOP products shown at each. */
@ApiTags('public trade promotion (no login)')
@ApiProblems()
@Controller('public')
export class PublicTradePromotionController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get('promotion-events')
  @Public()
  @ApiOkResponse({ type: [PublicEventView] })
  upcoming(@Query() q: PublicEventsQuery): Promise<PublicEventView[]> {
    return this.rpc.request(S.publicEvents, q);
  }

  @Get('sales-points')
  @Public()
  @ApiOkResponse({ type: [PublicSalesPointView] })
  salesPoints(@Query() q: PublicSalesPointsQuery): Promise<PublicSalesPointView[]> {
    return this.rpc.request(S.publicSalesPoints, q);
  }
}
