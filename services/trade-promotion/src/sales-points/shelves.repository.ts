import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { Tx } from '@ocop/persistence';
import { carryOverCertificate } from '../products/shown-product.columns';
import { ShelfItem } from './shelf-item.entity';
import { SalesPoint } from './sales-point.entity';

@Injectable()
export class ShelvesRepository {
  constructor(private readonly ds: DataSource) {}

  /** The shelves of these points, by point id, by product name. */
  async ofPoints(ids: string[], tx?: Tx): Promise<Map<string, ShelfItem[]>> {
    const out = new Map<string, ShelfItem[]>(ids.map((id) => [id, []]));
    if (!ids.length) return out;
    const items = await (tx ?? this.ds.manager).find(ShelfItem, { where: { salesPointId: In(ids) }, order: { productName: 'ASC' } });
    for (const i of items) out.get(i.salesPointId)!.push(i);
    return out;
  }

  /** The sales points where these products are on the shelf now (a public read). */
  async pointsOf(productIds: string[]): Promise<{ productId: string; id: string; name: string; address: string }[]> {
    if (!productIds.length) return [];
    return this.ds.manager
      .createQueryBuilder(ShelfItem, 'i')
      .innerJoin(SalesPoint, 'p', 'p.id = i.sales_point_id')
      .select(['i.product_id AS "productId"', 'p.id AS "id"', 'p.name AS "name"', 'p.address AS "address"'])
      .where(`i.product_id IN (:...productIds) AND i.status = 'ACTIVE'`, { productIds })
      .orderBy('p.name', 'ASC')
      .getRawMany();
  }

  get(tx: Tx, salesPointId: string, productId: string): Promise<ShelfItem | null> {
    return tx.findOne(ShelfItem, { where: { salesPointId, productId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Puts a product on the shelf, or back on it after it left. */
  async upsert(tx: Tx, item: ShelfItem): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(ShelfItem)
      .values(item)
      .orUpdate(
        [
          'producer_id',
          'producer_name',
          'product_name',
          'category',
          'certificate_id',
          'certificate_code',
          'stars',
          'status',
          'withdrawn_reason',
          'withdrawn_at',
          'shelved_by',
          'shelved_at',
        ],
        ['sales_point_id', 'product_id'],
      )
      .execute();
  }

  async withdraw(tx: Tx, salesPointId: string, productId: string, reason: string, at: Date): Promise<void> {
    await tx.update(ShelfItem, { salesPointId, productId }, { status: 'WITHDRAWN', withdrawnReason: reason, withdrawnAt: at });
  }

  /** The certificate's products on shelves, locked (its end takes them off). */
  activeOfCertificate(tx: Tx, certificateId: string): Promise<ShelfItem[]> {
    return tx.find(ShelfItem, { where: { certificateId, status: 'ACTIVE' }, lock: { mode: 'pessimistic_write' } });
  }

  /** A re-evaluated or upgraded product stays where it is shown, with the new certificate and stars. */
  carryOverCertificate(tx: Tx, oldCertificateId: string, next: { certificateId: string; code: string; stars: number }): Promise<void> {
    return carryOverCertificate(tx, ShelfItem, oldCertificateId, next);
  }
}
