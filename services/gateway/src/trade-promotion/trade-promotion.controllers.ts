import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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

  @Get('messages')
  @RolesOf(S.messageList)
  @ApiOkResponse({ type: [MessageView] })
  messages(@CurrentActor() actor: Actor, @Query() q: ListMessagesQuery): Promise<MessageView[]> {
    return this.rpc.request(S.messageList, q, { actor });
  }
}

/** No login: the province's upcoming events and the OCOP products shown at them. */
@ApiTags('public trade promotion (no login)')
@ApiProblems()
@Controller('public/promotion-events')
export class PublicPromotionEventsController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: [PublicEventView] })
  upcoming(@Query() q: PublicEventsQuery): Promise<PublicEventView[]> {
    return this.rpc.request(S.publicEvents, q);
  }
}
