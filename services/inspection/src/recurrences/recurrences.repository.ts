import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '@ocop/persistence';
import type { ProvinceScope } from '../province-scope.policy';
import { CampaignRecurrence } from './campaign-recurrence.entity';

@Injectable()
export class RecurrencesRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(tx: Tx, r: Omit<CampaignRecurrence, 'active'>): Promise<void> {
    await tx.insert(CampaignRecurrence, r);
  }

  async delete(tx: Tx, id: string): Promise<void> {
    await tx.delete(CampaignRecurrence, { id });
  }

  /** The scope's recurrences, oldest first. */
  list(scope: ProvinceScope): Promise<CampaignRecurrence[]> {
    return this.ds.manager.find(CampaignRecurrence, {
      where: scope.kind === 'province' ? { provinceCode: scope.provinceCode } : {},
      order: { createdAt: 'ASC' },
    });
  }

  /** A recurrence, for its scheduler's run (a system read). */
  getForSystem(id: string): Promise<CampaignRecurrence | null> {
    return this.ds.manager.findOneBy(CampaignRecurrence, { id });
  }

  /** Every active recurrence, wherever it was created, for the schedulers (a system read). */
  activeForSystem(): Promise<{ id: string; cron: string }[]> {
    return this.ds.manager.find(CampaignRecurrence, { select: { id: true, cron: true }, where: { active: true } });
  }
}
