import { Inject, Injectable } from '@nestjs/common';
import type { Actor, ListMessagesQuery as Query, MessageView } from '@ocop/contracts';
import type { TradePromotionConfig } from '../config/trade-promotion.config';
import { TRADE_PROMOTION_CONFIG } from '../trade-promotion.tokens';
import { organiserProvince } from '../access/promotion-access.policy';
import { MessagesRepository } from './messages.repository';

/** An organiser's own messages, newest first. */
@Injectable()
export class ListMessagesQuery {
  constructor(
    private readonly messages: MessagesRepository,
    @Inject(TRADE_PROMOTION_CONFIG) private readonly config: TradePromotionConfig,
  ) {}

  async execute(actor: Actor, q: Query): Promise<MessageView[]> {
    organiserProvince(actor, this.config);
    return (await this.messages.listFor(actor.id, q)).map((m) => ({
      id: m.id,
      recipientUserId: m.recipientUserId,
      template: m.template,
      subjectVi: m.subjectVi,
      bodyVi: m.bodyVi,
      eventId: m.promotionEventId,
      createdAt: m.createdAt.toISOString(),
    }));
  }
}
