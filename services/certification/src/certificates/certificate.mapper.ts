import type { CertificateEventData } from '@ocop/contracts';
import type { CertificateStatus } from '@ocop/domain';

/** A certificate as its readers get it: every stored column but created_at (see `CertificatesRepository`). */
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
