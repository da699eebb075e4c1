import { Inject, Injectable } from '@nestjs/common';
import type { Actor, ListSalesChannelsQuery, SalesChannelSummaryView, SalesChannelView } from '@ocop/contracts';
import { vietnamDay } from '@ocop/domain';
import type { TradePromotionConfig } from '../config/trade-promotion.config';
import { TRADE_PROMOTION_CONFIG } from '../trade-promotion.tokens';
import { applicationReadScope, organiserProvince } from '../access/promotion-access.policy';
import { SalesChannelsRepository } from './sales-channels.repository';
import { salesChannelView } from './sales-channel.view';

/** Channels in the reader's scope; the province's figures for the channel targets. */
@Injectable()
export class SalesChannelsQueries {
  constructor(
    private readonly channels: SalesChannelsRepository,
    @Inject(TRADE_PROMOTION_CONFIG) private readonly config: TradePromotionConfig,
  ) {}

  async list(actor: Actor, q: ListSalesChannelsQuery): Promise<SalesChannelView[]> {
    return (await this.channels.list(applicationReadScope(actor, this.config), q)).map(salesChannelView);
  }

  async summary(actor: Actor, asOf: Date): Promise<SalesChannelSummaryView> {
    const provinceCode = organiserProvince(actor, this.config);
    const s = await this.channels.summary(provinceCode, asOf, vietnamDay(asOf));
    return {
      provinceCode,
      asOf: asOf.toISOString(),
      ocopProducers: s.ocop,
      modernRetail: s.modernRetail,
      ecommerce: s.ecommerce,
      export: s.export,
      modernRetailOrEcommerce: s.either,
      modernRetailOrEcommerceShare: s.ocop ? (Math.round((s.either * 10_000) / s.ocop) / 100).toFixed(2) : '0.00',
    };
  }
}
