import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  AppError,
  type Actor,
  type CreatePlanTaskCommand,
  type PlanTaskEvidenceCommand,
  type PlanTaskView,
  type UpdatePlanTaskCommand,
} from '@ocop/contracts';
import { vietnamDay } from '@ocop/domain';
import { writeActorAudit, type Tx } from '@ocop/persistence';
import { now } from '@ocop/observability';
import { PlansUseCases } from '../plans/plans.use-cases';
import { PlanTask, PlanTaskEvidence } from './plan-task.entity';
import { PlanTasksRepository } from './plan-tasks.repository';

/** The last day of a quarter (`2024-Q3` → `2024-09-30`). */
export function quarterEnd(quarter: string): string {
  const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  const lastMonth = q * 3;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return `${year}-${String(lastMonth).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`;
}

const OPEN = new Set(['NOT_STARTED', 'IN_PROGRESS']);

const view = (t: PlanTask, evidence: PlanTaskEvidence[], asOf: Date): PlanTaskView => ({
  id: t.id,
  planId: t.planId,
  title: t.title,
  leadUnit: t.leadUnit,
  coordinatingUnits: t.coordinatingUnits,
  deadlineDate: t.deadlineDate,
  deadlineQuarter: t.deadlineQuarter,
  dueOn: t.dueOn,
  status: t.status,
  note: t.note,
  overdue: OPEN.has(t.status) && vietnamDay(asOf) > t.dueOn,
  evidence: evidence
    .filter((e) => e.taskId === t.id)
    .map((e) => ({ text: e.text, reference: e.reference, at: e.at.toISOString(), by: e.recordedBy })),
});

const audit = (tx: Tx, actor: Actor, action: string, taskId: string, details: Record<string, unknown>) =>
  writeActorAudit(tx, actor, action, 'plan-task', taskId, details);

/**
 * A plan's tasks (issue 17): the standing office lists what is to be done, by whom and by when (a day or a quarter),
 * moves each through its statuses with a note, and records the evidence of what was done; a task open past its
 * deadline is overdue as of the request.
 */
@Injectable()
export class PlanTasksUseCases {
  constructor(
    private readonly ds: DataSource,
    private readonly plans: PlansUseCases,
    private readonly tasks: PlanTasksRepository,
  ) {}

  async create(actor: Actor, c: CreatePlanTaskCommand, asOf: Date): Promise<PlanTaskView> {
    const plan = await this.plans.managed(actor, c.planId);
    if ((c.deadlineDate === undefined) === (c.deadlineQuarter === undefined))
      throw AppError.validation('TASK_DEADLINE_REQUIRED', 'give the deadline as a day or as a quarter, one of them', 'deadlineDate');
    const dueOn = c.deadlineDate ?? quarterEnd(c.deadlineQuarter!);
    const year = Number(dueOn.slice(0, 4));
    if (year < plan.fromYear || year > plan.toYear)
      throw AppError.validation(
        'TASK_DEADLINE_OUTSIDE_PLAN',
        `${dueOn} is outside the plan's ${plan.fromYear}–${plan.toYear}`,
        c.deadlineDate ? 'deadlineDate' : 'deadlineQuarter',
      );
    const t = Object.assign(new PlanTask(), {
      id: randomUUID(),
      planId: plan.id,
      title: c.title,
      leadUnit: c.leadUnit,
      coordinatingUnits: c.coordinatingUnits ?? [],
      deadlineDate: c.deadlineDate ?? null,
      deadlineQuarter: c.deadlineQuarter ?? null,
      dueOn,
      status: 'NOT_STARTED',
      note: null,
      updatedAt: now(),
    });
    await this.ds.transaction(async (tx) => {
      await this.tasks.save(tx, t);
      await audit(tx, actor, 'plan-task.create', t.id, { planId: plan.id, title: t.title, dueOn });
    });
    return view(t, [], asOf);
  }

  async list(actor: Actor, planId: string, asOf: Date): Promise<PlanTaskView[]> {
    await this.plans.get(actor, planId); // 404 outside the reader's scope
    const tasks = await this.tasks.ofPlan(planId);
    const evidence = await this.tasks.evidenceOf(tasks.map((t) => t.id));
    return tasks.map((t) => view(t, evidence, asOf));
  }

  async update(actor: Actor, c: UpdatePlanTaskCommand, asOf: Date): Promise<PlanTaskView> {
    return this.change(actor, c.taskId, asOf, async (tx, t) => {
      if (!OPEN.has(t.status) && t.status !== c.status)
        throw AppError.conflict('TASK_CLOSED', `the task is ${t.status}: it does not change any more`);
      const from = t.status;
      Object.assign(t, { status: c.status, note: c.note ?? t.note, updatedAt: now() });
      await this.tasks.save(tx, t);
      await audit(tx, actor, 'plan-task.update', t.id, { from, to: c.status, note: c.note ?? null });
    });
  }

  async addEvidence(actor: Actor, c: PlanTaskEvidenceCommand, asOf: Date): Promise<PlanTaskView> {
    return this.change(actor, c.taskId, asOf, async (tx, t) => {
      const e = Object.assign(new PlanTaskEvidence(), {
        id: randomUUID(),
        taskId: t.id,
        text: c.text,
        reference: c.reference ?? null,
        at: now(),
        recordedBy: actor.id,
      });
      await this.tasks.addEvidence(tx, e);
      await audit(tx, actor, 'plan-task.evidence', t.id, { text: c.text, reference: e.reference });
    });
  }

  private change(actor: Actor, taskId: string, asOf: Date, apply: (tx: Tx, t: PlanTask) => Promise<void>): Promise<PlanTaskView> {
    return this.ds.transaction(async (tx) => {
      const t = await this.tasks.getForUpdate(tx, taskId);
      if (!t) throw AppError.notFound('TASK_NOT_FOUND', 'no such task');
      await this.plans.managed(actor, t.planId).catch((err: unknown) => {
        throw err instanceof AppError && err.code === 'PLAN_NOT_FOUND' ? AppError.notFound('TASK_NOT_FOUND', 'no such task') : err;
      });
      await apply(tx, t);
      return view(t, await this.tasks.evidenceOf([t.id], tx), asOf);
    });
  }
}
