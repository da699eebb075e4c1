import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PageQuery } from '../query';

export const PRODUCER_TYPES = ['ENTERPRISE', 'COOPERATIVE', 'COOPERATIVE_GROUP', 'HOUSEHOLD_BUSINESS'] as const;

export class CreateProducerCommand {
  @ApiProperty({ enum: PRODUCER_TYPES }) @IsIn(PRODUCER_TYPES) type: (typeof PRODUCER_TYPES)[number];
  @ApiProperty({ example: 'Hợp tác xã Nông nghiệp Xuân Lập' }) @IsString() @Length(2, 200) name: string;
  @ApiProperty({
    description: 'Enterprise/cooperative code (10 digits, optional -NNN branch) or household business certificate number',
    example: '2801234567',
  })
  @IsString()
  @Length(6, 20)
  businessRegistrationNumber: string;
  @ApiProperty({ example: 'Lê Văn Hùng' }) @IsString() @Length(2, 120) representativeName: string;
  @ApiProperty({ example: '0912345678' })
  @IsString()
  @Matches(/^\+?[0-9 .-]{8,20}$/, { message: 'phone must be a phone number' })
  phone: string;
  @ApiPropertyOptional({ example: 'htx.xuanlap@example.vn' }) @IsOptional() @IsEmail() email?: string;
  @ApiProperty({ example: 'Thôn 3, xã Xuân Lập' }) @IsString() @Length(2, 300) address: string;
  @ApiProperty({ description: 'Official 5-digit commune code', example: '15094' })
  @IsString()
  @Matches(/^\d{5}$/, { message: 'communeCode must be a 5-digit commune code' })
  communeCode: string;
  @ApiProperty() @IsBoolean() womanLed: boolean;
  @ApiProperty() @IsBoolean() ethnicMinority: boolean;
}

export class GetProducerQuery {
  @ApiProperty() @IsUUID() id: string;
}

export class ListProducersQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{5}$/, { message: 'communeCode must be a 5-digit commune code' }) communeCode?: string;
}

export class ProducerView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: PRODUCER_TYPES }) type: string;
  @ApiProperty() name: string;
  @ApiProperty() businessRegistrationNumber: string;
  @ApiProperty() representativeName: string;
  @ApiProperty() phone: string;
  @ApiPropertyOptional({ type: String, nullable: true }) email: string | null;
  @ApiProperty() address: string;
  @ApiProperty() provinceCode: string;
  @ApiPropertyOptional({ type: String, nullable: true }) districtCode: string | null;
  @ApiProperty() communeCode: string;
  @ApiProperty() womanLed: boolean;
  @ApiProperty() ethnicMinority: boolean;
  @ApiProperty() createdAt: string;
}
