import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, type Actor, type SendProductIdeaListCommand } from '@ocop/contracts';
import { writeActorAudit, writeAuditMany } from '@ocop/persistence';
import { currentContext } from '@ocop/observability';
import type { ProductIdea } from './product-idea.entity';
import { ProductIdeaList } from './product-idea-list.entity';
import { ProductIdeasRepository } from './product-ideas.repository';

/**
 * A district officer sends its district's list of the year to the province: every FEASIBLE idea becomes SENT, in one
 * transaction. Every idea must be assessed first (409 IDEAS_NOT_ASSESSED, naming them): once sent, the list is closed
 * and an idea left out could never reach the province. Once per district and year (409 IDEA_LIST_ALREADY_SENT); a
 * list with no feasible idea is not sent (422 IDEA_LIST_EMPTY). Audited (the list and each idea).
 */
@Injectable()
export class SendProductIdeaListUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly ideas: ProductIdeasRepository,
  ) {}

  async execute(actor: Actor, c: SendProductIdeaListCommand, asOf: Date): Promise<{ list: ProductIdeaList; ideas: ProductIdea[] }> {
    const districtCode = actor.scope.districtCode;
    if (!districtCode) throw AppError.forbidden('SCOPE_MISSING', 'this district officer has no district');
    const provinceCode = actor.scope.provinceCode;
    return this.ds.transaction(async (tx) => {
      await this.ideas.lockDistrictYear(tx, districtCode, c.year);
      if (await this.ideas.sentList(tx, districtCode, c.year))
        throw AppError.conflict('IDEA_LIST_ALREADY_SENT', `district ${districtCode} has sent its list of ${c.year} already`, 'year');
      const all = await this.ideas.ofDistrictYearForUpdate(tx, provinceCode, districtCode, c.year);
      const waiting = all.filter((i) => i.status === 'SUBMITTED');
      if (waiting.length)
        throw AppError.conflict(
          'IDEAS_NOT_ASSESSED',
          `mark every idea feasible or not before sending the list; not assessed: ${waiting.map((i) => i.id).join(', ')}`,
        );
      const feasible = all.filter((i) => i.status === 'FEASIBLE');
      if (!feasible.length)
        throw AppError.rule('IDEA_LIST_EMPTY', `district ${districtCode} has no feasible idea for ${c.year} to send`, 'year');
      const list = Object.assign(new ProductIdeaList(), {
        id: randomUUID(),
        provinceCode,
        districtCode,
        year: c.year,
        sentAt: asOf,
        sentBy: actor.id,
      });
      await this.ideas.insertList(tx, list);
      const sent: ProductIdea[] = [];
      for (const i of feasible)
        sent.push(await this.ideas.save(tx, Object.assign(i, { status: 'SENT' as const, listId: list.id, sentAt: asOf })));
      await writeActorAudit(tx, actor, 'product-idea-list.send', 'product_idea_list', list.id, {
        districtCode,
        year: c.year,
        ideaIds: sent.map((i) => i.id),
      });
      const correlationId = currentContext()?.correlationId;
      await writeAuditMany(
        tx,
        sent.map((i) => ({
          actorId: actor.id,
          actorRole: actor.role,
          action: 'product-idea.send',
          entityType: 'product_idea',
          entityId: i.id,
          details: { listId: list.id, from: 'FEASIBLE', to: 'SENT' },
          correlationId,
        })),
      );
      return { list, ideas: sent };
    });
  }
}
