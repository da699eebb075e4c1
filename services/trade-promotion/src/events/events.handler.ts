import { Payload } from '@nestjs/microservices';
import {
  CreateEventSeriesCommand,
  CreatePromotionEventCommand,
  ListPromotionEventsQuery,
  PromotionEventIdQuery,
  PublicEventsQuery as PublicQuery,
  SelectParticipantsCommand,
  TradePromotionSubjects as S,
} from '@ocop/contracts';
import { Caller, Handles, RpcController, requireActor, type RpcContext } from '@ocop/messaging';
import { SelectParticipantsUseCase } from '../applications/select-participants.use-case';
import { PublicEventsQuery } from '../public/public-events.query';
import { CreateEventUseCase } from './create-event.use-case';
import { CreateSeriesUseCase } from './create-series.use-case';
import { PromotionEventsQueries } from './promotion-events.queries';

/** The bus edge of events: plan one or a series, list, read, select participants; the public list. */
@RpcController()
export class EventsHandler {
  constructor(
    private readonly createEvent: CreateEventUseCase,
    private readonly createSeries: CreateSeriesUseCase,
    private readonly queries: PromotionEventsQueries,
    private readonly select: SelectParticipantsUseCase,
    private readonly publicEvents: PublicEventsQuery,
  ) {}

  @Handles(S.eventCreate)
  create(@Payload() c: CreatePromotionEventCommand, @Caller() call: RpcContext) {
    return this.createEvent.execute(requireActor(call), c, call.asOf);
  }

  @Handles(S.seriesCreate)
  series(@Payload() c: CreateEventSeriesCommand, @Caller() call: RpcContext) {
    return this.createSeries.execute(requireActor(call), c, call.asOf);
  }

  @Handles(S.eventList)
  list(@Payload() q: ListPromotionEventsQuery, @Caller() call: RpcContext) {
    return this.queries.list(requireActor(call), q);
  }

  @Handles(S.eventGet)
  get(@Payload() q: PromotionEventIdQuery, @Caller() call: RpcContext) {
    return this.queries.get(requireActor(call), q.eventId);
  }

  @Handles(S.eventSelect)
  selectParticipants(@Payload() c: SelectParticipantsCommand, @Caller() call: RpcContext) {
    return this.select.execute(requireActor(call), c, call.asOf);
  }

  @Handles(S.publicEvents)
  upcoming(@Payload() q: PublicQuery, @Caller() call: RpcContext) {
    return this.publicEvents.execute(q, call.asOf);
  }
}
