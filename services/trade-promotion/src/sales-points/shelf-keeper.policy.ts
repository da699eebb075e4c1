import { Inject, Injectable } from '@nestjs/common';
import { AppError, type Actor } from '@ocop/contracts';
import { eventReadable, isOrganiser, organiserProvince } from '../access/promotion-access.policy';
import type { TradePromotionConfig } from '../config/trade-promotion.config';
import { TRADE_PROMOTION_CONFIG } from '../trade-promotion.tokens';
import type { Tx } from '@ocop/persistence';
import type { SalesPoint } from './sales-point.entity';
import { SalesPointsRepository } from './sales-points.repository';

/**
 * Who keeps a point's shelf: its province's organisers, and the user named its operator. Anyone else of the province
 * is refused (403); a point of another province is not found (404).
 */
@Injectable()
export class ShelfKeeper {
  constructor(
    private readonly points: SalesPointsRepository,
    @Inject(TRADE_PROMOTION_CONFIG) private readonly config: TradePromotionConfig,
  ) {}

  async require(actor: Actor, salesPointId: string, tx?: Tx): Promise<SalesPoint> {
    const point = await this.points.get(salesPointId, tx);
    if (!point || !eventReadable(actor, point)) throw AppError.notFound('SALES_POINT_NOT_FOUND', 'no such sales point');
    if (actor.id === point.operatorUserId) return point;
    if (!isOrganiser(actor, this.config))
      throw AppError.forbidden('NOT_THE_OPERATOR', "only the point's operator or an organiser keeps its shelf");
    if (organiserProvince(actor, this.config) !== point.provinceCode)
      throw AppError.notFound('SALES_POINT_NOT_FOUND', 'no such sales point');
    return point;
  }
}
