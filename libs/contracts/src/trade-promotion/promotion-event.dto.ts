import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { IsInstant, List, Nested, NestedList } from '../validation';
import { PageQuery } from '../query';

/** Kinds of trade-promotion event the provincial plans name. */
export const PROMOTION_EVENT_KINDS = [
  'FAIR',
  'EXHIBITION',
  'HONOUR_EVENT',
  'OCOP_WEEK',
  'SUPPLY_DEMAND_CONFERENCE',
  'RURAL_MARKET_SESSION',
  'FESTIVAL',
  'LIVESTREAM',
  'MARKET_SURVEY_TRIP',
  'TRADE_CONFERENCE',
] as const;
/**
 * What a producer may show at an event or on a sales point's shelf: OCOP (a product with a valid 3★–5★ certificate,
 * known from certification's events) and, where the event allows them, the other products 950/QĐ-BCT lets a sales point
 * carry, labelled as such: the province's key products, typical rural industrial or agricultural products, local
 * specialties, craft-village products and products with local potential.
 */
export const SHOWCASE_CATEGORIES = ['OCOP', 'KEY_PRODUCT', 'TYPICAL_RURAL', 'SPECIALTY', 'CRAFT_VILLAGE', 'POTENTIAL'] as const;
export const FAIRNESS_RULE_NAMES = ['FEWEST_SLOTS_FIRST', 'NO_SLOT_FIRST'] as const;
export const PROMOTION_EVENT_STATUSES = ['SCHEDULED', 'SELECTED', 'CANCELLED'] as const;
export const APPLICATION_STATUSES = ['APPLIED', 'SELECTED', 'WAITLISTED', 'CONFIRMED', 'WITHDRAWN'] as const;

const HTTPS_URL = /^https:\/\/[^\s/$.?#][^\s]{0,1990}$/;

export class OrganiserDto {
  @ApiProperty({
    enum: ['PROVINCE', 'OUTSIDE'],
    description: "PROVINCE: this province's office or agency; OUTSIDE: the ministry, another province, ...",
  })
  @IsIn(['PROVINCE', 'OUTSIDE'])
  kind: 'PROVINCE' | 'OUTSIDE';
  @ApiProperty({ example: 'Sở Công Thương tỉnh Thanh Hóa' }) @IsString() @Length(2, 300) name: string;
}

export class ChannelDto {
  @ApiProperty({ example: 'Facebook Live', description: 'The livestream platform' }) @IsString() @Length(2, 100) platform: string;
  @ApiProperty({ example: 'https://www.facebook.com/ocopthanhhoa/live' })
  @Matches(HTTPS_URL, { message: 'url must be an https:// address' })
  url: string;
}

/** Support for each participating producer, as the operator's policy says (no amount is assumed). */
export class SupportDto {
  @ApiPropertyOptional({ example: 5_000_000, description: 'Amount per producer in đồng, when the policy gives one' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000_000)
  amountVnd?: number;
  @ApiProperty({ example: 'Hỗ trợ 100% chi phí thuê gian hàng tiêu chuẩn' }) @IsString() @Length(2, 1000) coversVi: string;
}

/** What an event is, without its dates: one event's own fields, or the template of a series. */
export class EventTemplateDto {
  @ApiProperty({ enum: PROMOTION_EVENT_KINDS }) @IsIn(PROMOTION_EVENT_KINDS) kind: (typeof PROMOTION_EVENT_KINDS)[number];
  @ApiProperty({ example: 'Chợ Phiên OCOP trực tuyến' }) @IsString() @Length(5, 300) title: string;
  @ApiProperty({ type: OrganiserDto }) @Nested(() => OrganiserDto) organiser: OrganiserDto;
  @ApiPropertyOptional({ example: 'Quảng trường Lam Sơn, thành phố Thanh Hóa' }) @IsOptional() @IsString() @Length(2, 300) place?: string;
  @ApiPropertyOptional({ type: ChannelDto, description: 'Required for a livestream session' })
  @IsOptional()
  @Nested(() => ChannelDto)
  channel?: ChannelDto;
  @ApiProperty({ example: 4, description: 'Booths or slots for producers' }) @IsInt() @Min(1) @Max(10_000) capacity: number;
  @ApiProperty({ enum: ['BOOTH', 'SLOT'] }) @IsIn(['BOOTH', 'SLOT']) capacityUnit: 'BOOTH' | 'SLOT';
  @ApiPropertyOptional({ type: SupportDto }) @IsOptional() @Nested(() => SupportDto) support?: SupportDto;
  @ApiPropertyOptional({ enum: SHOWCASE_CATEGORIES, isArray: true, default: ['OCOP'], description: 'Categories of product it accepts' })
  @IsOptional()
  @List(1, 6)
  @IsIn(SHOWCASE_CATEGORIES, { each: true })
  categories?: (typeof SHOWCASE_CATEGORIES)[number][];
  @ApiPropertyOptional({ enum: FAIRNESS_RULE_NAMES, default: 'FEWEST_SLOTS_FIRST', description: 'How slots are shared when more apply' })
  @IsOptional()
  @IsIn(FAIRNESS_RULE_NAMES)
  fairness?: (typeof FAIRNESS_RULE_NAMES)[number];
}

export class CreatePromotionEventCommand extends EventTemplateDto {
  @ApiProperty({ example: '2026-03-14T19:00:00+07:00' }) @IsInstant() startsAt: string;
  @ApiProperty({ example: '2026-03-14T22:00:00+07:00' }) @IsInstant() endsAt: string;
  @ApiProperty({ example: '2026-02-01T00:00:00+07:00' }) @IsInstant() applicationOpensAt: string;
  @ApiProperty({ example: '2026-03-01T00:00:00+07:00', description: 'Applications close here; selection may run from then on' })
  @IsInstant()
  applicationClosesAt: string;
}

/** The rule of a recurring series: `count` events, one every `everyMonths` months from the first. */
export class SeriesScheduleDto {
  @ApiProperty({ example: '2026-02-14T19:00:00+07:00' }) @IsInstant() firstStartsAt: string;
  @ApiProperty({ example: 3 }) @IsInt() @Min(1) @Max(720) durationHours: number;
  @ApiProperty({ example: 2 }) @IsInt() @Min(1) @Max(12) everyMonths: number;
  @ApiProperty({ example: 6 }) @IsInt() @Min(2) @Max(24) count: number;
  @ApiProperty({ example: 30, description: 'Applications open this many days before each event' })
  @IsInt()
  @Min(1)
  @Max(365)
  applicationOpensDaysBefore: number;
  @ApiProperty({ example: 7, description: 'and close this many days before it' })
  @IsInt()
  @Min(0)
  @Max(364)
  applicationClosesDaysBefore: number;
}

export class CreateEventSeriesCommand {
  @ApiProperty({ type: EventTemplateDto }) @Nested(() => EventTemplateDto) template: EventTemplateDto;
  @ApiProperty({ type: SeriesScheduleDto }) @Nested(() => SeriesScheduleDto) schedule: SeriesScheduleDto;
}

export class ListPromotionEventsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PROMOTION_EVENT_KINDS }) @IsOptional() @IsIn(PROMOTION_EVENT_KINDS) kind?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() seriesId?: string;
  @ApiPropertyOptional({ enum: PROMOTION_EVENT_STATUSES }) @IsOptional() @IsIn(PROMOTION_EVENT_STATUSES) status?: string;
}

export class PromotionEventIdQuery {
  @ApiProperty() @IsUUID() eventId: string;
}

export class SelectParticipantsBody {
  @ApiProperty({ example: 'cho-phien-2026-03', description: 'The draw that breaks ties: the same seed, the same order' })
  @IsString()
  @Length(1, 100)
  seed: string;
}
export class SelectParticipantsCommand extends SelectParticipantsBody {
  @ApiProperty() @IsUUID() eventId: string;
}

export class ApplicationProductDto {
  @ApiProperty() @IsUUID() productId: string;
  @ApiPropertyOptional({ enum: SHOWCASE_CATEGORIES, default: 'OCOP' })
  @IsOptional()
  @IsIn(SHOWCASE_CATEGORIES)
  category?: (typeof SHOWCASE_CATEGORIES)[number];
}

export class ApplyBody {
  @ApiProperty({ description: 'The producer applying (a producer account: its own)' }) @IsUUID() producerId: string;
  @ApiProperty({ type: [ApplicationProductDto] }) @NestedList(() => ApplicationProductDto, 1, 20) products: ApplicationProductDto[];
}
export class ApplyCommand extends ApplyBody {
  @ApiProperty() @IsUUID() eventId: string;
}

export class ApplicationIdQuery {
  @ApiProperty() @IsUUID() applicationId: string;
}

export class WithdrawApplicationBody {
  @ApiProperty({ example: 'Chủ thể không bố trí được nhân lực tham gia' }) @IsString() @Length(3, 500) reason: string;
}
export class WithdrawApplicationCommand extends WithdrawApplicationBody {
  @ApiProperty() @IsUUID() applicationId: string;
}

export class ListApplicationsQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() eventId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() producerId?: string;
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES }) @IsOptional() @IsIn(APPLICATION_STATUSES) status?: string;
}

export class ListMessagesQuery extends PageQuery {}

export class PublicEventsQuery extends PageQuery {
  @ApiPropertyOptional({ example: '38' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'provinceCode must be two digits' })
  provinceCode?: string;
}

export class OrganiserView {
  @ApiProperty({ enum: ['PROVINCE', 'OUTSIDE'] }) kind: string;
  @ApiProperty() name: string;
}
export class ChannelView {
  @ApiProperty() platform: string;
  @ApiProperty() url: string;
}
export class SupportView {
  @ApiPropertyOptional({ type: Number, nullable: true }) amountVnd: number | null;
  @ApiProperty() coversVi: string;
}

export class PromotionEventView {
  @ApiProperty() id: string;
  @ApiPropertyOptional({ type: String, nullable: true }) seriesId: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Its place in its series (1-based)' }) seriesIndex: number | null;
  @ApiProperty() provinceCode: string;
  @ApiProperty({ enum: PROMOTION_EVENT_KINDS }) kind: string;
  @ApiProperty({ example: 'Phiên livestream' }) kindVi: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: OrganiserView }) organiser: OrganiserView;
  @ApiPropertyOptional({ type: String, nullable: true }) place: string | null;
  @ApiPropertyOptional({ type: ChannelView, nullable: true }) channel: ChannelView | null;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty() applicationOpensAt: string;
  @ApiProperty() applicationClosesAt: string;
  @ApiProperty() capacity: number;
  @ApiProperty({ enum: ['BOOTH', 'SLOT'] }) capacityUnit: string;
  @ApiPropertyOptional({ type: SupportView, nullable: true }) support: SupportView | null;
  @ApiProperty({ enum: SHOWCASE_CATEGORIES, isArray: true }) categories: string[];
  @ApiProperty({ enum: FAIRNESS_RULE_NAMES }) fairness: string;
  @ApiProperty({ enum: PROMOTION_EVENT_STATUSES }) status: string;
  @ApiPropertyOptional({ type: String, nullable: true }) seed: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) selectedAt: string | null;
  @ApiProperty({ description: 'Participants holding a slot (selected or confirmed)' }) participants: number;
  @ApiProperty() waitlisted: number;
  @ApiProperty() createdBy: string;
  @ApiProperty() createdAt: string;
}

export class SelectionReasonView {
  @ApiProperty({ enum: ['SLOTS_THIS_YEAR', 'STARS', 'DRAW', 'WITHIN_CAPACITY', 'BEYOND_CAPACITY', 'MOVED_UP'] }) code: string;
  @ApiProperty() detailVi: string;
}

export class ApplicationProductView {
  @ApiProperty() productId: string;
  @ApiProperty() productName: string;
  @ApiProperty({ enum: SHOWCASE_CATEGORIES }) category: string;
  @ApiProperty({ example: 'Sản phẩm OCOP' }) categoryVi: string;
  @ApiPropertyOptional({ type: String, nullable: true }) certificateId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The code of its public verification page' }) certificateCode:
    string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) stars: number | null;
  @ApiProperty({ enum: ['ACTIVE', 'WITHDRAWN'] }) status: string;
  @ApiPropertyOptional({ type: String, nullable: true, enum: ['CERTIFICATE_REVOKED', 'CERTIFICATE_EXPIRED'] }) withdrawnReason:
    string | null;
}

export class ApplicationView {
  @ApiProperty() id: string;
  @ApiProperty() eventId: string;
  @ApiProperty() producerId: string;
  @ApiProperty() producerName: string;
  @ApiProperty() communeCode: string;
  @ApiPropertyOptional({ type: String, nullable: true }) districtCode: string | null;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: string;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Place in the selection order' }) position: number | null;
  @ApiProperty({ type: [SelectionReasonView] }) reasons: SelectionReasonView[];
  @ApiProperty({ type: [ApplicationProductView] }) products: ApplicationProductView[];
  @ApiProperty() appliedBy: string;
  @ApiProperty() appliedAt: string;
  @ApiPropertyOptional({ type: String, nullable: true }) decidedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) confirmedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) withdrawnAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) withdrawnReason: string | null;
}

export class SelectionView {
  @ApiProperty({ type: PromotionEventView }) event: PromotionEventView;
  @ApiProperty({ type: [ApplicationView], description: 'In selection order: the selected first, then the waiting list' })
  applications: ApplicationView[];
}

export class MessageView {
  @ApiProperty() id: string;
  @ApiProperty() recipientUserId: string;
  @ApiProperty({ example: 'product-withdrawn' }) template: string;
  @ApiProperty() subjectVi: string;
  @ApiProperty() bodyVi: string;
  @ApiPropertyOptional({ type: String, nullable: true }) eventId: string | null;
  @ApiProperty() createdAt: string;
}

export class PublicProductView {
  @ApiProperty() productName: string;
  @ApiProperty() stars: number;
  @ApiProperty() certificateCode: string;
  @ApiProperty({ example: '/verify/QXJ4K7P2MA' }) verifyUrl: string;
}
export class PublicParticipantView {
  @ApiProperty() producerName: string;
  @ApiProperty({ type: [PublicProductView] }) products: PublicProductView[];
}
export class PublicEventView {
  @ApiProperty() id: string;
  @ApiProperty() provinceCode: string;
  @ApiProperty({ enum: PROMOTION_EVENT_KINDS }) kind: string;
  @ApiProperty() kindVi: string;
  @ApiProperty() title: string;
  @ApiProperty() organiserName: string;
  @ApiPropertyOptional({ type: String, nullable: true }) place: string | null;
  @ApiPropertyOptional({ type: ChannelView, nullable: true }) channel: ChannelView | null;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty({ type: [PublicParticipantView], description: 'Selected producers and their OCOP-certified products only' })
  participants: PublicParticipantView[];
}
