import { Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RunTradePromotionJobCommand, TradePromotionSubjects as S } from '@ocop/contracts';
import { Caller, Handles, RpcController, adminRunAsOf, type RpcContext } from '@ocop/messaging';
import { TRADE_PROMOTION_CONFIG } from '../trade-promotion.tokens';
import type { TradePromotionConfig } from '../config/trade-promotion.config';
import { TradePromotionJobs } from './trade-promotion.jobs';

/** An admin runs trade promotion's sweep now, as of an instant outside production. */
@RpcController()
export class JobsHandler {
  constructor(
    @Inject(TRADE_PROMOTION_CONFIG) private readonly config: TradePromotionConfig,
    private readonly jobs: TradePromotionJobs,
  ) {}

  @Handles(S.jobRun)
  async run(@Payload() c: RunTradePromotionJobCommand, @Caller() call: RpcContext) {
    const asOf = adminRunAsOf(c.asOf, call, this.config.mode);
    return { name: c.name, asOf: asOf.toISOString(), result: await this.jobs.runNow(c.name, asOf) };
  }
}
