import { Inject, Injectable } from '@nestjs/common';
import { AppError, type Actor } from '@ocop/contracts';
import type { Tx } from '@ocop/persistence';
import type { TradePromotionConfig } from '../config/trade-promotion.config';
import { TRADE_PROMOTION_CONFIG } from '../trade-promotion.tokens';
import { applicationReadScope } from '../access/promotion-access.policy';
import { ApplicationsRepository, type ApplicationWithProducts } from './applications.repository';

/**
 * The application a caller may act on: an organiser any of its province's (its agency checked), an applicant one in its
 * own scope (a producer its own, an office its unit's producers'). 404 otherwise: existence is not revealed.
 */
@Injectable()
export class ApplicationAccess {
  constructor(
    private readonly applications: ApplicationsRepository,
    @Inject(TRADE_PROMOTION_CONFIG) private readonly config: TradePromotionConfig,
  ) {}

  async require(actor: Actor, applicationId: string, tx?: Tx): Promise<ApplicationWithProducts> {
    const app = await this.applications.get(applicationReadScope(actor, this.config), applicationId, tx);
    if (!app) throw AppError.notFound('APPLICATION_NOT_FOUND', 'no such application');
    return app;
  }
}
