import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CertificationEvents as E, SYSTEM_ACTOR } from '@ocop/contracts';
import { vietnamNumericDate } from '@ocop/documents';
import { EventOutbox } from '@ocop/messaging';
import { writeAudit } from '@ocop/persistence';
import { CertificatesRepository } from '../certificates/certificates.repository';
import { NotificationOutbox } from '../notifications/notification.outbox';
import { RevocationsRepository } from './revocations.repository';
import { followUpData } from './revocation-follow-up.mapper';

/**
 * Follow-ups due at `asOf` (one revocation, or all): the reminder and the escalation, each at most once,
 * because each is a conditional update of its own column.
 */
@Injectable()
export class RunRevocationFollowUpsUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly outbox: EventOutbox,
    private readonly notifications: NotificationOutbox,
    private readonly certificates: CertificatesRepository,
    private readonly revocations: RevocationsRepository,
  ) {}

  async execute(asOf: Date, revocationId?: string): Promise<{ reminders: number; escalations: number }> {
    return this.ds.transaction(async (tx) => {
      const reminded = await this.revocations.markRemindersSent(tx, asOf, revocationId);
      const escalated = await this.revocations.escalateOverdue(tx, asOf, revocationId);
      for (const [rows, step] of [
        [reminded, 'reminder'],
        [escalated, 'escalation'],
      ] as const) {
        for (const { id } of rows) {
          const r = await this.revocations.lockForSystem(tx, id);
          const c = await this.certificates.lockForSystem(tx, r.certificateId);
          await this.outbox.enqueueEvent(
            tx,
            step === 'reminder' ? E.revocationReminderSent : E.revocationEscalated,
            c.id,
            followUpData(c, r, step, asOf),
          );
          await writeAudit(tx, {
            actorId: SYSTEM_ACTOR.id,
            actorRole: SYSTEM_ACTOR.role,
            action: `revocation.${step}`,
            entityType: 'revocation',
            entityId: id,
          });
          if (step === 'reminder') {
            await this.notifications.queue(
              tx,
              [
                {
                  producerId: c.producerId,
                  template: 'revocation-reminder',
                  certificateId: c.id,
                  dossierId: c.dossierId,
                  dedupKey: `revocation-reminder:${id}`,
                  subject: `Nhắc nộp lại Giấy chứng nhận OCOP số ${c.number}`,
                  body: `Hạn nộp lại Giấy chứng nhận OCOP số ${c.number} và gỡ bỏ biểu trưng OCOP trên bao bì là ngày ${vietnamNumericDate(r.returnDeadline as Date)}.`,
                },
              ],
              asOf,
            );
          }
        }
      }
      return { reminders: reminded.length, escalations: escalated.length };
    });
  }
}
