import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, TradePromotionEvents, type Actor, type SalesChannelView } from '@ocop/contracts';
import { EventOutbox } from '@ocop/messaging';
import { writeAudit, type Tx } from '@ocop/persistence';
import { now } from '@ocop/observability';
import type { TradePromotionConfig } from '../config/trade-promotion.config';
import { TRADE_PROMOTION_CONFIG } from '../trade-promotion.tokens';
import { applicationReadScope } from '../access/promotion-access.policy';
import type { SalesChannel } from './sales-channel.entity';
import { SalesChannelsRepository } from './sales-channels.repository';
import { salesChannelView } from './sales-channel.view';

/** A channel as it now stands, on the bus (`trade-promotion.sales-channel-changed.v1`), in its change's transaction. */
export async function announceChannel(outbox: EventOutbox, tx: Tx, c: SalesChannel, at: Date): Promise<void> {
  await outbox.enqueueEvent(tx, TradePromotionEvents.salesChannelChanged, c.id, {
    channelId: c.id,
    producerId: c.producerId,
    provinceCode: c.provinceCode,
    districtCode: c.districtCode,
    kind: c.kind,
    status: c.status,
    since: c.since,
    endedOn: c.endedOn,
    at: at.toISOString(),
  });
}

/** A channel's change in the caller's scope: read and locked in its transaction, changed, audited. */
@Injectable()
export class SalesChannelWorkflow {
  constructor(
    private readonly ds: DataSource,
    private readonly channels: SalesChannelsRepository,
    @Inject(TRADE_PROMOTION_CONFIG) private readonly config: TradePromotionConfig,
    private readonly outbox: EventOutbox,
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
      const changed = { ...ch, ...changes } as SalesChannel;
      await announceChannel(this.outbox, tx, changed, now());
      return changed;
    });
    return salesChannelView(updated);
  }
}
