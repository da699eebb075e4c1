import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, type Actor, type SalesPointView, type UnshelveProductCommand } from '@ocop/contracts';
import { writeAudit } from '@ocop/persistence';
import { ShelfKeeper } from './shelf-keeper.policy';
import { ShelvesRepository } from './shelves.repository';
import { salesPointView } from './sales-point.view';

/** The operator (or an organiser) takes a product off the point's shelf. */
@Injectable()
export class UnshelveProductUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly keeper: ShelfKeeper,
    private readonly shelves: ShelvesRepository,
  ) {}

  async execute(actor: Actor, c: UnshelveProductCommand, asOf: Date): Promise<SalesPointView> {
    const point = await this.keeper.require(actor, c.salesPointId);
    await this.ds.transaction(async (tx) => {
      const existing = await this.shelves.get(tx, point.id, c.productId);
      if (existing?.status !== 'ACTIVE') throw AppError.notFound('SHELF_ITEM_NOT_FOUND', 'the product is not on this shelf', 'productId');
      await this.shelves.withdraw(tx, point.id, c.productId, 'REMOVED', asOf);
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'shelf-item.remove',
        entityType: 'sales_point',
        entityId: point.id,
        details: { productId: c.productId },
      });
    });
    return salesPointView(point, (await this.shelves.ofPoints([point.id])).get(point.id)!);
  }
}
