import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, type Actor, type AssessProductIdeaCommand } from '@ocop/contracts';
import { readScopeOf } from '@ocop/auth';
import { writeActorAudit } from '@ocop/persistence';
import type { ProductIdea } from './product-idea.entity';
import { ProductIdeasRepository } from './product-ideas.repository';
import { ASSESSABLE, requireReason } from './product-idea.policy';

const notFound = () => AppError.notFound('IDEA_NOT_FOUND', 'no such product idea');

/**
 * The district officer of the idea's district marks it feasible or not (with its reason); it may change its mind until
 * the district's list of the year is sent (then 409 IDEA_LIST_SENT). The same mark again changes nothing. Audited.
 */
@Injectable()
export class AssessProductIdeaUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly ideas: ProductIdeasRepository,
  ) {}

  async execute(actor: Actor, c: AssessProductIdeaCommand, asOf: Date): Promise<ProductIdea> {
    const reason = c.feasible ? c.reason?.trim() || null : requireReason(c.reason, 'when an idea is not feasible');
    const scope = readScopeOf(actor);
    return this.ds.transaction(async (tx) => {
      const placed = await this.ideas.get(scope, c.ideaId, tx);
      if (!placed) throw notFound();
      await this.ideas.lockDistrictYear(tx, placed.districtCode, placed.year);
      const i = await this.ideas.getForUpdate(tx, scope, c.ideaId);
      if (!i) throw notFound();
      if (!ASSESSABLE.has(i.status) || (await this.ideas.sentList(tx, i.districtCode, i.year)))
        throw AppError.conflict('IDEA_LIST_SENT', `district ${i.districtCode} has sent its list of ${i.year}: the idea is ${i.status}`);
      const status = c.feasible ? ('FEASIBLE' as const) : ('NOT_FEASIBLE' as const);
      if (i.status === status && i.feasibilityReason === reason) return i;
      const from = i.status;
      Object.assign(i, { status, feasibilityReason: reason, assessedAt: asOf, assessedBy: actor.id });
      const saved = await this.ideas.save(tx, i);
      await writeActorAudit(tx, actor, 'product-idea.assess', 'product_idea', i.id, { from, to: status, reason });
      return saved;
    });
  }
}
