import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, TradePromotionEvents as E, type Actor, type SelectParticipantsCommand, type SelectionView } from '@ocop/contracts';
import { selectParticipants, vietnamDayStart, vietnamYear, type FairnessRule } from '@ocop/domain';
import { EventOutbox } from '@ocop/messaging';
import { writeAudit } from '@ocop/persistence';
import type { TradePromotionConfig } from '../config/trade-promotion.config';
import { TRADE_PROMOTION_CONFIG } from '../trade-promotion.tokens';
import { organiserProvince } from '../access/promotion-access.policy';
import { PromotionEventsRepository } from '../events/promotion-events.repository';
import { promotionEventView } from '../events/promotion-event.view';
import { ApplicationsRepository } from './applications.repository';
import { applicationView } from './application.view';

/**
 * Fills an event's slots from its applications once they have closed (libs/domain `selectParticipants`: fewest slots
 * this year first, then stars, then the seeded draw); the rest form the waiting list, in order. Run again with the same
 * seed, it answers the same selection; with another seed, it is refused: a selection is made once.
 */
@Injectable()
export class SelectParticipantsUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly events: PromotionEventsRepository,
    private readonly applications: ApplicationsRepository,
    private readonly outbox: EventOutbox,
    @Inject(TRADE_PROMOTION_CONFIG) private readonly config: TradePromotionConfig,
  ) {}

  async execute(actor: Actor, c: SelectParticipantsCommand, asOf: Date): Promise<SelectionView> {
    const provinceCode = organiserProvince(actor, this.config);
    await this.ds.transaction(async (tx) => {
      const event = await this.events.lock(tx, c.eventId);
      if (!event || event.provinceCode !== provinceCode) throw AppError.notFound('EVENT_NOT_FOUND', 'no such event');
      if (event.status === 'CANCELLED') throw AppError.conflict('EVENT_CANCELLED', 'the event is cancelled');
      if (event.status === 'SELECTED') {
        if (event.seed === c.seed) return; // the same request again: the same selection
        throw AppError.conflict('SELECTION_DONE', `participants were selected with seed ${event.seed}; a selection is made once`, 'seed');
      }
      if (asOf < event.applicationClosesAt)
        throw AppError.conflict(
          'APPLICATIONS_STILL_OPEN',
          `applications close at ${event.applicationClosesAt.toISOString()}; selection runs from then on`,
        );
      if (asOf >= event.startsAt) throw AppError.conflict('EVENT_STARTED', 'the event has begun');
      const applied = (await this.applications.ofEvent(tx, event.id)).filter((a) => a.status === 'APPLIED');
      const year = vietnamYear(event.startsAt);
      const slots = await this.applications.slotsThisYear(
        tx,
        event.provinceCode,
        applied.map((a) => a.producerId),
        vietnamDayStart(`${year}-01-01`),
        vietnamDayStart(`${year + 1}-01-01`),
        event.id,
      );
      const outcomes = selectParticipants(
        applied.map((a) => ({
          applicationId: a.id,
          producerId: a.producerId,
          slotsThisYear: slots.get(a.producerId) ?? 0,
          stars: Math.max(0, ...a.products.filter((p) => p.status === 'ACTIVE').map((p) => p.stars ?? 0)),
        })),
        event.capacity,
        { fairness: event.fairness as FairnessRule, seed: c.seed },
      );
      await this.applications.saveSelection(tx, outcomes, asOf);
      await this.events.markSelected(tx, event.id, c.seed, asOf);
      const selected = outcomes.filter((o) => o.status === 'SELECTED').map((o) => o.producerId);
      const waitlisted = outcomes.filter((o) => o.status === 'WAITLISTED').map((o) => o.producerId);
      await this.outbox.enqueueEvent(tx, E.participantsSelected, event.id, {
        eventId: event.id,
        provinceCode: event.provinceCode,
        seed: c.seed,
        selectedProducerIds: selected,
        waitlistedProducerIds: waitlisted,
        at: asOf.toISOString(),
      });
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'promotion-event.select',
        entityType: 'promotion_event',
        entityId: event.id,
        details: { seed: c.seed, fairness: event.fairness, capacity: event.capacity, selected, waitlisted },
      });
    });
    const event = (await this.events.get(c.eventId))!;
    const apps = await this.applications.list({ kind: 'all' }, { eventId: c.eventId, limit: 500 });
    return { event: promotionEventView(event), applications: apps.filter((a) => a.position !== null).map(applicationView) };
  }
}
