import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, type Actor, type SalesChannelView } from '@ocop/contracts';
import { writeAudit, type Tx } from '@ocop/persistence';
import type { TradePromotionConfig } from '../config/trade-promotion.config';
import { TRADE_PROMOTION_CONFIG } from '../trade-promotion.tokens';
import { applicationReadScope } from '../access/promotion-access.policy';
import type { SalesChannel } from './sales-channel.entity';
import { SalesChannelsRepository } from './sales-channels.repository';
import { salesChannelView } from './sales-channel.view';

/** A channel's change in the caller's scope: read and locked in its transaction, changed, audited. */
@Injectable()
export class SalesChannelWorkflow {
  constructor(
    private readonly ds: DataSource,
    private readonly channels: SalesChannelsRepository,
    @Inject(TRADE_PROMOTION_CONFIG) private readonly config: TradePromotionConfig,
  ) {}

  async change(actor: Actor, id: string, action: string, next: (c: SalesChannel) => Partial<SalesChannel>): Promise<SalesChannelView> {
    const scope = applicationReadScope(actor, this.config);
    const updated = await this.ds.transaction(async (tx: Tx) => {
      const ch = await this.channels.lock(scope, id, tx);
      if (!ch) throw AppError.notFound('CHANNEL_NOT_FOUND', 'no such sales channel');
      const changes = next(ch);
      await this.channels.update(tx, id, changes);
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action,
        entityType: 'sales_channel',
        entityId: id,
        details: changes,
      });
      return { ...ch, ...changes } as SalesChannel;
    });
    return salesChannelView(updated);
  }
}
