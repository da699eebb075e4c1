import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '@ocop/persistence';
import { Product } from './product.entity';

/** Products are read through their producer, whose scope check comes first. */
@Injectable()
export class ProductsRepository {
  constructor(private readonly ds: DataSource) {}

  find(id: string, tx?: Tx): Promise<Product | null> {
    return (tx ?? this.ds.manager).findOneBy(Product, { id });
  }

  listOfProducer(producerId: string): Promise<Product[]> {
    return this.ds.getRepository(Product).find({ where: { producerId }, order: { createdAt: 'ASC' } });
  }

  /**
   * Serialises work on one product inside the caller's transaction (filing a re-evaluation and opening its
   * invitation). FOR NO KEY UPDATE: inserts that only reference the product are not blocked. False when unknown.
   */
  async lock(tx: Tx, id: string): Promise<boolean> {
    const row = await tx
      .getRepository(Product)
      .createQueryBuilder('p')
      .select('p.id')
      .where('p.id = :id', { id })
      .setLock('for_no_key_update')
      .getOne();
    return row !== null;
  }

  async saveAttributes(tx: Tx, p: Product): Promise<void> {
    await tx.update(
      Product,
      { id: p.id },
      {
        processingLevel: p.processingLevel,
        gift: p.gift,
        export: p.export,
        communityTourism: p.communityTourism,
        greenValueChain: p.greenValueChain,
      },
    );
  }

  async insert(tx: Tx, p: Product): Promise<void> {
    await tx.insert(Product, p);
  }
}
