import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, RegistrationEvents, type Actor, type SetProductAttributesCommand } from '@ocop/contracts';
import { readScopeOf } from '@ocop/auth';
import { EventOutbox } from '@ocop/messaging';
import { writeActorAudit } from '@ocop/persistence';
import { now } from '@ocop/observability';
import { ProducersRepository } from '../producers/producers.repository';
import type { Product } from './product.entity';
import { ProductsRepository } from './products.repository';

/**
 * Sets a product's priority categories (issue 17): its processing level, gift, export, community tourism, green value
 * chain — by its producer, the commune or district of its producer, or the office; audited and announced
 * (`registration.product-attributes-set.v1`) so the programme counts its shares.
 */
@Injectable()
export class SetProductAttributesUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly producers: ProducersRepository,
    private readonly products: ProductsRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async execute(actor: Actor, c: SetProductAttributesCommand): Promise<Product> {
    return this.ds.transaction(async (tx) => {
      const p = await this.products.find(c.productId, tx);
      const producer = p && (await this.producers.get(readScopeOf(actor), p.producerId, tx));
      if (!p || !producer) throw AppError.notFound('PRODUCT_NOT_FOUND', 'no such product');
      await this.products.lock(tx, p.id);
      Object.assign(p, {
        processingLevel: c.processingLevel ?? null,
        gift: c.gift,
        export: c.export,
        communityTourism: c.communityTourism,
        greenValueChain: c.greenValueChain,
      });
      await this.products.saveAttributes(tx, p);
      await writeActorAudit(tx, actor, 'product.attributes', 'product', p.id, {
        processingLevel: p.processingLevel,
        gift: p.gift,
        export: p.export,
        communityTourism: p.communityTourism,
        greenValueChain: p.greenValueChain,
      });
      await this.outbox.enqueueEvent(tx, RegistrationEvents.productAttributesSet, p.id, {
        productId: p.id,
        producerId: p.producerId,
        provinceCode: producer.provinceCode,
        processingLevel: p.processingLevel,
        gift: p.gift,
        export: p.export,
        communityTourism: p.communityTourism,
        greenValueChain: p.greenValueChain,
        at: now().toISOString(),
      });
      return p;
    });
  }
}
