import { Injectable } from '@nestjs/common';
import { InspectionEvents as E, SYSTEM_ACTOR, type InspectionRevocationRequestedData } from '@ocop/contracts';
import { EventOutbox } from '@ocop/messaging';
import { writeAudit, type Tx } from '@ocop/persistence';
import { ViolationsRepository } from './violations.repository';

/**
 * What happens to a violation on the system's initiative, in the caller's transaction: a revocation request to
 * certification (for a critical finding, a failed lab result, or a corrective deadline passed), and the
 * violation of a task's failed sample.
 */
@Injectable()
export class ViolationWorkflow {
  constructor(
    private readonly violations: ViolationsRepository,
    private readonly outbox: EventOutbox,
  ) {}

  /** Exactly once per violation: the conditional update is the guard, the event goes in the same transaction. */
  async requestRevocation(tx: Tx, violationId: string, asOf: Date): Promise<boolean> {
    const v = await this.violations.markRevocationRequested(tx, violationId, asOf);
    if (!v) return false;
    const data: InspectionRevocationRequestedData = {
      violationId: v.id,
      taskId: v.taskId,
      campaignId: v.campaignId,
      certificateId: v.certificateId,
      reasonCode: v.reasonCode,
      details: v.details,
      severity: v.severity,
      requestedAt: asOf.toISOString(),
    };
    await this.outbox.enqueueEvent(tx, E.revocationRequested, v.certificateId, data);
    await writeAudit(tx, {
      actorId: SYSTEM_ACTOR.id,
      actorRole: SYSTEM_ACTOR.role,
      action: 'violation.request-revocation',
      entityType: 'violation',
      entityId: v.id,
      details: { certificateId: v.certificateId },
    });
    return true;
  }

  /** A failed lab result for a task's sample: a violation (one per sample) and its revocation request, in the result's transaction. */
  async recordLabFailure(tx: Tx, sampleId: string, taskId: string, sampleCode: string, failed: string[], asOf: Date): Promise<void> {
    const v = await this.violations.insertLabFailure(tx, {
      taskId,
      sampleId,
      details: `Kết quả kiểm nghiệm mẫu ${sampleCode} không đạt: ${failed.join(', ')}`,
      at: asOf,
    });
    if (!v) return;
    await this.outbox.enqueueEvent(tx, E.violationRecorded, v.certificateId, {
      violationId: v.id,
      taskId,
      certificateId: v.certificateId,
      severity: 'LAB_FAIL',
      sampleId,
    });
    await this.requestRevocation(tx, v.id, asOf);
  }
}
