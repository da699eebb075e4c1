import type { CertificateEventData } from '@ocop/contracts';
import type { CertificateStatus } from '@ocop/domain';

/** A certificate as stored (snake_case columns mapped by the SELECT below). */
export interface CertificateRow {
  id: string;
  number: string;
  code: string;
  evaluationId: string;
  dossierId: string;
  productId: string;
  producerId: string;
  productName: string;
  producerName: string;
  productSetCode: string;
  stars: number;
  tier: string;
  authorityUnitCode: string;
  provinceCode: string;
  decisionId: string;
  validFrom: Date;
  validTo: Date;
  status: CertificateStatus;
  statusChangedAt: Date;
  supersedesId: string | null;
  supersededById: string | null;
  revokedAt: Date | null;
  revocationReasonCode: string | null;
  kid: string | null;
  signature: string | null;
  issuedAt: Date;
  /** Issued from a PROVISIONAL criteria catalogue revision (an operator allowed it). */
  provisionalCriteria: boolean;
}

export const CERTIFICATE_COLUMNS = `c.id, c.number, c.code, c.evaluation_id AS "evaluationId", c.dossier_id AS "dossierId", c.product_id AS "productId",
  c.producer_id AS "producerId", c.product_name AS "productName", c.producer_name AS "producerName", c.product_set_code AS "productSetCode", c.stars,
  c.tier, c.authority_unit_code AS "authorityUnitCode", c.province_code AS "provinceCode", c.decision_id AS "decisionId", c.valid_from AS "validFrom",
  c.valid_to AS "validTo", c.status, c.status_changed_at AS "statusChangedAt", c.supersedes_id AS "supersedesId", c.superseded_by_id AS "supersededById",
  c.revoked_at AS "revokedAt", c.revocation_reason_code AS "revocationReasonCode", c.kid, c.signature, c.issued_at AS "issuedAt",
  c.provisional_criteria AS "provisionalCriteria"`;

/** The fields every certificate event carries. */
export function certificateEventData(
  c: Pick<CertificateRow, 'id' | 'number' | 'code' | 'dossierId' | 'productId' | 'producerId' | 'provinceCode' | 'authorityUnitCode'>,
): CertificateEventData {
  return {
    certificateId: c.id,
    number: c.number,
    code: c.code,
    dossierId: c.dossierId,
    productId: c.productId,
    producerId: c.producerId,
    provinceCode: c.provinceCode,
    authorityUnitCode: c.authorityUnitCode,
  };
}
