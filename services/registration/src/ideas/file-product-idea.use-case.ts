import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, type Actor, type FileProductIdeaCommand } from '@ocop/contracts';
import { readScopeOf } from '@ocop/auth';
import { writeActorAudit } from '@ocop/persistence';
import { ProducersRepository } from '../producers/producers.repository';
import { requireProductSet } from '../products/product-set.policy';
import { ProductIdea } from './product-idea.entity';
import { ProductIdeasRepository } from './product-ideas.repository';
import { requireIdeaYear } from './product-idea.policy';

/**
 * A producer files its product idea for a programme year (the registration form), or its commune or district does it
 * for one of its producers; the idea sits with the producer's district until the district's list of that year is sent
 * (then 409 IDEA_LIST_SENT). Audited.
 */
@Injectable()
export class FileProductIdeaUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly producers: ProducersRepository,
    private readonly ideas: ProductIdeasRepository,
  ) {}

  async execute(actor: Actor, c: FileProductIdeaCommand, asOf: Date): Promise<ProductIdea> {
    requireIdeaYear(c.year, asOf);
    requireProductSet(c.productSetCode);
    return this.ds.transaction(async (tx) => {
      const producer = await this.producers.get(readScopeOf(actor), c.producerId, tx);
      if (!producer) throw AppError.notFound('PRODUCER_NOT_FOUND', 'no such producer', 'producerId');
      const districtCode = producer.districtCode;
      if (!districtCode)
        throw AppError.rule(
          'IDEA_NO_DISTRICT',
          `commune ${producer.communeCode} has no district office to collect its ideas`,
          'producerId',
        );
      await this.ideas.lockDistrictYear(tx, districtCode, c.year);
      if (await this.ideas.sentList(tx, districtCode, c.year))
        throw AppError.conflict('IDEA_LIST_SENT', `district ${districtCode} has sent its list of ${c.year} to the province`, 'year');
      const i = Object.assign(new ProductIdea(), {
        id: randomUUID(),
        provinceCode: producer.provinceCode,
        districtCode,
        communeCode: producer.communeCode,
        producerId: producer.id,
        year: c.year,
        name: c.name.trim(),
        productSetCode: c.productSetCode,
        description: c.description?.trim() || null,
        rawMaterials: c.rawMaterials.trim(),
        expectedMarket: c.expectedMarket.trim(),
        status: 'SUBMITTED' as const,
        feasibilityReason: null,
        assessedAt: null,
        assessedBy: null,
        listId: null,
        sentAt: null,
        decidedAt: null,
        decidedBy: null,
        decisionReason: null,
        pickedProductId: null,
        pickedDossierId: null,
        createdBy: actor.id,
        createdAt: asOf,
        updatedAt: asOf,
      });
      await this.ideas.insert(tx, i);
      await writeActorAudit(tx, actor, 'product-idea.file', 'product_idea', i.id, {
        producerId: i.producerId,
        year: i.year,
        name: i.name,
        productSetCode: i.productSetCode,
      });
      return i;
    });
  }
}
