import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../query';

export const REEVALUATION_INVITATION_STATUSES = ['OPEN', 'DOSSIER_FILED', 'CLOSED'] as const;
export const REEVALUATION_CLOSED_REASONS = ['SUPERSEDED', 'EXPIRED', 'REVOKED'] as const;

export class ListReevaluationInvitationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REEVALUATION_INVITATION_STATUSES }) @IsOptional() @IsIn(REEVALUATION_INVITATION_STATUSES) status?: string;
}

/** An invitation to file a re-evaluation dossier, opened by the first expiry notice of a certificate. */
export class ReevaluationInvitationView {
  @ApiProperty() id: string;
  @ApiProperty() certificateId: string;
  @ApiProperty({ example: '38-2026-0001/GCN-OCOP' }) certificateNumber: string;
  @ApiProperty({ description: 'Public verification code of the certificate' }) certificateCode: string;
  @ApiProperty() productId: string;
  @ApiProperty() productName: string;
  @ApiProperty() producerId: string;
  @ApiProperty({ description: 'The dossier that got the certificate' }) dossierId: string;
  @ApiProperty() provinceCode: string;
  @ApiPropertyOptional({ type: String, nullable: true }) districtCode: string | null;
  @ApiProperty() communeCode: string;
  @ApiProperty({ description: "End of the certificate's validity" }) validTo: string;
  @ApiProperty() openedAt: string;
  @ApiProperty({ description: 'Days before the end named by the latest notice received (90, 60 or 30)' }) lastNoticeDays: number;
  @ApiProperty({ enum: REEVALUATION_INVITATION_STATUSES }) status: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The RE_EVALUATION dossier filed for the product' })
  reevaluationDossierId: string | null;
  @ApiPropertyOptional({ enum: REEVALUATION_CLOSED_REASONS, nullable: true }) closedReason: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) closedAt: string | null;
}
