import { Injectable } from '@nestjs/common';
import {
  InspectionEvents as E,
  SYSTEM_ACTOR,
  type CertificateExpiredData,
  type CertificateExpiringData,
  type CertificateRevokedData,
  type CertificateSupersededData,
  type EventEnvelope,
} from '@ocop/contracts';
import { EventOutbox } from '@ocop/messaging';
import { writeAuditMany, type Tx } from '@ocop/persistence';
import { TasksRepository } from '../tasks/tasks.repository';
import { CertificatePoolRepository } from './certificate-pool.repository';

/**
 * A certificate's new status: an expiring one stays in the pool; a superseded, expired or revoked one leaves it
 * and its open tasks are cancelled (with an event each).
 */
@Injectable()
export class ChangePoolStatusUseCase {
  constructor(
    private readonly pool: CertificatePoolRepository,
    private readonly tasks: TasksRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async execute(e: EventEnvelope, tx: Tx, status: 'EXPIRING' | 'SUPERSEDED' | 'EXPIRED' | 'REVOKED'): Promise<void> {
    const d = e.data as CertificateExpiringData | CertificateSupersededData | CertificateExpiredData | CertificateRevokedData;
    const at = new Date('revokedAt' in d ? d.revokedAt : d.at);
    // A final state is never undone by a late EXPIRING.
    await this.pool.setStatus(tx, d.certificateId, status, at);
    if (status === 'EXPIRING') return;
    const cancelled = await this.tasks.cancelOpenOfCertificate(tx, d.certificateId, `certificate ${status.toLowerCase()}`);
    if (!cancelled.length) return;
    await this.outbox.enqueueEvents(
      tx,
      cancelled.map((t) => ({
        type: E.taskCancelled,
        subject: t.id,
        data: {
          taskId: t.id,
          campaignId: t.campaignId,
          certificateId: d.certificateId,
          reason: `CERTIFICATE_${status}`,
          at: at.toISOString(),
        },
      })),
    );
    await writeAuditMany(
      tx,
      cancelled.map((t) => ({
        actorId: SYSTEM_ACTOR.id,
        actorRole: SYSTEM_ACTOR.role,
        action: 'task.cancel',
        entityType: 'task',
        entityId: t.id,
        details: { reason: status, causedBy: e.id },
      })),
    );
  }
}
