import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { serviceJobQueue, type JobQueue } from '@ocop/jobs';
import { SERVICE_LOGGER } from '@ocop/service-kit';
import { TRADE_PROMOTION_CONFIG } from '../trade-promotion.tokens';
import type { TradePromotionConfig } from '../config/trade-promotion.config';

/** Trade promotion's BullMQ queue, one per process (TradePromotionJobs runs its worker). */
@Injectable()
export class TradePromotionQueue implements OnApplicationShutdown {
  readonly queue: JobQueue;

  constructor(@Inject(TRADE_PROMOTION_CONFIG) config: TradePromotionConfig, @Inject(SERVICE_LOGGER) logger: Logger) {
    this.queue = serviceJobQueue('trade-promotion', config, logger);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
