import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { IsCalendarDate, IsInstant, Nested, NestedList } from '../validation';
import { PageQuery } from '../query';
import { SHOWCASE_CATEGORIES } from './promotion-event.dto';

/** Criterion 1 of 950/QĐ-BCT: the kinds of place an OCOP introduction and sales point may be. */
export const SALES_POINT_LOCATIONS = [
  'TRANSPORT_HUB',
  'ROADSIDE_STOP',
  'RETAIL_CENTRE',
  'TOURISM_HOSPITALITY',
  'CRAFT_VILLAGE',
  'COMMERCIAL_CENTRE',
  'EXHIBITION_CENTRE',
  'POST_OFFICE',
] as const;
export const SALES_POINT_LEVELS = ['DISTRICT', 'PROVINCE', 'OUTSIDE_PROVINCE'] as const;
export const TRADE_PROMOTION_JOB_NAMES = ['sales-point-reminders'] as const;

/** One selection criterion as the province's Industry and Trade applied it, and whether the point met it. */
export class SelectionCriterionDto {
  @ApiProperty({ example: 'LOCATION' }) @Matches(/^[A-Z0-9_]{1,50}$/, { message: 'code must be A–Z, 0–9 or _' }) code: string;
  @ApiProperty({ example: 'Vị trí thuận lợi giao thông, đông dân cư' }) @IsString() @Length(2, 300) labelVi: string;
  @ApiProperty() @IsBoolean() met: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 1000) note?: string;
}

/** An existing point brought to the standard (nâng cấp). */
export class UpgradeDto {
  @ApiProperty({ example: '2024-05-15' }) @IsCalendarDate() upgradedOn: string;
  @ApiProperty({ example: 'Cửa hàng đặc sản của Hợp tác xã' }) @IsString() @Length(2, 500) fromVi: string;
}

export class RegisterSalesPointCommand {
  @ApiProperty({ example: 'Điểm giới thiệu và bán sản phẩm OCOP thành phố Thanh Hóa' }) @IsString() @Length(3, 300) name: string;
  @ApiProperty({ enum: SALES_POINT_LOCATIONS }) @IsIn(SALES_POINT_LOCATIONS) locationType: (typeof SALES_POINT_LOCATIONS)[number];
  @ApiProperty({ enum: SALES_POINT_LEVELS, description: "A district's shop, the province's shop, or a point outside the province" })
  @IsIn(SALES_POINT_LEVELS)
  level: (typeof SALES_POINT_LEVELS)[number];
  @ApiPropertyOptional({ example: '380', description: 'The district of a district-level point' })
  @IsOptional()
  @Matches(/^\d{3}$/, { message: 'districtCode must be three digits' })
  districtCode?: string;
  @ApiProperty({ example: 'Hợp tác xã Thương mại Đông Sơn' }) @IsString() @Length(2, 300) operatorName: string;
  @ApiPropertyOptional({ description: "The platform user who keeps the point's shelf (told when a product leaves it)" })
  @IsOptional()
  @IsUUID()
  operatorUserId?: string;
  @ApiProperty({ example: '25 Đại lộ Lê Lợi, phường Điện Biên, thành phố Thanh Hóa' }) @IsString() @Length(5, 500) address: string;
  @ApiPropertyOptional({ example: 19.8067 }) @IsOptional() @IsNumber({ maxDecimalPlaces: 6 }) @Min(-90) @Max(90) latitude?: number;
  @ApiPropertyOptional({ example: 105.7852 }) @IsOptional() @IsNumber({ maxDecimalPlaces: 6 }) @Min(-180) @Max(180) longitude?: number;
  @ApiProperty({ example: '2024-06-01' }) @IsCalendarDate() openedOn: string;
  @ApiPropertyOptional({ example: 'Ngân sách tỉnh (Chương trình OCOP 2024)' })
  @IsOptional()
  @IsString()
  @Length(2, 300)
  fundingSource?: string;
  @ApiPropertyOptional({ example: 150_000_000, description: 'Support received, in đồng, as the funding decision says' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000_000)
  supportVnd?: number;
  @ApiPropertyOptional({ example: '2024-06-01', description: 'When the support was received: the operating obligation runs from it' })
  @IsOptional()
  @IsCalendarDate()
  supportReceivedOn?: string;
  @ApiPropertyOptional({ type: UpgradeDto }) @IsOptional() @Nested(() => UpgradeDto) upgrade?: UpgradeDto;
  @ApiProperty({ type: [SelectionCriterionDto], description: 'The selection criteria applied, as data' })
  @NestedList(() => SelectionCriterionDto, 1, 30)
  criteria: SelectionCriterionDto[];
}

export class SalesPointIdQuery {
  @ApiProperty() @IsUUID() salesPointId: string;
}

export class ListSalesPointsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SALES_POINT_LEVELS }) @IsOptional() @IsIn(SALES_POINT_LEVELS) level?: string;
  @ApiPropertyOptional({ enum: SALES_POINT_LOCATIONS }) @IsOptional() @IsIn(SALES_POINT_LOCATIONS) locationType?: string;
}

export class ShelveProductBody {
  @ApiProperty() @IsUUID() producerId: string;
  @ApiProperty() @IsUUID() productId: string;
  @ApiPropertyOptional({ enum: SHOWCASE_CATEGORIES, default: 'OCOP' })
  @IsOptional()
  @IsIn(SHOWCASE_CATEGORIES)
  category?: (typeof SHOWCASE_CATEGORIES)[number];
}
export class ShelveProductCommand extends ShelveProductBody {
  @ApiProperty() @IsUUID() salesPointId: string;
}

export class UnshelveProductCommand {
  @ApiProperty() @IsUUID() salesPointId: string;
  @ApiProperty() @IsUUID() productId: string;
}

export class RunTradePromotionJobBody {
  @ApiPropertyOptional({ description: 'Outside production: run as of this instant' }) @IsOptional() @IsInstant() asOf?: string;
}
export class RunTradePromotionJobCommand extends RunTradePromotionJobBody {
  @ApiProperty({ enum: TRADE_PROMOTION_JOB_NAMES }) @IsIn(TRADE_PROMOTION_JOB_NAMES) name: string;
}

export class SelectionCriterionView {
  @ApiProperty() code: string;
  @ApiProperty() labelVi: string;
  @ApiProperty() met: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) note: string | null;
}

export class ShelfItemView {
  @ApiProperty() producerId: string;
  @ApiProperty() producerName: string;
  @ApiProperty() productId: string;
  @ApiProperty() productName: string;
  @ApiProperty({ enum: SHOWCASE_CATEGORIES }) category: string;
  @ApiProperty() categoryVi: string;
  @ApiPropertyOptional({ type: String, nullable: true }) certificateCode: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) stars: number | null;
  @ApiProperty({ enum: ['ACTIVE', 'WITHDRAWN'] }) status: string;
  @ApiPropertyOptional({ type: String, nullable: true }) withdrawnReason: string | null;
  @ApiProperty() shelvedAt: string;
}

export class SalesPointView {
  @ApiProperty() id: string;
  @ApiProperty() provinceCode: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: SALES_POINT_LOCATIONS }) locationType: string;
  @ApiProperty() locationTypeVi: string;
  @ApiProperty({ enum: SALES_POINT_LEVELS }) level: string;
  @ApiPropertyOptional({ type: String, nullable: true }) districtCode: string | null;
  @ApiProperty() operatorName: string;
  @ApiPropertyOptional({ type: String, nullable: true }) operatorUserId: string | null;
  @ApiProperty() address: string;
  @ApiPropertyOptional({ type: Number, nullable: true }) latitude: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) longitude: number | null;
  @ApiProperty() openedOn: string;
  @ApiPropertyOptional({ type: String, nullable: true }) fundingSource: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) supportVnd: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) supportReceivedOn: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The last day of the operating obligation the support brings' })
  obligationEndsOn: string | null;
  @ApiPropertyOptional({ type: UpgradeDto, nullable: true }) upgrade: UpgradeDto | null;
  @ApiProperty({ type: [SelectionCriterionView] }) criteria: SelectionCriterionView[];
  @ApiProperty({ type: [ShelfItemView] }) shelf: ShelfItemView[];
  @ApiProperty() createdBy: string;
  @ApiProperty() createdAt: string;
}

export class TradePromotionJobRunView {
  @ApiProperty({ enum: TRADE_PROMOTION_JOB_NAMES }) name: string;
  @ApiProperty() asOf: string;
  @ApiProperty({ type: Object, example: { reminders: 1 } }) result: Record<string, number>;
}

export class PublicShelfProductView {
  @ApiProperty() productName: string;
  @ApiProperty() producerName: string;
  @ApiProperty() stars: number;
  @ApiProperty() certificateCode: string;
  @ApiProperty({ example: '/verify/QXJ4K7P2MA' }) verifyUrl: string;
}
export class PublicSalesPointView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() locationTypeVi: string;
  @ApiProperty({ enum: SALES_POINT_LEVELS }) level: string;
  @ApiProperty() address: string;
  @ApiPropertyOptional({ type: Number, nullable: true }) latitude: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) longitude: number | null;
  @ApiProperty({ type: [PublicShelfProductView], description: 'Its OCOP products with a valid certificate' })
  products: PublicShelfProductView[];
}
export class PublicSalesPointsQuery extends PageQuery {
  @ApiPropertyOptional({ example: '38' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'provinceCode must be two digits' })
  provinceCode?: string;
}
