import { Injectable } from '@nestjs/common';
import { TradePromotionEvents as E, type Actor } from '@ocop/contracts';
import { EventOutbox } from '@ocop/messaging';
import { writeAuditMany, type AuditEntry, type Tx } from '@ocop/persistence';
import { HOLDS_SLOT } from '../events/promotion-events.repository';
import type { PromotionEvent } from '../events/promotion-event.entity';
import type { Application } from './application.entity';
import { ApplicationsRepository } from './applications.repository';

export type WithdrawalCause = 'PRODUCER' | 'ORGANISER' | 'CERTIFICATE_REVOKED' | 'CERTIFICATE_EXPIRED';

/**
 * A participant leaves an event (it withdrew, its organiser took it off, or its last product lost its certificate): the
 * application is withdrawn and, when it held a slot of a selected event, the first on the waiting list takes it. One
 * `application-withdrawn` event and the audit records, in the caller's transaction (the event row locked by it).
 */
@Injectable()
export class ParticipationWorkflow {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async withdraw(
    tx: Tx,
    actor: Actor,
    event: PromotionEvent,
    app: Application,
    cause: WithdrawalCause,
    reason: string,
    at: Date,
  ): Promise<{ movedUpApplicationId: string | null }> {
    const heldSlot = HOLDS_SLOT.includes(app.status);
    await this.applications.update(tx, app.id, { status: 'WITHDRAWN', withdrawnAt: at, withdrawnReason: reason, withdrawnCause: cause });
    const audit: AuditEntry[] = [
      {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'application.withdraw',
        entityType: 'application',
        entityId: app.id,
        details: { cause, reason, previousStatus: app.status },
      },
    ];
    const next = heldSlot && event.status === 'SELECTED' ? await this.applications.firstWaitlisted(tx, event.id) : null;
    if (next) {
      await this.applications.update(tx, next.id, {
        status: 'SELECTED',
        decidedAt: at,
        reasons: [
          ...next.reasons,
          { code: 'MOVED_UP', detailVi: `Được bổ sung từ danh sách chờ thay chủ thể ${app.producerName} rút khỏi sự kiện` },
        ],
      });
      audit.push({
        actorId: actor.id,
        actorRole: actor.role,
        action: 'application.move-up',
        entityType: 'application',
        entityId: next.id,
        details: { replaces: app.id, position: next.position },
      });
    }
    await this.outbox.enqueueEvent(tx, E.applicationWithdrawn, app.id, {
      eventId: event.id,
      provinceCode: event.provinceCode,
      applicationId: app.id,
      producerId: app.producerId,
      cause,
      movedUpApplicationId: next?.id ?? null,
      at: at.toISOString(),
    });
    await writeAuditMany(tx, audit);
    return { movedUpApplicationId: next?.id ?? null };
  }
}
