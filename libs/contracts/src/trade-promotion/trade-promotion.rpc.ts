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

/**
 * Who organises the province's trade promotion: the standing office, and the agencies the province's configuration
 * names (Industry and Trade by default; the service checks an agency officer's agency code).
 */
export const PROMOTION_ORGANISERS: readonly Role[] = [Role.PROVINCE_OFFICE, Role.AGENCY_OFFICER, Role.ADMIN];
/** Who applies: a producer for itself, its commune or district office for it. */
const APPLICANTS = [Role.PRODUCER, Role.COMMUNE_OFFICER, Role.DISTRICT_OFFICER];
const READERS = [...PROMOTION_ORGANISERS, ...APPLICANTS];

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
  [S.messageList]: { request: ListMessagesQuery, roles: PROMOTION_ORGANISERS },
  [S.publicEvents]: { request: PublicEventsQuery, roles: PUBLIC_CALL },
} satisfies RpcRegistry;
