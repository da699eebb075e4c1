import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { IsCalendarDate, List } from '../validation';
import { PageQuery } from '../query';

/**
 * The register of craft villages (làng nghề) and their products (issue 17): what a share target ("30 % of traditional
 * craft villages with an OCOP product") is counted from. The office enters each village as recognised, and links the
 * products made there.
 */
export class CreateCraftVillageCommand {
  @ApiProperty({ example: 'Làng nghề nem chua Đông Sơn' }) @IsString() @Length(3, 300) name: string;
  @ApiProperty({ example: '395' }) @Matches(/^\d{3}$/, { message: 'districtCode must be a district code' }) districtCode: string;
  @ApiPropertyOptional({ example: '15010' })
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'communeCode must be a commune code' })
  communeCode?: string;
  @ApiProperty({ description: 'A traditional craft village (làng nghề truyền thống)' }) @IsBoolean() traditional: boolean;
  @ApiProperty({ example: 'Chế biến nem chua' }) @IsString() @Length(2, 300) trades: string;
  @ApiPropertyOptional({ example: 'Quyết định số 1234/QĐ-UBND ngày 10/5/2015 của UBND tỉnh', description: 'Its recognition' })
  @IsOptional()
  @IsString()
  @Length(3, 300)
  recognitionReference?: string;
  @ApiPropertyOptional({ example: '2015-05-10' }) @IsOptional() @IsCalendarDate() recognisedOn?: string;
}

export class CraftVillageIdQuery {
  @ApiProperty() @IsUUID() villageId: string;
}

export class SetVillageProductsBody {
  @ApiProperty({ type: [String], description: 'The products made in the village (registered products of its province)' })
  @List(0, 500)
  @IsUUID('all', { each: true })
  productIds: string[];
}
export class SetVillageProductsCommand extends SetVillageProductsBody {
  @ApiProperty() @IsUUID() villageId: string;
}

export class ListCraftVillagesQuery extends PageQuery {
  @ApiPropertyOptional({ example: '395' })
  @IsOptional()
  @Matches(/^\d{3}$/, { message: 'districtCode must be a district code' })
  districtCode?: string;
}

export class CraftVillageView {
  @ApiProperty() id: string;
  @ApiProperty() provinceCode: string;
  @ApiProperty() districtCode: string;
  @ApiPropertyOptional({ type: String, nullable: true }) communeCode: string | null;
  @ApiProperty() name: string;
  @ApiProperty() traditional: boolean;
  @ApiProperty() trades: string;
  @ApiPropertyOptional({ type: String, nullable: true }) recognitionReference: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) recognisedOn: string | null;
  @ApiProperty({ type: [String] }) productIds: string[];
  @ApiProperty({ description: 'One of its products holds a valid OCOP certificate as of the request' }) hasOcopProduct: boolean;
}
