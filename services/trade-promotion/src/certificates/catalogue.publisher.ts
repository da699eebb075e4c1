import { Injectable } from '@nestjs/common';
import { TradePromotionEvents as E, type CertificateEventData } from '@ocop/contracts';
import { EventOutbox } from '@ocop/messaging';
import type { Tx } from '@ocop/persistence';

/**
 * Says, in the consumer's transaction, that a certificate joined or left the public catalogue: the gateway drops its
 * cached catalogue pages when it hears it, after the change is committed here (a certification event alone could
 * reach the gateway before this service applied it).
 */
@Injectable()
export class CataloguePublisher {
  constructor(private readonly outbox: EventOutbox) {}

  async changed(tx: Tx, d: CertificateEventData, change: 'LISTED' | 'DELISTED', at: Date): Promise<void> {
    await this.outbox.enqueueEvent(tx, E.catalogueChanged, d.certificateId, {
      certificateId: d.certificateId,
      productId: d.productId,
      provinceCode: d.provinceCode,
      change,
      at: at.toISOString(),
    });
  }
}
