import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AppError,
  RegistrationSubjects,
  SHOWCASE_CATEGORIES,
  SYSTEM_ACTOR,
  type Actor,
  type ProducerView,
  type SalesPointView,
  type ShelveProductCommand,
} from '@ocop/contracts';
import { RpcClient } from '@ocop/messaging';
import { writeAudit } from '@ocop/persistence';
import { ProductEligibility } from '../products/product-eligibility.policy';
import { ShelfItem } from './shelf-item.entity';
import { ShelfKeeper } from './shelf-keeper.policy';
import { ShelvesRepository } from './shelves.repository';
import { salesPointView } from './sales-point.view';

/**
 * The operator (or an organiser) puts a product of the province on the point's shelf, or back on it: only an eligible
 * product (ProductEligibility: OCOP with a valid 3★–5★ certificate, or another category 950/QĐ-BCT allows, labelled).
 */
@Injectable()
export class ShelveProductUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly keeper: ShelfKeeper,
    private readonly shelves: ShelvesRepository,
    private readonly eligibility: ProductEligibility,
    private readonly rpc: RpcClient,
  ) {}

  async execute(actor: Actor, c: ShelveProductCommand, asOf: Date): Promise<SalesPointView> {
    const point = await this.keeper.require(actor, c.salesPointId);
    // The operator carries the province's products, whoever reads them: a system read of the register.
    const producer = await this.rpc.request<ProducerView>(RegistrationSubjects.producerGet, { id: c.producerId }, { actor: SYSTEM_ACTOR });
    if (producer.provinceCode !== point.provinceCode)
      throw AppError.rule('PRODUCER_OF_ANOTHER_PROVINCE', "a point carries its province's products", 'producerId');
    const [shown] = await this.eligibility.resolve(SYSTEM_ACTOR, c.producerId, [c], SHOWCASE_CATEGORIES, asOf, (_i, key) => key);
    await this.ds.transaction(async (tx) => {
      const existing = await this.shelves.get(tx, point.id, c.productId);
      if (existing?.status === 'ACTIVE') throw AppError.conflict('ALREADY_ON_SHELF', 'the product is on this shelf already', 'productId');
      await this.shelves.upsert(
        tx,
        Object.assign(new ShelfItem(), {
          ...shown!,
          salesPointId: point.id,
          producerId: producer.id,
          producerName: producer.name,
          status: 'ACTIVE',
          withdrawnReason: null,
          withdrawnAt: null,
          shelvedBy: actor.username,
          shelvedAt: asOf,
        }),
      );
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'shelf-item.add',
        entityType: 'sales_point',
        entityId: point.id,
        details: { productId: c.productId, category: shown!.category, certificateId: shown!.certificateId },
      });
    });
    return salesPointView(point, (await this.shelves.ofPoints([point.id])).get(point.id)!);
  }
}
