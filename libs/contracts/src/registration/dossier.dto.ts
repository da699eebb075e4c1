import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { PageQuery } from '../query';
import { CommuneAssessmentEntryDto } from '../scoring/catalogue.dto';
import { Nested, NestedList, QueryInt } from '../validation';

export const DOSSIER_KINDS = ['NEW', 'RE_EVALUATION', 'UPGRADE'] as const;
export const DOSSIER_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'RETURNED_FOR_COMPLETION',
  'ACCEPTED_BY_COMMUNE',
  'PROPOSED',
  'UNDER_EVALUATION',
  'FORWARDED',
  'CERTIFIED',
  'NOT_CERTIFIED',
  'WITHDRAWN',
] as const;

export class CreateDossierCommand {
  @ApiProperty() @IsUUID() productId: string;
  @ApiProperty({ enum: DOSSIER_KINDS }) @IsIn(DOSSIER_KINDS) kind: (typeof DOSSIER_KINDS)[number];
}

export class DossierIdCommand {
  @ApiProperty() @IsUUID() dossierId: string;
}

export class AttachDocumentCommand {
  @ApiProperty() @IsUUID() dossierId: string;
  @ApiProperty({ example: 'REGISTRATION_FORM' })
  @IsString()
  @Matches(/^[A-Z_]{2,40}$/, { message: 'type must be a document type code' })
  type: string;
  @ApiProperty() @IsString() @Length(1, 255) fileName: string;
  @ApiProperty() @IsString() @Length(3, 100) contentType: string;
  @ApiProperty() @IsInt() @Min(1) @Max(50 * 1024 * 1024) size: number;
  @ApiProperty() @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be a hex SHA-256' }) sha256: string;
  @ApiProperty() @IsString() @Length(3, 300) storageKey: string;
}

export class ReturnReason {
  @ApiPropertyOptional({ description: 'Document type the reason is about' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z_]{2,40}$/, { message: 'documentType must be a document type code' })
  documentType?: string;
  @ApiProperty({ example: 'Thiếu bản công bố chất lượng sản phẩm' }) @IsString() @Length(3, 1000) reason: string;
}

export class ReturnDossierBody {
  @ApiProperty({ type: [ReturnReason] })
  @NestedList(() => ReturnReason, 1, 50)
  reasons: ReturnReason[];
}

export class ReturnDossierCommand extends ReturnDossierBody {
  @ApiProperty() @IsUUID() dossierId: string;
}

export class WithdrawDossierBody {
  @ApiProperty({ example: 'Chủ thể tạm dừng sản xuất sản phẩm này' }) @IsString() @Length(3, 1000) reason: string;
}

export class WithdrawDossierCommand extends WithdrawDossierBody {
  @ApiProperty() @IsUUID() dossierId: string;
}

export class CommuneAssessmentBody {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "Reference of the commune's assessment report (Báo cáo đánh giá của UBND cấp xã)",
    example: '45/BC-UBND',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  reportReference?: string | null;
  @ApiProperty({
    type: [CommuneAssessmentEntryDto],
    description: "The option chosen for each commune-assessed criterion of the product's criteria tree",
  })
  @NestedList(() => CommuneAssessmentEntryDto, 1, 20)
  entries: CommuneAssessmentEntryDto[];
}

export class ProposeDossierBody {
  @ApiPropertyOptional({ description: 'Evaluation round of the receiving province; defaults to the round open at the as-of date' })
  @IsOptional()
  @IsUUID()
  roundId?: string;
  @ApiPropertyOptional({ description: "Reference of the commune's proposal letter", example: '125/UBND-NN' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  proposalReference?: string;
  @ApiPropertyOptional({
    type: CommuneAssessmentBody,
    description: 'Required under 148+1489 (the commune assesses four criteria); refused under earlier versions',
  })
  @IsOptional()
  @Nested(() => CommuneAssessmentBody)
  communeAssessment?: CommuneAssessmentBody;
}

export class ProposeDossierCommand extends ProposeDossierBody {
  @ApiProperty() @IsUUID() dossierId: string;
}

export class ListDossiersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DOSSIER_STATUSES }) @IsOptional() @IsIn(DOSSIER_STATUSES) status?: string;
  @ApiPropertyOptional({ description: "Only dossiers proposed to this unit (the next tier's list)" })
  @IsOptional()
  @Matches(/^\d{2,5}$/, { message: 'proposedTo must be a unit code' })
  proposedTo?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{5}$/, { message: 'communeCode must be a 5-digit commune code' }) communeCode?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^\d{3}$/, { message: 'districtCode must be a 3-digit district code' })
  districtCode?: string;
  @QueryInt(2019, 2100) cycleYear?: number;
}

export class DocumentView {
  @ApiProperty() id: string;
  @ApiProperty() type: string;
  @ApiProperty() fileName: string;
  @ApiProperty() contentType: string;
  @ApiProperty() size: number;
  @ApiProperty() sha256: string;
  @ApiProperty() uploadedAt: string;
}

export class DossierView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'HS-2026-000123' }) code: string;
  @ApiProperty() productId: string;
  @ApiProperty() productName: string;
  @ApiProperty() productSetCode: string;
  @ApiProperty() producerId: string;
  @ApiProperty({ enum: DOSSIER_KINDS }) kind: string;
  @ApiProperty({ enum: DOSSIER_STATUSES }) status: string;
  @ApiProperty({ description: 'Legal version stamped at filing (first submission)', nullable: true, type: String }) legalVersion:
    string | null;
  @ApiProperty() cycleYear: number;
  @ApiProperty() provinceCode: string;
  @ApiPropertyOptional({ type: String, nullable: true }) districtCode: string | null;
  @ApiProperty() communeCode: string;
  @ApiPropertyOptional({ type: String, nullable: true }) filedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) proposedTier: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) proposedToUnitCode: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) roundId: string | null;
  @ApiPropertyOptional({ type: CommuneAssessmentBody, nullable: true }) communeAssessment: CommuneAssessmentBody | null;
  @ApiProperty({ type: [ReturnReason] }) returnReasons: ReturnReason[];
  @ApiProperty({ type: [String] }) missingDocuments: string[];
  @ApiProperty({ type: [DocumentView] }) documents: DocumentView[];
  @ApiProperty({ type: [String] }) allowedActions: string[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class TimelineEntryView {
  @ApiProperty({ description: 'Event id' }) id: string;
  @ApiProperty({ example: 'registration.dossier-submitted.v1' }) type: string;
  @ApiProperty() source: string;
  @ApiProperty() occurredAt: string;
  @ApiPropertyOptional({ type: String, nullable: true }) actorId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) actorRole: string | null;
  @ApiProperty({ type: Object }) data: Record<string, unknown>;
}

export class UnitView {
  @ApiProperty() code: string;
  @ApiProperty({ enum: ['PROVINCE', 'DISTRICT', 'COMMUNE'] }) level: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ type: String, nullable: true }) parentCode: string | null;
  @ApiProperty() provinceCode: string;
  @ApiPropertyOptional({ type: String, nullable: true }) districtCode: string | null;
}

export class ListUnitsQuery {
  @ApiPropertyOptional({ enum: ['PROVINCE', 'DISTRICT', 'COMMUNE'] })
  @IsOptional()
  @IsIn(['PROVINCE', 'DISTRICT', 'COMMUNE'])
  level?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{2,5}$/, { message: 'parentCode must be a unit code' }) parentCode?: string;
}
