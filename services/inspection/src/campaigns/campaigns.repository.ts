import { Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import type { Tx } from '@ocop/persistence';
import { provinceInScope, type ProvinceScope } from '../province-scope.policy';
import { Task } from '../tasks/task.entity';
import { Campaign } from './campaign.entity';

/** A campaign with the number of its tasks. */
export type CampaignWithTaskCount = Campaign & { taskCount: number };

@Injectable()
export class CampaignsRepository {
  constructor(private readonly ds: DataSource) {}

  private withTaskCount(m: Tx): SelectQueryBuilder<Campaign> {
    return m
      .createQueryBuilder(Campaign, 'c')
      .addSelect((sub) => sub.select('CAST(count(*) AS int)').from(Task, 't').where('t.campaign_id = c.id'), 'task_count');
  }

  private async rowsWithTaskCount(q: SelectQueryBuilder<Campaign>): Promise<CampaignWithTaskCount[]> {
    const { entities, raw } = await q.getRawAndEntities<{ task_count: number }>();
    return entities.map((c, i) => Object.assign(c, { taskCount: raw[i]!.task_count }));
  }

  /**
   * Inserts the campaign unless one exists for the same recurrence and period, or the same origin reference
   * (their unique keys); whether it did.
   */
  async insertIfNew(tx: Tx, c: Campaign): Promise<boolean> {
    const r = await tx.createQueryBuilder().insert().into(Campaign).values(c).orIgnore().returning(['id']).execute();
    return (r.raw as unknown[]).length > 0;
  }

  /** The campaign, or null when unknown or outside the scope (callers answer 404 either way). */
  async get(scope: ProvinceScope, id: string): Promise<CampaignWithTaskCount | null> {
    const [c] = await this.rowsWithTaskCount(this.withTaskCount(this.ds.manager).where('c.id = :id', { id }));
    return c && provinceInScope(scope, c.provinceCode) ? c : null;
  }

  /** Same (without the count), locked for update inside the caller's transaction. */
  async getForUpdate(tx: Tx, scope: ProvinceScope, id: string): Promise<Campaign | null> {
    const c = await tx.createQueryBuilder(Campaign, 'c').where('c.id = :id', { id }).setLock('pessimistic_write').getOne();
    return c && provinceInScope(scope, c.provinceCode) ? c : null;
  }

  /** Newest period first. */
  async list(scope: ProvinceScope): Promise<CampaignWithTaskCount[]> {
    const q = this.withTaskCount(this.ds.manager).orderBy('c.periodFrom', 'DESC').addOrderBy('c.createdAt', 'DESC');
    if (scope.kind === 'province') q.where('c.province_code = :provinceCode', { provinceCode: scope.provinceCode });
    return this.rowsWithTaskCount(q);
  }

  /** The id of the recurrence's campaign for the period starting at `periodFrom` (a system read). */
  async idOfRecurrencePeriod(recurrenceId: string, periodFrom: Date): Promise<string | null> {
    const c = await this.ds.manager.findOne(Campaign, { select: { id: true }, where: { recurrenceId, periodFrom } });
    return c?.id ?? null;
  }

  async markOpen(tx: Tx, id: string, selectedAt: Date): Promise<void> {
    await tx.update(Campaign, { id }, { status: 'OPEN', selectedAt });
  }
}
