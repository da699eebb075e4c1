import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { AGENCY_CODE } from '../subjects';
import { PageQuery } from '../query';

/**
 * Guidance threads (issue 16): a producer or its commune asks an agency for guidance on one part of a dossier (a
 * document type, or a topic such as traceability); the agency answers (its officer, or its own service on
 * `<prefix>.agency.<CODE>.api.guidance.answer`) by a due time, with one reminder and one escalation if it does not.
 */
export const GUIDANCE_STATUSES = ['OPEN', 'ANSWERED'] as const;

export class AskGuidanceBody {
  @ApiProperty({ example: 'SKHCN' })
  @IsString()
  @Matches(AGENCY_CODE, { message: 'agencyCode must be an agency code (A–Z, 0–9, _ or -, 2–20 characters)' })
  agencyCode: string;
  @ApiProperty({ example: 'TRACEABILITY', description: 'The part of the dossier the question is about (a document type or a topic code)' })
  @IsString()
  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, { message: 'topic must be a code of capital letters, digits and _' })
  topic: string;
  @ApiProperty({ example: 'Sản phẩm cần mã truy xuất nguồn gốc theo tiêu chuẩn nào để đạt tiêu chí 3 sao?' })
  @IsString()
  @Length(3, 5000)
  text: string;
}
export class AskGuidanceCommand extends AskGuidanceBody {
  @ApiProperty() @IsUUID() dossierId: string;
}

export class GuidanceMessageBody {
  @ApiProperty({ example: 'Đề nghị cơ sở áp dụng mã truy xuất theo TCVN 12850:2019 và in mã QR trên bao bì.' })
  @IsString()
  @Length(3, 5000)
  text: string;
  @ApiPropertyOptional({ description: "An agency's own reference of its answer: the same answer sent again is taken once" })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  reference?: string;
}
export class GuidanceMessageCommand extends GuidanceMessageBody {
  @ApiProperty() @IsUUID() threadId: string;
}

export class DossierGuidanceQuery {
  @ApiProperty() @IsUUID() dossierId: string;
}

export class ListGuidanceQuery extends PageQuery {
  @ApiPropertyOptional({ enum: GUIDANCE_STATUSES }) @IsOptional() @IsIn(GUIDANCE_STATUSES) status?: string;
}

export class GuidanceMessageView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['ASKER', 'AGENCY'] }) side: string;
  @ApiProperty() authorId: string;
  @ApiProperty({ enum: ['HTTP', 'NATS'] }) via: string;
  @ApiProperty() text: string;
  @ApiPropertyOptional({ type: String, nullable: true }) reference: string | null;
  @ApiProperty() at: string;
}

export class GuidanceThreadView {
  @ApiProperty() id: string;
  @ApiProperty() dossierId: string;
  @ApiProperty() dossierCode: string;
  @ApiProperty() agencyCode: string;
  @ApiProperty() topic: string;
  @ApiProperty({ enum: GUIDANCE_STATUSES }) status: string;
  @ApiProperty() askedAt: string;
  @ApiProperty() dueAt: string;
  @ApiPropertyOptional({ type: String, nullable: true }) remindedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) escalatedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) answeredAt: string | null;
  @ApiProperty({ type: [GuidanceMessageView] }) messages: GuidanceMessageView[];
}
