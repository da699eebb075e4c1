import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, type Actor, type RejectProductIdeaCommand } from '@ocop/contracts';
import { readScopeOf } from '@ocop/auth';
import { writeActorAudit } from '@ocop/persistence';
import type { ProductIdea } from './product-idea.entity';
import { ProductIdeasRepository } from './product-ideas.repository';
import { requireReason } from './product-idea.policy';

/**
 * The province's office does not pick a SENT idea of its province, with its reason for the producer. Again changes
 * nothing; a PICKED idea is 409 IDEA_DECIDED, one not in a sent list 409 IDEA_NOT_SENT. Audited.
 */
@Injectable()
export class RejectProductIdeaUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly ideas: ProductIdeasRepository,
  ) {}

  async execute(actor: Actor, c: RejectProductIdeaCommand, asOf: Date): Promise<ProductIdea> {
    const reason = requireReason(c.reason, 'when an idea is not picked');
    return this.ds.transaction(async (tx) => {
      const i = await this.ideas.getForUpdate(tx, readScopeOf(actor), c.ideaId);
      if (!i) throw AppError.notFound('IDEA_NOT_FOUND', 'no such product idea');
      if (i.status === 'NOT_PICKED') return i;
      if (i.status === 'PICKED') throw AppError.conflict('IDEA_DECIDED', 'the idea was picked for the programme');
      if (i.status !== 'SENT')
        throw AppError.conflict('IDEA_NOT_SENT', `the idea is ${i.status}: its district has not sent it to the province`);
      Object.assign(i, { status: 'NOT_PICKED' as const, decidedAt: asOf, decidedBy: actor.id, decisionReason: reason });
      const saved = await this.ideas.save(tx, i);
      await writeActorAudit(tx, actor, 'product-idea.reject', 'product_idea', i.id, { from: 'SENT', to: 'NOT_PICKED', reason });
      return saved;
    });
  }
}
