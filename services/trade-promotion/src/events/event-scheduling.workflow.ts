import { Injectable } from '@nestjs/common';
import { TradePromotionEvents as E, type Actor } from '@ocop/contracts';
import { EventOutbox } from '@ocop/messaging';
import { writeAuditMany, type Tx } from '@ocop/persistence';
import type { PromotionEvent } from './promotion-event.entity';
import { PromotionEventsRepository } from './promotion-events.repository';

/** New events, one or a series': stored with their audit records and `event-scheduled` events, in the caller's transaction. */
@Injectable()
export class EventSchedulingWorkflow {
  constructor(
    private readonly events: PromotionEventsRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async schedule(tx: Tx, actor: Actor, rows: PromotionEvent[]): Promise<void> {
    await this.events.insertEvents(tx, rows);
    await this.outbox.enqueueEvents(
      tx,
      rows.map((e) => ({
        type: E.eventScheduled,
        subject: e.id,
        data: {
          eventId: e.id,
          provinceCode: e.provinceCode,
          seriesId: e.seriesId,
          kind: e.kind,
          title: e.title,
          startsAt: e.startsAt.toISOString(),
          endsAt: e.endsAt.toISOString(),
          capacity: e.capacity,
        },
      })),
    );
    await writeAuditMany(
      tx,
      rows.map((e) => ({
        actorId: actor.id,
        actorRole: actor.role,
        action: 'promotion-event.create',
        entityType: 'promotion_event',
        entityId: e.id,
        details: { kind: e.kind, title: e.title, seriesId: e.seriesId, startsAt: e.startsAt.toISOString(), capacity: e.capacity },
      })),
    );
  }
}
