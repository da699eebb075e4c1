import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';

export class CreateProductCommand {
  @ApiProperty() @IsUUID() producerId: string;
  @ApiProperty({ example: 'Chè Xuân Lập' }) @IsString() @Length(2, 200) name: string;
  @ApiProperty({ description: 'One of the 26 product sets, "01".."26"', example: '11' })
  @IsString()
  @Matches(/^\d{2}$/, { message: 'productSetCode must be a two-digit product set code' })
  productSetCode: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, 2000) description?: string;
}

export class ListProductsQuery {
  @ApiProperty() @IsUUID() producerId: string;
}

/**
 * A product's priority categories, as the plans count them (issue 17): its processing (raw, preliminary processing —
 * sơ chế, processed — chế biến, deep processing — chế biến sâu), whether it is a gift, an export, a community-tourism
 * product, and whether it is made in a green value chain (chuỗi giá trị xanh).
 */
export const PROCESSING_LEVELS = ['RAW', 'PRELIMINARY', 'PROCESSED', 'DEEP_PROCESSED'] as const;

export class SetProductAttributesBody {
  @ApiPropertyOptional({ enum: PROCESSING_LEVELS, nullable: true }) @IsOptional() @IsIn(PROCESSING_LEVELS) processingLevel?:
    (typeof PROCESSING_LEVELS)[number] | null;
  @ApiProperty() @IsBoolean() gift: boolean;
  @ApiProperty() @IsBoolean() export: boolean;
  @ApiProperty() @IsBoolean() communityTourism: boolean;
  @ApiProperty() @IsBoolean() greenValueChain: boolean;
}
export class SetProductAttributesCommand extends SetProductAttributesBody {
  @ApiProperty() @IsUUID() productId: string;
}

export class ProductView {
  @ApiProperty() id: string;
  @ApiProperty() producerId: string;
  @ApiProperty() name: string;
  @ApiProperty() productSetCode: string;
  @ApiProperty() productGroup: string;
  @ApiPropertyOptional({ type: String, nullable: true }) description: string | null;
  @ApiPropertyOptional({ enum: PROCESSING_LEVELS, nullable: true }) processingLevel: string | null;
  @ApiProperty() gift: boolean;
  @ApiProperty() export: boolean;
  @ApiProperty() communityTourism: boolean;
  @ApiProperty() greenValueChain: boolean;
  @ApiProperty() createdAt: string;
}
