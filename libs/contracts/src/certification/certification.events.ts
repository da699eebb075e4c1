/** Payloads of certification's domain events (version 1). Certificate events carry the dossier they came from. */
export interface CertificateEventData {
  certificateId: string;
  /** Certificate number, e.g. "38-2026-0001/GCN-OCOP". */
  number: string;
  /** Public verification code (the path of /verify/{code}). */
  code: string;
  dossierId: string;
  productId: string;
  producerId: string;
  provinceCode: string;
  authorityUnitCode: string;
}

export interface CertificateIssuedData extends CertificateEventData {
  evaluationId: string;
  productName: string;
  producerName: string;
  productSetCode: string;
  stars: number;
  tier: string;
  decisionId: string;
  decisionReference: string;
  validFrom: string;
  validTo: string;
  /** The certificate this one replaces (re-evaluation or upgrade), if any. */
  supersedes: string | null;
  issuedAt: string;
}

export interface CertificateSupersededData extends CertificateEventData {
  supersededBy: string;
  supersededByNumber: string;
  at: string;
}

/** A notice before the end of validity: 90, 60 or 30 days (each sent once). The first one invites re-evaluation. */
export interface CertificateExpiringData extends CertificateEventData {
  milestoneDays: number;
  validTo: string;
  productName: string;
  at: string;
}

export interface CertificateExpiredData extends CertificateEventData {
  validTo: string;
  at: string;
}

export type RevocationSource = 'INSPECTION' | 'OFFICE' | 'EXPIRY';

export interface RevocationEventData extends CertificateEventData {
  revocationId: string;
  source: RevocationSource;
  reasonCode: string;
}
export interface RevocationRequestedData extends RevocationEventData {
  sourceReference: string | null;
  details: string;
  requestedAt: string;
}
export interface RevocationRejectedData extends RevocationEventData {
  note: string;
  at: string;
}
export interface CertificateRevokedData extends RevocationEventData {
  decisionId: string;
  decisionReference: string;
  originalDecisionReference: string;
  revokedAt: string;
  returnDeadline: string;
}
export interface RevocationFollowUpData extends RevocationEventData {
  step: string;
  returnDeadline: string;
  at: string;
}

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
