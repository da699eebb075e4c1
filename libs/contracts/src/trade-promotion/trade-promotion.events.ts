import { IsUUID } from 'class-validator';
import { Code, Flag, Id, Instant, Int, Nullable, OneOf, Text } from '../event-fields';
import { List } from '../validation';
import { TradePromotionEvents } from './trade-promotion.subjects';

export class PromotionEventData {
  @Id() eventId: string;
  @Code() provinceCode: string;
}

export class EventScheduledData extends PromotionEventData {
  @Nullable() @Id() seriesId: string | null;
  @Code() kind: string;
  @Text(300) title: string;
  @Instant() startsAt: string;
  @Instant() endsAt: string;
  @Int(1, 10_000) capacity: number;
}

export class ParticipantsSelectedData extends PromotionEventData {
  @Text(100) seed: string;
  /** Producers given a slot, in selection order. */
  @List(0, 10_000) @IsUUID('all', { each: true }) selectedProducerIds: string[];
  @List(0, 10_000) @IsUUID('all', { each: true }) waitlistedProducerIds: string[];
  @Instant() at: string;
}

export class ApplicationWithdrawnData extends PromotionEventData {
  @Id() applicationId: string;
  @Id() producerId: string;
  @OneOf(['PRODUCER', 'ORGANISER', 'CERTIFICATE_REVOKED', 'CERTIFICATE_EXPIRED']) cause: string;
  /** The waiting-list application that took its slot, if any. */
  @Nullable() @Id() movedUpApplicationId: string | null;
  @Instant() at: string;
}

export class ProductWithdrawnData extends PromotionEventData {
  @Id() applicationId: string;
  @Id() producerId: string;
  @Id() productId: string;
  @Id() certificateId: string;
  @OneOf(['CERTIFICATE_REVOKED', 'CERTIFICATE_EXPIRED']) reason: string;
  @Instant() at: string;
}

export class SalesPointRegisteredData {
  @Id() salesPointId: string;
  @Code() provinceCode: string;
  @Code() level: string;
  @Code() locationType: string;
  @Nullable() @Code() districtCode: string | null;
  /** A day `YYYY-MM-DD`. */
  @Code() openedOn: string;
  @Flag() upgraded: boolean;
}

export class SalesChannelChangedData {
  @Id() channelId: string;
  @Id() producerId: string;
  @Code() provinceCode: string;
  @Nullable() @Code() districtCode: string | null;
  @OneOf(['MODERN_RETAIL', 'ECOMMERCE', 'EXPORT']) kind: string;
  @OneOf(['DECLARED', 'CHECKED', 'REJECTED', 'ENDED']) status: string;
  /** Days `YYYY-MM-DD`. */
  @Code() since: string;
  @Nullable() @Code() endedOn: string | null;
  @Instant() at: string;
}

export class ShelfProductWithdrawnData {
  @Id() salesPointId: string;
  @Code() provinceCode: string;
  @Id() producerId: string;
  @Id() productId: string;
  @Id() certificateId: string;
  @OneOf(['CERTIFICATE_REVOKED', 'CERTIFICATE_EXPIRED']) reason: string;
  @Instant() at: string;
}

export class CatalogueChangedData {
  @Id() certificateId: string;
  @Id() productId: string;
  @Code() provinceCode: string;
  @OneOf(['LISTED', 'DELISTED']) change: string;
  @Instant() at: string;
}

/** Trade promotion's event types and their payload classes (part of `EVENT_PAYLOADS`). */
export const TradePromotionEventPayloads = {
  [TradePromotionEvents.eventScheduled]: EventScheduledData,
  [TradePromotionEvents.participantsSelected]: ParticipantsSelectedData,
  [TradePromotionEvents.applicationWithdrawn]: ApplicationWithdrawnData,
  [TradePromotionEvents.productWithdrawn]: ProductWithdrawnData,
  [TradePromotionEvents.salesPointRegistered]: SalesPointRegisteredData,
  [TradePromotionEvents.salesChannelChanged]: SalesChannelChangedData,
  [TradePromotionEvents.shelfProductWithdrawn]: ShelfProductWithdrawnData,
  [TradePromotionEvents.catalogueChanged]: CatalogueChangedData,
} as const satisfies Record<(typeof TradePromotionEvents)[keyof typeof TradePromotionEvents], new () => object>;
