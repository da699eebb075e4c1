import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, RegistrationEvents, type Actor, type CreateProductCommand, type ProductRegisteredData } from '@ocop/contracts';
import { EventOutbox } from '@ocop/messaging';
import { writeAudit, type Tx } from '@ocop/persistence';
import { currentContext, now } from '@ocop/observability';
import { NO_PRODUCT_ATTRIBUTES, Product } from './product.entity';
import { ProductsRepository } from './products.repository';
import { ProducersRepository } from '../producers/producers.repository';
import { readScopeOf } from '@ocop/auth';
import { requireProductSet } from './product-set.policy';

/** Registers a product of a producer in the caller's scope; audited and announced (`registration.product-registered.v1`). */
@Injectable()
export class CreateProductUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly producers: ProducersRepository,
    private readonly products: ProductsRepository,
    private readonly outbox: EventOutbox,
  ) {}

  /** Runs in its own transaction, or in `outer` (a picked product idea: the product, its dossier and the idea commit together). */
  async execute(actor: Actor, cmd: CreateProductCommand, outer?: Tx): Promise<Product> {
    requireProductSet(cmd.productSetCode);
    const run = async (tx: Tx): Promise<Product> => {
      const producer = await this.producers.get(readScopeOf(actor), cmd.producerId, tx);
      if (!producer) throw AppError.notFound('PRODUCER_NOT_FOUND', 'no such producer');
      const p = Object.assign(new Product(), {
        id: randomUUID(),
        producerId: producer.id,
        name: cmd.name.trim(),
        productSetCode: cmd.productSetCode,
        description: cmd.description ?? null,
        ...NO_PRODUCT_ATTRIBUTES,
        createdAt: now(),
      });
      await this.products.insert(tx, p);
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'product.register',
        entityType: 'product',
        entityId: p.id,
        details: { name: p.name, productSetCode: p.productSetCode, producerId: p.producerId },
        correlationId: currentContext()?.correlationId,
      });
      const data: ProductRegisteredData = { productId: p.id, producerId: p.producerId, name: p.name, productSetCode: p.productSetCode };
      await this.outbox.enqueueEvent(tx, RegistrationEvents.productRegistered, p.id, data);
      return p;
    };
    return outer ? run(outer) : this.ds.transaction(run);
  }
}
