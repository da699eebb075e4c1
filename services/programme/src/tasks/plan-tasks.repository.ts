import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { Tx } from '@ocop/persistence';
import { PlanTask, PlanTaskEvidence } from './plan-task.entity';

@Injectable()
export class PlanTasksRepository {
  constructor(private readonly ds: DataSource) {}

  save(tx: Tx, t: PlanTask): Promise<PlanTask> {
    return tx.save(PlanTask, t);
  }

  getForUpdate(tx: Tx, id: string): Promise<PlanTask | null> {
    return tx.getRepository(PlanTask).createQueryBuilder('t').where('t.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  ofPlan(planId: string): Promise<PlanTask[]> {
    return this.ds.getRepository(PlanTask).find({ where: { planId }, order: { dueOn: 'ASC', id: 'ASC' } });
  }

  async addEvidence(tx: Tx, e: PlanTaskEvidence): Promise<void> {
    await tx.insert(PlanTaskEvidence, e);
  }

  evidenceOf(taskIds: string[], tx?: Tx): Promise<PlanTaskEvidence[]> {
    if (!taskIds.length) return Promise.resolve([]);
    return (tx ?? this.ds.manager).find(PlanTaskEvidence, { where: { taskId: In(taskIds) }, order: { at: 'ASC', id: 'ASC' } });
  }
}
