import { Injectable } from '@nestjs/common';
import { AppError, SYSTEM_ACTOR, type Actor, type EventEnvelope, type InspectionRevocationRequestedData } from '@ocop/contracts';
import { REVOCATION_REASON_CODES, type RevocationReasonCode } from '@ocop/domain';
import type { Tx } from '@ocop/persistence';
import { RevocationRequestWorkflow } from './revocation-request.workflow';

/** Who asks when inspection's service asks (audit and requested_by). */
const INSPECTION_ACTOR: Actor = { ...SYSTEM_ACTOR, username: 'inspection' };

/**
 * Inspection's request for a violation (`inspection.revocation-requested.v1`), keyed by the violation, so a
 * redelivery never makes a second one. A certificate already revoked, superseded, or with an open request
 * needs no new request: the event is taken as seen.
 */
@Injectable()
export class RequestRevocationForViolationUseCase {
  constructor(private readonly workflow: RevocationRequestWorkflow) {}

  async execute(e: EventEnvelope, tx: Tx): Promise<void> {
    const d = e.data as InspectionRevocationRequestedData;
    const reason = (REVOCATION_REASON_CODES as readonly string[]).includes(d.reasonCode) ? (d.reasonCode as RevocationReasonCode) : 'OTHER';
    try {
      await this.workflow.open(
        tx,
        INSPECTION_ACTOR,
        'INSPECTION',
        { certificateId: d.certificateId, reasonCode: reason, details: d.details, sourceReference: `violation:${d.violationId}` },
        new Date(d.requestedAt),
      );
    } catch (err) {
      if (err instanceof AppError && ['CERTIFICATE_NOT_REVOCABLE', 'REVOCATION_ALREADY_REQUESTED'].includes(err.code)) return;
      throw err;
    }
  }
}
