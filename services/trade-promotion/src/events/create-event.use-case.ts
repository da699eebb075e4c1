import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, CreatePromotionEventCommand, PromotionEventView } from '@ocop/contracts';
import type { TradePromotionConfig } from '../config/trade-promotion.config';
import { TRADE_PROMOTION_CONFIG } from '../trade-promotion.tokens';
import { organiserProvince } from '../access/promotion-access.policy';
import { PromotionEventsRepository } from './promotion-events.repository';
import { EventSchedulingWorkflow } from './event-scheduling.workflow';
import { checkEvent, newEventRow } from './promotion-event.policy';
import { promotionEventView } from './promotion-event.view';

/** An organiser plans one event (a fair, an OCOP week, a livestream session, ...). */
@Injectable()
export class CreateEventUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly events: PromotionEventsRepository,
    private readonly scheduling: EventSchedulingWorkflow,
    @Inject(TRADE_PROMOTION_CONFIG) private readonly config: TradePromotionConfig,
  ) {}

  async execute(actor: Actor, c: CreatePromotionEventCommand, asOf: Date): Promise<PromotionEventView> {
    const provinceCode = organiserProvince(actor, this.config);
    const dates = {
      startsAt: new Date(c.startsAt),
      endsAt: new Date(c.endsAt),
      applicationOpensAt: new Date(c.applicationOpensAt),
      applicationClosesAt: new Date(c.applicationClosesAt),
    };
    checkEvent(c, dates, asOf);
    const row = newEventRow(c, dates, actor, provinceCode, asOf);
    await this.ds.transaction((tx) => this.scheduling.schedule(tx, actor, [row]));
    return promotionEventView((await this.events.get(row.id))!);
  }
}
