import { Role } from '../actor';
import { PUBLIC_CALL, type RpcRegistry } from '../rpc';
import { TradePromotionSubjects as S } from './trade-promotion.subjects';
import {
  ApplicationIdQuery,
  ApplyCommand,
  CreateEventSeriesCommand,
  CreatePromotionEventCommand,
  ListApplicationsQuery,
  ListMessagesQuery,
  ListPromotionEventsQuery,
  PromotionEventIdQuery,
  PublicEventsQuery,
  SelectParticipantsCommand,
  WithdrawApplicationCommand,
} from './promotion-event.dto';
import {
  ListSalesPointsQuery,
  PublicSalesPointsQuery,
  RegisterSalesPointCommand,
  RunTradePromotionJobCommand,
  SalesPointIdQuery,
  ShelveProductCommand,
  UnshelveProductCommand,
} from './sales-point.dto';
import { PublicProductsQuery } from './showcase.dto';
import { CheckSalesChannelCommand, DeclareSalesChannelCommand, EndSalesChannelCommand, ListSalesChannelsQuery } from './sales-channel.dto';
import { ReportResultsCommand } from './results.dto';

/**
 * Who organises the province's trade promotion: the standing office, and the agencies the province's configuration
 * names (Industry and Trade by default; the service checks an agency officer's agency code).
 */
export const PROMOTION_ORGANISERS: readonly Role[] = [Role.PROVINCE_OFFICE, Role.AGENCY_OFFICER, Role.ADMIN];
/** Who applies: a producer for itself, its commune or district office for it. */
const APPLICANTS = [Role.PRODUCER, Role.COMMUNE_OFFICER, Role.DISTRICT_OFFICER];
const READERS = [...PROMOTION_ORGANISERS, ...APPLICANTS];
/** Who keeps a sales point's shelf: its organisers, and the platform user named its operator (the service checks which). */
const SHELF_KEEPERS = [...PROMOTION_ORGANISERS, ...APPLICANTS];

export const TradePromotionRpc = {
  [S.eventCreate]: { request: CreatePromotionEventCommand, roles: PROMOTION_ORGANISERS },
  [S.seriesCreate]: { request: CreateEventSeriesCommand, roles: PROMOTION_ORGANISERS },
  [S.eventList]: { request: ListPromotionEventsQuery, roles: READERS },
  [S.eventGet]: { request: PromotionEventIdQuery, roles: READERS },
  [S.eventSelect]: { request: SelectParticipantsCommand, roles: PROMOTION_ORGANISERS },
  [S.applicationCreate]: { request: ApplyCommand, roles: APPLICANTS },
  [S.applicationList]: { request: ListApplicationsQuery, roles: READERS },
  [S.applicationWithdraw]: { request: WithdrawApplicationCommand, roles: [...APPLICANTS, ...PROMOTION_ORGANISERS] },
  [S.applicationConfirm]: { request: ApplicationIdQuery, roles: APPLICANTS },
  [S.messageList]: { request: ListMessagesQuery, roles: READERS },
  [S.publicEvents]: { request: PublicEventsQuery, roles: PUBLIC_CALL },
  [S.salesPointRegister]: { request: RegisterSalesPointCommand, roles: PROMOTION_ORGANISERS },
  [S.salesPointList]: { request: ListSalesPointsQuery, roles: READERS },
  [S.salesPointGet]: { request: SalesPointIdQuery, roles: READERS },
  [S.salesPointShelve]: { request: ShelveProductCommand, roles: SHELF_KEEPERS },
  [S.salesPointUnshelve]: { request: UnshelveProductCommand, roles: SHELF_KEEPERS },
  [S.jobRun]: { request: RunTradePromotionJobCommand, roles: [Role.ADMIN] },
  [S.salesChannelDeclare]: { request: DeclareSalesChannelCommand, roles: APPLICANTS },
  [S.salesChannelList]: { request: ListSalesChannelsQuery, roles: READERS },
  [S.salesChannelCheck]: { request: CheckSalesChannelCommand, roles: PROMOTION_ORGANISERS },
  [S.salesChannelEnd]: { request: EndSalesChannelCommand, roles: APPLICANTS },
  [S.salesChannelSummary]: { roles: PROMOTION_ORGANISERS },
  [S.resultsReport]: { request: ReportResultsCommand, roles: [...APPLICANTS, ...PROMOTION_ORGANISERS] },
  [S.resultsOfEvent]: { request: PromotionEventIdQuery, roles: READERS },
  [S.publicSalesPoints]: { request: PublicSalesPointsQuery, roles: PUBLIC_CALL },
  [S.publicProducts]: { request: PublicProductsQuery, roles: PUBLIC_CALL },
} satisfies RpcRegistry;
