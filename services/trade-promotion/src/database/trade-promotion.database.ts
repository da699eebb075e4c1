import { InitialTradePromotion1797000000000 } from './migrations/1797000000000-InitialTradePromotion';
import { SalesPoints1797100000000 } from './migrations/1797100000000-SalesPoints';
import { ChannelsAndResults1797200000000 } from './migrations/1797200000000-ChannelsAndResults';
import { CertificateRecord } from '../certificates/certificate.entity';
import { EventSeries } from '../events/event-series.entity';
import { PromotionEvent } from '../events/promotion-event.entity';
import { Application } from '../applications/application.entity';
import { ApplicationProduct } from '../applications/application-product.entity';
import { Message } from '../messages/message.entity';
import { SalesPoint } from '../sales-points/sales-point.entity';
import { ShelfItem } from '../sales-points/shelf-item.entity';
import { SalesPointReminder } from '../sales-points/sales-point-reminder.entity';
import { SalesChannel } from '../sales-channels/sales-channel.entity';
import { ParticipationResult } from '../results/participation-result.entity';

/** The trade_promotion schema's tables, one entity each (they match the migrations: test/entities-match-migrations.medium-spec.ts). */
export const TRADE_PROMOTION_ENTITIES = [
  CertificateRecord,
  EventSeries,
  PromotionEvent,
  Application,
  ApplicationProduct,
  Message,
  SalesPoint,
  ShelfItem,
  SalesPointReminder,
  SalesChannel,
  ParticipationResult,
];

/** The trade_promotion schema: the certificate replica, events, applications, messages, sales points and their shelves. */
export const TRADE_PROMOTION_DATABASE = {
  schema: 'trade_promotion',
  entities: TRADE_PROMOTION_ENTITIES,
  migrations: [InitialTradePromotion1797000000000, SalesPoints1797100000000, ChannelsAndResults1797200000000],
};
