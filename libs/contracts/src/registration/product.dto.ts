import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';

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

export class ProductView {
  @ApiProperty() id: string;
  @ApiProperty() producerId: string;
  @ApiProperty() name: string;
  @ApiProperty() productSetCode: string;
  @ApiProperty() productGroup: string;
  @ApiPropertyOptional({ type: String, nullable: true }) description: string | null;
  @ApiProperty() createdAt: string;
}
