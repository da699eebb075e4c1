import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { CERTIFICATION_JOB_NAMES } from './certification.dto';

/** What the daily expiry sweep did. */
export class ExpirySweepReportView {
  @ApiProperty() asOf: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Notices sent, by days before the end (90, 60, 30)',
    example: { 90: 2, 60: 0, 30: 1 },
  })
  noticesSent: Record<string, number>;
  @ApiProperty() noticesSkipped: number;
  @ApiProperty() markedExpiring: number;
  @ApiProperty() expired: number;
  @ApiProperty() revocationRequests: number;
  @ApiProperty() chunks: number;
  @ApiProperty() jobsRecreated: number;
}

export class RevocationFollowUpReportView {
  @ApiProperty() reminders: number;
  @ApiProperty() escalations: number;
}

export class NotificationDispatchReportView {
  @ApiProperty() sent: number;
  @ApiProperty() failed: number;
}

/** The report of a certification job run now (POST /api/certification/jobs/{name}/run). */
@ApiExtraModels(ExpirySweepReportView, RevocationFollowUpReportView, NotificationDispatchReportView)
export class CertificationJobReportView {
  @ApiProperty({ enum: CERTIFICATION_JOB_NAMES }) name: string;
  @ApiProperty() asOf: string;
  @ApiProperty({
    description: 'expiry-sweep, revocation-follow-ups or notifications-dispatch report',
    oneOf: [ExpirySweepReportView, RevocationFollowUpReportView, NotificationDispatchReportView].map((m) => ({ $ref: getSchemaPath(m) })),
  })
  result: ExpirySweepReportView | RevocationFollowUpReportView | NotificationDispatchReportView;
}

/** One issuer key (a public JWK) and its life in the trust list. */
export class IssuerKeyView {
  @ApiProperty({ example: 'OKP' }) kty: string;
  @ApiProperty({ example: 'Ed25519' }) crv: string;
  @ApiProperty() x: string;
  @ApiProperty({ example: 'dev-2026' }) kid: string;
  @ApiPropertyOptional({ example: 'EdDSA' }) alg?: string;
  @ApiPropertyOptional({ example: 'sig' }) use?: string;
  @ApiProperty({ enum: ['ACTIVE', 'RETIRED', 'STANDBY'] }) status: string;
  @ApiPropertyOptional({ type: String, nullable: true }) activeSince: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) retiredAt: string | null;
}

export class IssuerKeySetView {
  @ApiProperty({ type: [IssuerKeyView] }) keys: IssuerKeyView[];
}

export class RevokedEntryView {
  @ApiProperty({ description: 'Certificate number' }) n: string;
  @ApiProperty({ description: 'Verification code' }) c: string;
  @ApiProperty({ description: 'Revoked at (UTC, seconds)' }) at: string;
  @ApiProperty({ description: 'Revocation reason code' }) r: string;
}

/** The signed list of revocations: the fields, and the same fields as a compact JWS (EdDSA) in `jws`. */
export class StatusListView {
  @ApiProperty({ example: 'ocop/certification' }) iss: string;
  @ApiProperty({ description: 'Issued at (seconds since the epoch)' }) iat: number;
  @ApiProperty({ type: [RevokedEntryView] }) revoked: RevokedEntryView[];
  @ApiProperty() jws: string;
}
