import { Inject, Injectable } from '@nestjs/common';
import type { Actor, ApplicationView, ListApplicationsQuery as Query } from '@ocop/contracts';
import type { TradePromotionConfig } from '../config/trade-promotion.config';
import { TRADE_PROMOTION_CONFIG } from '../trade-promotion.tokens';
import { applicationReadScope } from '../access/promotion-access.policy';
import { ApplicationsRepository } from './applications.repository';
import { applicationView } from './application.view';

/** Applications in the reader's scope: an organiser its province's, an office its unit's producers', a producer its own. */
@Injectable()
export class ListApplicationsQuery {
  constructor(
    private readonly applications: ApplicationsRepository,
    @Inject(TRADE_PROMOTION_CONFIG) private readonly config: TradePromotionConfig,
  ) {}

  async execute(actor: Actor, q: Query): Promise<ApplicationView[]> {
    return (await this.applications.list(applicationReadScope(actor, this.config), q)).map(applicationView);
  }
}
