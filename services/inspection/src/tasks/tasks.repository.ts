import { Injectable } from '@nestjs/common';
import { DataSource, In, type SelectQueryBuilder } from 'typeorm';
import type { TaskView } from '@ocop/contracts';
import type { Tx } from '@ocop/persistence';
import { provinceInScope, type ProvinceScope } from '../province-scope.policy';
import { Task } from './task.entity';
import { Finding } from './finding.entity';
import { TaskEvidence } from './task-evidence.entity';
import { taskInScope, type TaskListScope, type TaskScope } from './task.policy';
import { taskView } from './task.view';

export interface TaskListFilter {
  campaignId?: string;
  certificateId?: string;
  status?: string;
  limit?: number;
  offset?: number;
}

/** A task with what working on it needs from its campaign. */
export interface WorkTask {
  id: string;
  status: string;
  assigneeUserId: string | null;
  campaignId: string;
  certificateId: string;
  checklist: string[];
  provinceCode: string;
}

/** One selected certificate, as the selection ranked it. */
export interface SelectedTask {
  certificateId: string;
  rank: number;
  score: number | null;
  reasons: string[];
  assigneeUserId: string | null;
}

@Injectable()
export class TasksRepository {
  constructor(private readonly ds: DataSource) {}

  private withCertificate(m: Tx): SelectQueryBuilder<Task> {
    return m.createQueryBuilder(Task, 't').innerJoinAndSelect('t.certificate', 'c');
  }

  /** One task per selected certificate, all due at `dueAt` (one insert, however many). */
  async insertSelected(tx: Tx, campaignId: string, dueAt: Date, selected: SelectedTask[]): Promise<void> {
    if (!selected.length) return;
    await tx.query(
      `INSERT INTO inspection.task (id, campaign_id, certificate_id, rank, risk_score, risk_reasons, assignee_user_id, due_at, status)
       SELECT gen_random_uuid(), $1, u.certificate_id, u.rank, u.score, ARRAY(SELECT jsonb_array_elements_text(u.reasons_json::jsonb)), u.assignee, $2, 'OPEN'
       FROM unnest($3::uuid[], $4::int[], $5::int[], $6::text[], $7::uuid[]) AS u(certificate_id, rank, score, reasons_json, assignee)`,
      [
        campaignId,
        dueAt,
        selected.map((s) => s.certificateId),
        selected.map((s) => s.rank),
        selected.map((s) => s.score),
        selected.map((s) => JSON.stringify(s.reasons)),
        selected.map((s) => s.assigneeUserId),
      ],
    );
  }

  /** The task as its reader sees it, or null when unknown or outside the scope (its certificate's province). */
  async view(scope: TaskScope, id: string): Promise<TaskView | null> {
    const t = await this.withCertificate(this.ds.manager).where('t.id = :id', { id }).getOne();
    return t && taskInScope(scope, { assigneeUserId: t.assigneeUserId, provinceCode: t.certificate!.provinceCode }) ? taskView(t) : null;
  }

  async list(scope: TaskListScope, f: TaskListFilter): Promise<TaskView[]> {
    const q = this.withCertificate(this.ds.manager)
      .orderBy('t.campaignId', 'ASC')
      .addOrderBy('t.rank', 'ASC')
      .limit(f.limit ?? 100)
      .offset(f.offset ?? 0);
    switch (scope.kind) {
      case 'assigned':
        q.andWhere('t.assignee_user_id = :userId', { userId: scope.userId });
        break;
      case 'province':
        q.andWhere('c.province_code = :provinceCode', { provinceCode: scope.provinceCode });
        break;
      case 'all':
        break;
    }
    if (f.campaignId) q.andWhere('t.campaign_id = :campaignId', { campaignId: f.campaignId });
    if (f.certificateId) q.andWhere('t.certificate_id = :certificateId', { certificateId: f.certificateId });
    if (f.status) q.andWhere('t.status = :status', { status: f.status });
    return (await q.getMany()).map(taskView);
  }

  /** The task, locked for update, with its campaign's checklist and province; null when unknown or outside the scope. */
  async getForWork(tx: Tx, scope: TaskScope, id: string): Promise<WorkTask | null> {
    const t = await tx
      .createQueryBuilder(Task, 't')
      .innerJoinAndSelect('t.campaign', 'c')
      .where('t.id = :id', { id })
      .setLock('pessimistic_write', undefined, ['t'])
      .getOne();
    if (!t) return null;
    const w: WorkTask = {
      id: t.id,
      status: t.status,
      assigneeUserId: t.assigneeUserId,
      campaignId: t.campaignId,
      certificateId: t.certificateId,
      checklist: t.campaign!.checklist,
      provinceCode: t.campaign!.provinceCode,
    };
    return taskInScope(scope, w) ? w : null;
  }

  /** The province of the task's campaign, if the task exists in the scope. */
  async campaignProvinceOf(scope: ProvinceScope, id: string): Promise<string | null> {
    const t = await this.ds.manager
      .createQueryBuilder(Task, 't')
      .innerJoinAndSelect('t.campaign', 'c')
      .where('t.id = :id', { id })
      .getOne();
    return t && provinceInScope(scope, t.campaign!.provinceCode) ? t.campaign!.provinceCode : null;
  }

  /** The certified product a task inspects (what a sample taken during it is of), in the scope of its certificate's province. */
  async certifiedProductOf(
    scope: ProvinceScope,
    id: string,
  ): Promise<{
    status: string;
    productId: string;
    productName: string;
    productSetCode: string;
    producerId: string;
    provinceCode: string;
  } | null> {
    const t = await this.withCertificate(this.ds.manager).where('t.id = :id', { id }).getOne();
    if (!t || !provinceInScope(scope, t.certificate!.provinceCode)) return null;
    const c = t.certificate!;
    return {
      status: t.status,
      productId: c.productId,
      productName: c.productName,
      productSetCode: c.productSetCode,
      producerId: c.producerId,
      provinceCode: c.provinceCode,
    };
  }

  /** Assigns the task if it is open and its campaign in the scope; whether it did. */
  async assignIfOpen(tx: Tx, scope: ProvinceScope, id: string, inspectorUserId: string): Promise<boolean> {
    const q = tx
      .createQueryBuilder()
      .update(Task)
      .set({ assigneeUserId: inspectorUserId })
      .where('id = :id', { id })
      .andWhere(`status = 'OPEN'`);
    if (scope.kind === 'province')
      q.andWhere('campaign_id IN (SELECT c.id FROM inspection.campaign c WHERE c.province_code = :provinceCode)', {
        provinceCode: scope.provinceCode,
      });
    return ((await q.execute()).affected ?? 0) > 0;
  }

  async markCompleted(tx: Tx, id: string, at: Date, by: string): Promise<void> {
    await tx.update(Task, { id }, { status: 'COMPLETED', completedAt: at, completedBy: by });
  }

  /** Cancels the certificate's open tasks (it left the pool); the ones cancelled. */
  async cancelOpenOfCertificate(tx: Tx, certificateId: string, reason: string): Promise<{ id: string; campaignId: string }[]> {
    const r = await tx
      .createQueryBuilder()
      .update(Task)
      .set({ status: 'CANCELLED', cancelledReason: reason })
      .where(`certificate_id = :certificateId AND status = 'OPEN'`, { certificateId })
      .returning(['id', 'campaignId']) // property paths; the rows carry column names
      .execute();
    return (r.raw as { id: string; campaign_id: string }[]).map((t) => ({ id: t.id, campaignId: t.campaign_id }));
  }

  async insertEvidence(tx: Tx, e: TaskEvidence): Promise<void> {
    await tx.insert(TaskEvidence, e);
  }

  /** Which of these storage keys were uploaded for the task. */
  async evidenceKeysOf(tx: Tx, taskId: string, keys: string[]): Promise<string[]> {
    const rows = await tx.find(TaskEvidence, { select: { storageKey: true }, where: { taskId, storageKey: In(keys) } });
    return rows.map((r) => r.storageKey);
  }

  async insertFinding(tx: Tx, f: Finding): Promise<void> {
    await tx.insert(Finding, f);
  }
}
