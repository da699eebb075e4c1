import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, type Actor, type PickProductIdeaCommand } from '@ocop/contracts';
import { readScopeOf } from '@ocop/auth';
import { writeActorAudit } from '@ocop/persistence';
import { CreateProductUseCase } from '../products/create-product.use-case';
import { CreateDossierUseCase } from '../dossiers/create-dossier.use-case';
import type { ProductIdea } from './product-idea.entity';
import { ProductIdeasRepository } from './product-ideas.repository';

/**
 * The province's office picks a SENT idea of its province for the programme: in one transaction the idea becomes its
 * producer's product (`registration.product-registered.v1`) and a NEW dossier of it in DRAFT
 * (`registration.dossier-created.v1`), through the same use cases a producer's own product and dossier go, and the idea
 * is PICKED with both ids. Picking again changes nothing and answers the same product and dossier; a NOT_PICKED idea is
 * 409 IDEA_DECIDED, one not in a sent list 409 IDEA_NOT_SENT. Audited.
 */
@Injectable()
export class PickProductIdeaUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly ideas: ProductIdeasRepository,
    private readonly createProduct: CreateProductUseCase,
    private readonly createDossier: CreateDossierUseCase,
  ) {}

  async execute(actor: Actor, c: PickProductIdeaCommand, asOf: Date): Promise<ProductIdea> {
    return this.ds.transaction(async (tx) => {
      const i = await this.ideas.getForUpdate(tx, readScopeOf(actor), c.ideaId);
      if (!i) throw AppError.notFound('IDEA_NOT_FOUND', 'no such product idea');
      if (i.status === 'PICKED') return i;
      if (i.status === 'NOT_PICKED') throw AppError.conflict('IDEA_DECIDED', 'the idea was not picked for the programme');
      if (i.status !== 'SENT')
        throw AppError.conflict('IDEA_NOT_SENT', `the idea is ${i.status}: its district has not sent it to the province`);
      const product = await this.createProduct.execute(
        actor,
        { producerId: i.producerId, name: i.name, productSetCode: i.productSetCode, description: i.description ?? undefined },
        tx,
      );
      const dossier = await this.createDossier.execute(actor, { productId: product.id, kind: 'NEW' }, asOf, tx);
      Object.assign(i, {
        status: 'PICKED' as const,
        decidedAt: asOf,
        decidedBy: actor.id,
        decisionReason: null,
        pickedProductId: product.id,
        pickedDossierId: dossier.id,
      });
      const saved = await this.ideas.save(tx, i);
      await writeActorAudit(tx, actor, 'product-idea.pick', 'product_idea', i.id, {
        from: 'SENT',
        to: 'PICKED',
        productId: product.id,
        dossierId: dossier.id,
        dossierCode: dossier.code,
      });
      return saved;
    });
  }
}
