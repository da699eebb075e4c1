import { InitialTradePromotion1797000000000 } from './migrations/1797000000000-InitialTradePromotion';
import { CertificateRecord } from '../certificates/certificate.entity';
import { EventSeries } from '../events/event-series.entity';
import { PromotionEvent } from '../events/promotion-event.entity';
import { Application } from '../applications/application.entity';
import { ApplicationProduct } from '../applications/application-product.entity';
import { Message } from '../messages/message.entity';

/** The trade_promotion schema's tables, one entity each (they match the migrations: test/entities-match-migrations.medium-spec.ts). */
export const TRADE_PROMOTION_ENTITIES = [CertificateRecord, EventSeries, PromotionEvent, Application, ApplicationProduct, Message];

/** The trade_promotion schema: the certificate replica, events, applications, messages. */
export const TRADE_PROMOTION_DATABASE = {
  schema: 'trade_promotion',
  entities: TRADE_PROMOTION_ENTITIES,
  migrations: [InitialTradePromotion1797000000000],
};
