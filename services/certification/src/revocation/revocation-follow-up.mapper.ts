import type { RevocationFollowUpData } from '@ocop/contracts';
import { certificateEventData, type CertificateRow } from '../certificates/certificate.mapper';
import type { RevocationRow } from './revocations.repository';

/** The data of a follow-up event of a decided revocation (reminder, escalation, return confirmed). */
export function followUpData(c: CertificateRow, r: RevocationRow, step: string, at: Date): RevocationFollowUpData {
  return {
    ...certificateEventData(c),
    revocationId: r.id,
    source: r.source,
    reasonCode: r.reasonCode,
    step,
    returnDeadline: (r.returnDeadline as Date).toISOString(),
    at: at.toISOString(),
  };
}
