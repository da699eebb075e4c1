import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RpcClient, UserDirectory, type EventPublisher } from '@ocop/messaging';
import { createServiceApp } from '@ocop/service-kit';
import type { TradePromotionConfig } from './config/trade-promotion.config';
import { TRADE_PROMOTION_DATABASE } from './database/trade-promotion.database';
import { TRADE_PROMOTION_CONFIG } from './trade-promotion.tokens';
import { TRADE_PROMOTION_PROVIDERS } from './trade-promotion.providers';
import { CertificatesConsumer } from './certificates/certificates.consumer';
import { EventsHandler } from './events/events.handler';
import { ApplicationsHandler } from './applications/applications.handler';
import { SalesPointsHandler } from './sales-points/sales-points.handler';
import { SalesChannelsHandler } from './sales-channels/sales-channels.handler';
import { JobsHandler } from './jobs/jobs.handler';
import { TradePromotionQueue } from './jobs/trade-promotion.queue';
import { TradePromotionJobs } from './jobs/trade-promotion.jobs';

export interface TradePromotionAppOptions {
  publisher?: EventPublisher;
}

/** Builds the trade-promotion process: events and their series, applications and selection, sales points, the certificate replica. */
export function createTradePromotionApp(config: TradePromotionConfig, o: TradePromotionAppOptions = {}): Promise<NestFastifyApplication> {
  return createServiceApp({
    name: 'trade-promotion',
    database: TRADE_PROMOTION_DATABASE,
    config,
    publisher: o.publisher,
    providers: [
      { provide: TRADE_PROMOTION_CONFIG, useValue: config },
      { provide: UserDirectory, inject: [RpcClient], useFactory: (rpc: RpcClient) => new UserDirectory(rpc) },
      TradePromotionQueue,
      ...TRADE_PROMOTION_PROVIDERS,
      TradePromotionJobs,
    ],
    controllers: [CertificatesConsumer, EventsHandler, ApplicationsHandler, SalesPointsHandler, SalesChannelsHandler, JobsHandler],
    async bootstrap(ref) {
      await ref.get(TradePromotionJobs).start();
    },
  });
}
