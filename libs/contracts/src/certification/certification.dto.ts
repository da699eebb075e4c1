import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { IsInstant, QueryInt } from '../validation';
import { PageQuery } from '../query';
import { COUNCIL_TIERS } from '../scoring/council.dto';

export const CERTIFICATE_STATUSES = ['ACTIVE', 'EXPIRING', 'EXPIRED', 'SUPERSEDED', 'REVOKED'] as const;
export const REVOCATION_STATUSES = ['REQUESTED', 'REJECTED', 'REVOKED', 'RETURN_CONFIRMED', 'ESCALATED'] as const;
/** Keys of REVOCATION_REASONS in @ocop/domain (kept equal by a unit test). */
export const REVOCATION_REASON_CODE_LIST = [
  'NOT_REEVALUATED',
  'MANDATORY_CRITERIA_FAILED',
  'PROCESS_NOT_FOLLOWED',
  'FOOD_SAFETY_VIOLATION',
  'QUALITY_NOT_AS_CERTIFIED',
  'NO_QUALITY_RECORDS',
  'LAB_TEST_FAILED',
  'PRODUCTION_HALTED',
  'OTHER',
] as const;
export const CERTIFICATION_JOB_NAMES = ['expiry-sweep', 'revocation-follow-ups', 'notifications-dispatch'] as const;

export class ListCertificatesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CERTIFICATE_STATUSES }) @IsOptional() @IsIn(CERTIFICATE_STATUSES) status?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() productId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() producerId?: string;
  @ApiPropertyOptional({ enum: COUNCIL_TIERS, description: 'The tier that certified it' }) @IsOptional() @IsIn(COUNCIL_TIERS) tier?: string;
  @ApiPropertyOptional({ description: "The issuing authority's unit (district or province code, or VN)" })
  @IsOptional()
  @Matches(/^(\d{2,3}|VN)$/, { message: 'authorityUnitCode must be a district or province code, or VN' })
  authorityUnitCode?: string;
  @QueryInt(3, 5) stars?: number;
  @QueryInt(2019, 2100, { description: 'Year of issue (Vietnam time)' }) year?: number;
}

export class CertificateIdQuery {
  @ApiProperty() @IsUUID() certificateId: string;
}

export class ListDecisionsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['ISSUE', 'REVOKE'] }) @IsOptional() @IsIn(['ISSUE', 'REVOKE']) kind?: string;
}

export class DecisionIdQuery {
  @ApiProperty() @IsUUID() decisionId: string;
}

export class RequestRevocationCommand {
  @ApiProperty() @IsUUID() certificateId: string;
  @ApiProperty({ enum: REVOCATION_REASON_CODE_LIST }) @IsIn(REVOCATION_REASON_CODE_LIST) reasonCode: string;
  @ApiProperty({ description: "What was found, in the requester's words" }) @IsString() @Length(3, 4000) details: string;
  @ApiPropertyOptional({
    description: "The requester's own reference (inspection finding, office letter): the same reference never makes a second request",
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  sourceReference?: string;
}

export class ListRevocationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REVOCATION_STATUSES }) @IsOptional() @IsIn(REVOCATION_STATUSES) status?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() certificateId?: string;
}

export class RevocationIdQuery {
  @ApiProperty() @IsUUID() revocationId: string;
}

export class RejectRevocationBody {
  @ApiProperty() @IsString() @Length(3, 4000) note: string;
}

export class RejectRevocationCommand extends RejectRevocationBody {
  @ApiProperty() @IsUUID() revocationId: string;
}

export class RunJobBody {
  @ApiPropertyOptional({ description: 'Run as of this instant (refused in production mode)' }) @IsOptional() @IsInstant() asOf?: string;
}

export class RunJobCommand extends RunJobBody {
  @ApiProperty({ enum: CERTIFICATION_JOB_NAMES }) @IsIn(CERTIFICATION_JOB_NAMES) name: string;
}

export class VerifyQuery {
  @ApiProperty() @Matches(/^[0-9A-Z]{10}$/, { message: 'code must be a verification code' }) code: string;
}

export class CertificateView {
  @ApiProperty() id: string;
  @ApiProperty() number: string;
  @ApiProperty() code: string;
  @ApiProperty({ description: 'Public verification URL with the signature (the QR code)' }) verifyUrl: string;
  @ApiProperty({ enum: CERTIFICATE_STATUSES }) status: string;
  @ApiProperty() evaluationId: string;
  @ApiProperty() dossierId: string;
  @ApiProperty() productId: string;
  @ApiProperty() producerId: string;
  @ApiProperty() productName: string;
  @ApiProperty() producerName: string;
  @ApiProperty() productSetCode: string;
  @ApiProperty() stars: number;
  @ApiProperty() tier: string;
  @ApiProperty() authorityUnitCode: string;
  @ApiProperty() provinceCode: string;
  @ApiProperty() decisionId: string;
  @ApiProperty() validFrom: string;
  @ApiProperty() validTo: string;
  @ApiPropertyOptional({ type: String, nullable: true }) supersedesId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) supersededById: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) revokedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) revocationReasonCode: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) kid: string | null;
  @ApiProperty() issuedAt: string;
  @ApiProperty({ description: 'Issued from a provisional criteria catalogue (an operator allowed it)' }) provisionalCriteria: boolean;
}

export class DecisionView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['ISSUE', 'REVOKE'] }) kind: string;
  @ApiProperty({ example: '12/QĐ-UBND' }) reference: string;
  @ApiProperty() authorityUnitCode: string;
  @ApiProperty({ enum: COUNCIL_TIERS }) authorityTier: string;
  @ApiProperty() provinceCode: string;
  @ApiProperty({ example: 'ỦY BAN NHÂN DÂN TỈNH THANH HÓA', description: "The issuing authority's formal heading" }) authorityVi: string;
  @ApiProperty() issuerVi: string;
  @ApiProperty({ example: 'Thanh Hóa', description: 'Place of the date line' }) placeVi: string;
  @ApiPropertyOptional({ type: String, nullable: true }) sessionId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) citesDecisionId: string | null;
  @ApiProperty() decidedAt: string;
  @ApiProperty() decidedBy: string;
  @ApiPropertyOptional({ type: [String] }) certificateNumbers?: string[];
}

export class RevocationView {
  @ApiProperty() id: string;
  @ApiProperty() certificateId: string;
  @ApiProperty({ enum: ['INSPECTION', 'OFFICE', 'EXPIRY'] }) source: string;
  @ApiPropertyOptional({ type: String, nullable: true }) sourceReference: string | null;
  @ApiProperty({ enum: REVOCATION_REASON_CODE_LIST }) reasonCode: string;
  @ApiProperty() details: string;
  @ApiProperty({ enum: REVOCATION_STATUSES }) status: string;
  @ApiProperty() requestedBy: string;
  @ApiProperty() requestedAt: string;
  @ApiPropertyOptional({ type: String, nullable: true }) decisionId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) decisionReference: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) decidedBy: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) decidedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) rejectionNote: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) returnDeadline: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'When the reminder to return the certificate is due' }) reminderDueAt:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) reminderSentAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) returnConfirmedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) escalatedAt: string | null;
}

/** The public answer for a verification code: live status and what the certificate says. */
export class PublicCertificateView {
  @ApiProperty({ description: 'True when the code is a certificate in the registry (and the signature, when given, is the one issued)' })
  valid: boolean;
  @ApiProperty() code: string;
  @ApiProperty() number: string;
  @ApiProperty({ enum: CERTIFICATE_STATUSES }) status: string;
  @ApiProperty({ example: 'Còn hiệu lực' }) statusVi: string;
  @ApiProperty() productName: string;
  @ApiProperty() productSetCode: string;
  @ApiProperty() producerName: string;
  @ApiProperty() stars: number;
  @ApiProperty() issuerVi: string;
  @ApiProperty() decisionReference: string;
  @ApiProperty() decisionDate: string;
  @ApiProperty() validFrom: string;
  @ApiProperty() validTo: string;
  @ApiPropertyOptional({ type: String, nullable: true }) revokedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) revocationReasonCode: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) revocationReasonVi: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) revocationDecisionReference: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) supersededByNumber: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) supersededByCode: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Key id that signed it (see the trust list)' }) kid: string | null;
  @ApiProperty({ description: 'Issued from a provisional criteria catalogue (an operator allowed it)' }) provisionalCriteria: boolean;
  @ApiProperty() checkedAt: string;
}

export class NotificationView {
  @ApiProperty() id: string;
  @ApiProperty() producerId: string;
  @ApiProperty() template: string;
  @ApiProperty() subject: string;
  @ApiProperty() body: string;
  @ApiProperty({ enum: ['PENDING', 'SENT', 'FAILED'] }) status: string;
  @ApiPropertyOptional({ type: String, nullable: true }) certificateId: string | null;
  @ApiProperty() createdAt: string;
}

export class ListNotificationsQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() certificateId?: string;
}
