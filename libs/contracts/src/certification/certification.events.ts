import { IsOptional } from 'class-validator';
import { Code, Id, Instant, Int, Nullable, OneOf, Text } from '../event-fields';
import { CertificationEvents } from './certification.subjects';

/** Payloads of certification's domain events (version 1). Certificate events carry the dossier they came from. */
export class CertificateEventData {
  @Id() certificateId: string;
  /** Certificate number, e.g. "38-2026-0001/GCN-OCOP". */
  @Code() number: string;
  /** Public verification code (the path of /verify/{code}). */
  @Code() code: string;
  @Id() dossierId: string;
  @Id() productId: string;
  @Id() producerId: string;
  @Code() provinceCode: string;
  @Code() authorityUnitCode: string;
}

export class CertificateIssuedData extends CertificateEventData {
  @Id() evaluationId: string;
  @Text(1000) productName: string;
  @Text(1000) producerName: string;
  @Code() productSetCode: string;
  @Int(1, 5) stars: number;
  @Code() tier: string;
  @Id() decisionId: string;
  @Code() decisionReference: string;
  @Instant() validFrom: string;
  @Instant() validTo: string;
  /** The certificate this one replaces (re-evaluation or upgrade), if any. */
  @Nullable() @Id() supersedes: string | null;
  @Instant() issuedAt: string;
  /** The producer's district, as the dossier gave it (null: none); absent from events published before it was added. */
  @IsOptional() @Code() producerDistrictCode?: string | null;
}

export class CertificateSupersededData extends CertificateEventData {
  @Id() supersededBy: string;
  @Code() supersededByNumber: string;
  @Instant() at: string;
}

/** A notice before the end of validity: 90, 60 or 30 days (each sent once). The first one invites re-evaluation. */
export class CertificateExpiringData extends CertificateEventData {
  @Int(1, 3650) milestoneDays: number;
  @Instant() validTo: string;
  @Text(1000) productName: string;
  @Instant() at: string;
}

export class CertificateExpiredData extends CertificateEventData {
  @Instant() validTo: string;
  @Instant() at: string;
}

export type RevocationSource = 'INSPECTION' | 'OFFICE' | 'EXPIRY';
const REVOCATION_SOURCES: readonly RevocationSource[] = ['INSPECTION', 'OFFICE', 'EXPIRY'];

export class RevocationEventData extends CertificateEventData {
  @Id() revocationId: string;
  @OneOf(REVOCATION_SOURCES) source: RevocationSource;
  @Code() reasonCode: string;
}
export class RevocationRequestedData extends RevocationEventData {
  @Nullable() @Code() sourceReference: string | null;
  @Text() details: string;
  @Instant() requestedAt: string;
}
export class RevocationRejectedData extends RevocationEventData {
  @Text() note: string;
  @Instant() at: string;
}
export class CertificateRevokedData extends RevocationEventData {
  @Id() decisionId: string;
  @Code() decisionReference: string;
  /** The reference of the decision that issued the certificate (`''` if it cannot be found). */
  @Code() originalDecisionReference: string;
  @Instant() revokedAt: string;
  @Instant() returnDeadline: string;
}
/** `certification.revocation-reminder-sent.v1`, `…-return-confirmed.v1`, `…-escalated.v1`: a step after the revocation. */
export class RevocationFollowUpData extends RevocationEventData {
  @Code() step: string;
  @Instant() returnDeadline: string;
  @Instant() at: string;
}
/**
 * `certification.decision-issued.v1`: an authority's decision, ISSUE (from a council session's results, with its
 * `sessionId`) or REVOKE (citing the decision that issued the certificate, `citesDecisionId`).
 */
export class DecisionIssuedData {
  @Id() decisionId: string;
  @OneOf(['ISSUE', 'REVOKE']) kind: 'ISSUE' | 'REVOKE';
  @Code() reference: string;
  @Code() authorityUnitCode: string;
  @Code() provinceCode: string;
  /** ISSUE: the council session whose results it decides. */
  @IsOptional() @Id() sessionId?: string;
  /** REVOKE: the decision that issued the certificate (null if it cannot be found). */
  @IsOptional() @Id() citesDecisionId?: string | null;
  @Instant() decidedAt: string;
}

/** Certification's event types and their payload classes (part of `EVENT_PAYLOADS`). */
export const CertificationEventPayloads = {
  [CertificationEvents.decisionIssued]: DecisionIssuedData,
  [CertificationEvents.certificateIssued]: CertificateIssuedData,
  [CertificationEvents.certificateSuperseded]: CertificateSupersededData,
  [CertificationEvents.certificateExpiring]: CertificateExpiringData,
  [CertificationEvents.certificateExpired]: CertificateExpiredData,
  [CertificationEvents.revocationRequested]: RevocationRequestedData,
  [CertificationEvents.revocationRejected]: RevocationRejectedData,
  [CertificationEvents.certificateRevoked]: CertificateRevokedData,
  [CertificationEvents.revocationReminderSent]: RevocationFollowUpData,
  [CertificationEvents.revocationReturnConfirmed]: RevocationFollowUpData,
  [CertificationEvents.revocationEscalated]: RevocationFollowUpData,
} as const satisfies Record<(typeof CertificationEvents)[keyof typeof CertificationEvents], new () => object>;

/** Reply of `certification.public.verify`: the stored record behind a verification code (the live status is derived per request). */
export interface PublicCertificateRecord {
  code: string;
  number: string;
  status: string;
  productName: string;
  productSetCode: string;
  producerName: string;
  stars: number;
  tier: string;
  issuerVi: string;
  decisionReference: string;
  decisionDate: string;
  validFrom: string;
  validTo: string;
  revokedAt: string | null;
  revocationReasonCode: string | null;
  revocationReasonVi: string | null;
  revocationDecisionReference: string | null;
  supersededByNumber: string | null;
  supersededByCode: string | null;
  kid: string | null;
  signature: string | null;
  /** Issued from a PROVISIONAL criteria catalogue revision, as an operator allowed. */
  provisionalCriteria: boolean;
}
