import { Injectable } from '@nestjs/common';
import { AppError, type Actor, type ListPromotionEventsQuery, type PromotionEventView } from '@ocop/contracts';
import { spansAllProvinces } from '@ocop/auth';
import { eventReadable } from '../access/promotion-access.policy';
import { PromotionEventsRepository } from './promotion-events.repository';
import { promotionEventView } from './promotion-event.view';

/** The events of the reader's province (a national admin: every province's), soonest first; one event. */
@Injectable()
export class PromotionEventsQueries {
  constructor(private readonly events: PromotionEventsRepository) {}

  async list(actor: Actor, q: ListPromotionEventsQuery): Promise<PromotionEventView[]> {
    const province = spansAllProvinces(actor) ? null : actor.scope.provinceCode;
    return (await this.events.list(province, q)).map(promotionEventView);
  }

  async get(actor: Actor, eventId: string): Promise<PromotionEventView> {
    const e = await this.events.get(eventId);
    if (!e || !eventReadable(actor, e)) throw AppError.notFound('EVENT_NOT_FOUND', 'no such event');
    return promotionEventView(e);
  }
}
