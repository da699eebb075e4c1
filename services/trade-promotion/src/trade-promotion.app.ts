import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { EventPublisher } from '@ocop/messaging';
import { createServiceApp } from '@ocop/service-kit';
import type { TradePromotionConfig } from './config/trade-promotion.config';
import { TRADE_PROMOTION_DATABASE } from './database/trade-promotion.database';
import { TRADE_PROMOTION_CONFIG } from './trade-promotion.tokens';
import { TRADE_PROMOTION_PROVIDERS } from './trade-promotion.providers';
import { CertificatesConsumer } from './certificates/certificates.consumer';
import { EventsHandler } from './events/events.handler';
import { ApplicationsHandler } from './applications/applications.handler';

export interface TradePromotionAppOptions {
  publisher?: EventPublisher;
}

/** Builds the trade-promotion process: events and their series, applications and selection, the certificate replica. */
export function createTradePromotionApp(config: TradePromotionConfig, o: TradePromotionAppOptions = {}): Promise<NestFastifyApplication> {
  return createServiceApp({
    name: 'trade-promotion',
    database: TRADE_PROMOTION_DATABASE,
    config,
    publisher: o.publisher,
    providers: [{ provide: TRADE_PROMOTION_CONFIG, useValue: config }, ...TRADE_PROMOTION_PROVIDERS],
    controllers: [CertificatesConsumer, EventsHandler, ApplicationsHandler],
  });
}
