import { Payload } from '@nestjs/microservices';
import {
  CheckSalesChannelCommand,
  DeclareSalesChannelCommand,
  EndSalesChannelCommand,
  ListSalesChannelsQuery,
  PromotionEventIdQuery,
  PublicProductsQuery as PublicQuery,
  ReportResultsCommand,
  TradePromotionSubjects as S,
} from '@ocop/contracts';
import { Caller, Handles, RpcController, requireActor, type RpcContext } from '@ocop/messaging';
import { PublicProductsQuery } from '../public/public-products.query';
import { EventResultsQuery } from '../results/event-results.query';
import { ReportResultsUseCase } from '../results/report-results.use-case';
import { CheckSalesChannelUseCase } from './check-sales-channel.use-case';
import { DeclareSalesChannelUseCase } from './declare-sales-channel.use-case';
import { EndSalesChannelUseCase } from './end-sales-channel.use-case';
import { SalesChannelsQueries } from './sales-channels.queries';

/** The bus edge of what producers sell and how: sales channels, events' results, and the public catalogue. */
@RpcController()
export class SalesChannelsHandler {
  constructor(
    private readonly declare: DeclareSalesChannelUseCase,
    private readonly check: CheckSalesChannelUseCase,
    private readonly end: EndSalesChannelUseCase,
    private readonly queries: SalesChannelsQueries,
    private readonly report: ReportResultsUseCase,
    private readonly eventResults: EventResultsQuery,
    private readonly catalogue: PublicProductsQuery,
  ) {}

  @Handles(S.salesChannelDeclare)
  create(@Payload() c: DeclareSalesChannelCommand, @Caller() call: RpcContext) {
    return this.declare.execute(requireActor(call), c, call.asOf);
  }

  @Handles(S.salesChannelList)
  list(@Payload() q: ListSalesChannelsQuery, @Caller() call: RpcContext) {
    return this.queries.list(requireActor(call), q);
  }

  @Handles(S.salesChannelCheck)
  checkChannel(@Payload() c: CheckSalesChannelCommand, @Caller() call: RpcContext) {
    return this.check.execute(requireActor(call), c, call.asOf);
  }

  @Handles(S.salesChannelEnd)
  endChannel(@Payload() c: EndSalesChannelCommand, @Caller() call: RpcContext) {
    return this.end.execute(requireActor(call), c);
  }

  @Handles(S.salesChannelSummary)
  summary(@Caller() call: RpcContext) {
    return this.queries.summary(requireActor(call), call.asOf);
  }

  @Handles(S.resultsReport)
  reportResults(@Payload() c: ReportResultsCommand, @Caller() call: RpcContext) {
    return this.report.execute(requireActor(call), c, call.asOf);
  }

  @Handles(S.resultsOfEvent)
  results(@Payload() q: PromotionEventIdQuery, @Caller() call: RpcContext) {
    return this.eventResults.execute(requireActor(call), q.eventId);
  }

  @Handles(S.publicProducts)
  products(@Payload() q: PublicQuery, @Caller() call: RpcContext) {
    return this.catalogue.execute(q, call.asOf);
  }
}
