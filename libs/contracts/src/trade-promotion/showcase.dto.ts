import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageQuery } from '../query';
import { QueryInt } from '../validation';

const PRODUCT_GROUP_CODES = ['FOOD', 'BEVERAGES', 'HERBAL', 'HANDICRAFTS', 'ORNAMENTAL', 'TOURISM'] as const;

export class PublicProductsQuery extends PageQuery {
  @ApiPropertyOptional({ example: '38' })
  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'provinceCode must be two digits' })
  provinceCode?: string;
  @ApiPropertyOptional({ example: '380', description: "The producer's district" })
  @IsOptional()
  @Matches(/^\d{3}$/, { message: 'districtCode must be three digits' })
  districtCode?: string;
  @ApiPropertyOptional({ enum: PRODUCT_GROUP_CODES }) @IsOptional() @IsIn(PRODUCT_GROUP_CODES) productGroup?: string;
  @QueryInt(3, 5) stars?: number;
}

export class ShowcaseSalesPointView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() address: string;
}
export class ShowcaseShopView {
  @ApiProperty({ example: 'Shopee' }) name: string;
  @ApiPropertyOptional({ type: String, nullable: true }) url: string | null;
}
export class ShowcaseEventView {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() startsAt: string;
}

/** A currently certified OCOP product of the province, as the public sees it: only what its certificate makes public. */
export class CatalogueProductView {
  @ApiProperty() productName: string;
  @ApiProperty() producerName: string;
  @ApiProperty({ enum: PRODUCT_GROUP_CODES }) productGroup: string;
  @ApiProperty({ example: 'Thực phẩm' }) productGroupVi: string;
  @ApiProperty() productSetCode: string;
  @ApiProperty() stars: number;
  @ApiPropertyOptional({ type: String, nullable: true, description: "The producer's district" }) districtCode: string | null;
  @ApiProperty() certificateCode: string;
  @ApiProperty({ example: '/verify/QXJ4K7P2MA' }) verifyUrl: string;
  @ApiProperty() validTo: string;
  @ApiProperty({ type: [ShowcaseSalesPointView], description: 'Sales points with it on their shelf' })
  salesPoints: ShowcaseSalesPointView[];
  @ApiProperty({ type: [ShowcaseShopView], description: "Its producer's checked modern-retail and e-commerce channels" })
  shops: ShowcaseShopView[];
  @ApiProperty({ type: [ShowcaseEventView], description: 'Coming events where it is shown' }) upcomingEvents: ShowcaseEventView[];
}
