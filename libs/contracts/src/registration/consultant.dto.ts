import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PageQuery } from '../query';

/**
 * Consultants (đội ngũ tư vấn, issue 18): consulting firms and individual consultants the standing office registers;
 * a producer grants one access to its own dossiers, and revokes it; the consultant's account then acts for that
 * producer (header `X-On-Behalf-Of: <producerId>`, checked by the gateway on every request) and sees nothing else.
 */
export const CONSULTANT_KINDS = ['FIRM', 'INDIVIDUAL'] as const;

export class CreateConsultantCommand {
  @ApiProperty({ enum: CONSULTANT_KINDS }) @IsIn(CONSULTANT_KINDS) kind: (typeof CONSULTANT_KINDS)[number];
  @ApiProperty({ example: 'Công ty TNHH Tư vấn Phát triển Nông thôn Thanh Hóa' }) @IsString() @Length(3, 300) name: string;
  @ApiPropertyOptional({ example: '2801234567', description: 'Tax code (firms) or citizen ID (individuals)' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9]{9,13}$/, { message: 'registrationNumber must be 9 to 13 digits' })
  registrationNumber?: string;
  @ApiProperty({ example: '0237 3852 123' }) @IsString() @Length(6, 30) phone: string;
  @ApiPropertyOptional({ example: ['PRODUCT_STORY', 'PACKAGING', 'TRACEABILITY'], description: 'What it advises on (codes)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, { each: true, message: 'each service must be a code of capital letters, digits and _' })
  services?: string[];
}

export class ConsultantView {
  @ApiProperty() id: string;
  @ApiProperty() provinceCode: string;
  @ApiProperty({ enum: CONSULTANT_KINDS }) kind: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ type: String, nullable: true }) registrationNumber: string | null;
  @ApiProperty() phone: string;
  @ApiProperty({ type: [String] }) services: string[];
  @ApiProperty() createdAt: string;
}

export class ListConsultantsQuery extends PageQuery {}

export class ConsultantIdQuery {
  @ApiProperty() @IsUUID() consultantId: string;
}

export class GrantConsultantBody {
  @ApiProperty({ description: 'The consultant (of the producer’s province) given access to the producer’s dossiers' })
  @IsUUID()
  consultantId: string;
}

export class GrantConsultantCommand extends GrantConsultantBody {
  @ApiProperty() @IsUUID() producerId: string;
}

export class ConsultantGrantIdCommand {
  @ApiProperty() @IsUUID() grantId: string;
}

export class ListConsultantGrantsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only the grants in force' }) @IsOptional() @IsIn(['true', 'false']) active?: string;
}

/** What the gateway asks before a consultant acts for a producer. */
export class CheckConsultantGrantQuery {
  @ApiProperty() @IsUUID() producerId: string;
}

export class ConsultantGrantView {
  @ApiProperty() id: string;
  @ApiProperty() consultantId: string;
  @ApiProperty() consultantName: string;
  @ApiProperty() producerId: string;
  @ApiProperty() producerName: string;
  @ApiProperty() grantedAt: string;
  @ApiProperty() grantedBy: string;
  @ApiPropertyOptional({ type: String, nullable: true }) revokedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) revokedBy: string | null;
  @ApiProperty() active: boolean;
}
