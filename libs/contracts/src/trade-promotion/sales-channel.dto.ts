import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { IsCalendarDate } from '../validation';
import { PageQuery } from '../query';

/** Where a producer sells besides its own door: modern retail (a chain, a store, an OCOP shop), an e-commerce platform, export. */
export const SALES_CHANNEL_KINDS = ['MODERN_RETAIL', 'ECOMMERCE', 'EXPORT'] as const;
export const SALES_CHANNEL_STATUSES = ['DECLARED', 'CHECKED', 'REJECTED', 'ENDED'] as const;

export class DeclareSalesChannelCommand {
  @ApiProperty({ description: 'The producer selling there (a producer account: its own)' }) @IsUUID() producerId: string;
  @ApiProperty({ enum: SALES_CHANNEL_KINDS }) @IsIn(SALES_CHANNEL_KINDS) kind: (typeof SALES_CHANNEL_KINDS)[number];
  @ApiProperty({ example: 'Shopee', description: 'The chain, the store, the platform, or the export market' })
  @IsString()
  @Length(2, 200)
  name: string;
  @ApiPropertyOptional({ example: 'https://shopee.vn/htxdongson', description: "The shop's address (required for e-commerce)" })
  @IsOptional()
  @Matches(/^https:\/\/[^\s/$.?#][^\s]{0,1990}$/, { message: 'url must be an https:// address' })
  url?: string;
  @ApiProperty({ example: '2024-03-01' }) @IsCalendarDate() since: string;
}

export class SalesChannelIdQuery {
  @ApiProperty() @IsUUID() channelId: string;
}

export class CheckSalesChannelBody {
  @ApiProperty({ description: 'Whether the office found the channel real and current' }) @IsBoolean() accepted: boolean;
  @ApiPropertyOptional({ example: 'Đã kiểm tra gian hàng ngày 12/6' }) @IsOptional() @IsString() @Length(2, 500) note?: string;
}
export class CheckSalesChannelCommand extends CheckSalesChannelBody {
  @ApiProperty() @IsUUID() channelId: string;
}

export class EndSalesChannelBody {
  @ApiProperty({ example: '2025-01-31' }) @IsCalendarDate() endedOn: string;
}
export class EndSalesChannelCommand extends EndSalesChannelBody {
  @ApiProperty() @IsUUID() channelId: string;
}

export class ListSalesChannelsQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() producerId?: string;
  @ApiPropertyOptional({ enum: SALES_CHANNEL_KINDS }) @IsOptional() @IsIn(SALES_CHANNEL_KINDS) kind?: string;
  @ApiPropertyOptional({ enum: SALES_CHANNEL_STATUSES }) @IsOptional() @IsIn(SALES_CHANNEL_STATUSES) status?: string;
}

export class SalesChannelView {
  @ApiProperty() id: string;
  @ApiProperty() producerId: string;
  @ApiProperty() producerName: string;
  @ApiProperty({ enum: SALES_CHANNEL_KINDS }) kind: string;
  @ApiProperty({ example: 'Sàn thương mại điện tử' }) kindVi: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ type: String, nullable: true }) url: string | null;
  @ApiProperty() since: string;
  @ApiProperty({ enum: SALES_CHANNEL_STATUSES }) status: string;
  @ApiPropertyOptional({ type: String, nullable: true }) checkedBy: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) checkedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) note: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) endedOn: string | null;
  @ApiProperty() createdAt: string;
}

/**
 * What the plans' channel targets count (Hải Dương: ≥ 30 % of producers in modern retail and on e-commerce by 2025):
 * the province's producers with a valid OCOP certificate at the instant, and how many of them sell through each kind
 * of channel the office checked and that has not ended.
 */
export class SalesChannelSummaryView {
  @ApiProperty() provinceCode: string;
  @ApiProperty() asOf: string;
  @ApiProperty({ description: 'Producers with a valid 3★–5★ certificate' }) ocopProducers: number;
  @ApiProperty() modernRetail: number;
  @ApiProperty() ecommerce: number;
  @ApiProperty() export: number;
  @ApiProperty({ description: 'In modern retail or on e-commerce (either)' }) modernRetailOrEcommerce: number;
  @ApiProperty({ example: '36.36', description: 'modernRetailOrEcommerce / ocopProducers, in percent with 2 decimals' })
  modernRetailOrEcommerceShare: string;
}
