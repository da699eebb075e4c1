import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  AppError,
  Role,
  type Actor,
  type AssignExpertCommand,
  type EvaluationPlanView,
  type ListEvaluationPlansQuery,
  type SetEvaluationPlanCommand,
} from '@ocop/contracts';
import { spansAllProvinces } from '@ocop/auth';
import { writeActorAudit } from '@ocop/persistence';
import { now } from '@ocop/observability';
import { DistrictEvaluationPlan, ExpertAssignment } from './evaluation-plan.entity';
import { EvaluationPlansRepository } from './evaluation-plans.repository';

const notFound = () => AppError.notFound('EVALUATION_PLAN_NOT_FOUND', 'no such evaluation plan');

function view(p: DistrictEvaluationPlan, assignments: ExpertAssignment[]): EvaluationPlanView {
  const staffing = p.sessions.flatMap((s) =>
    s.experts.map((x) => {
      const assigned = assignments
        .filter((a) => a.planId === p.id && a.month === s.month && a.agencyCode === x.agencyCode)
        .map((a) => a.fullName);
      return { month: s.month, agencyCode: x.agencyCode, needed: x.experts, assigned, missing: Math.max(0, x.experts - assigned.length) };
    }),
  );
  return {
    id: p.id,
    provinceCode: p.provinceCode,
    districtCode: p.districtCode,
    year: p.year,
    sessions: p.sessions,
    expectedDossiers: p.sessions.reduce((n, s) => n + s.expectedDossiers, 0),
    staffing,
    missingExperts: staffing.reduce((n, s) => n + s.missing, 0),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/**
 * Districts' evaluation plans (issue 18; Thanh Hóa): each district office sends the province its planned sessions for the
 * year, the dossiers it expects and the experts it needs from each department; departments' officers assign their
 * staff; the province's office sees every plan with its staffing gaps.
 */
@Injectable()
export class EvaluationPlansUseCases {
  constructor(
    private readonly ds: DataSource,
    private readonly plans: EvaluationPlansRepository,
  ) {}

  /** A district officer sets its district's plan of the year (a month once; again: it replaces the plan, keeping assignments). */
  async set(actor: Actor, c: SetEvaluationPlanCommand): Promise<EvaluationPlanView> {
    const districtCode = actor.scope.districtCode;
    if (!districtCode) throw AppError.forbidden('SCOPE_MISSING', 'this district officer has no district');
    const months = new Set<number>();
    c.sessions.forEach((s, i) => {
      if (months.has(s.month)) throw AppError.validation('PLAN_MONTH_TWICE', `month ${s.month} is planned twice`, `sessions.${i}.month`);
      months.add(s.month);
      const agencies = new Set<string>();
      s.experts.forEach((x, j) => {
        if (agencies.has(x.agencyCode))
          throw AppError.validation('PLAN_AGENCY_TWICE', `${x.agencyCode} is asked twice`, `sessions.${i}.experts.${j}.agencyCode`);
        agencies.add(x.agencyCode);
      });
    });
    return this.ds.transaction(async (tx) => {
      await this.plans.lockKey(tx, districtCode, c.year);
      const existing = await this.plans.lockOf(tx, districtCode, c.year);
      const plan = Object.assign(existing ?? new DistrictEvaluationPlan(), {
        id: existing?.id ?? randomUUID(),
        provinceCode: actor.scope.provinceCode,
        districtCode,
        year: c.year,
        sessions: [...c.sessions]
          .sort((a, b) => a.month - b.month)
          .map((s) => ({
            month: s.month,
            expectedDossiers: s.expectedDossiers,
            experts: s.experts.map((x) => ({ agencyCode: x.agencyCode, experts: x.experts })),
          })),
        updatedAt: now(),
        updatedBy: actor.id,
      });
      await this.plans.save(tx, plan);
      await writeActorAudit(
        tx,
        actor,
        existing ? 'evaluation-plan.update' : 'evaluation-plan.submit',
        'district_evaluation_plan',
        plan.id,
        {
          year: c.year,
          sessions: plan.sessions.length,
        },
      );
      return view(plan, await this.plans.assignmentsOf([plan.id], tx));
    });
  }

  /** The plans: the province's office and departments all of the province's, a district officer its own. */
  async list(actor: Actor, q: ListEvaluationPlansQuery): Promise<EvaluationPlanView[]> {
    if (spansAllProvinces(actor))
      throw AppError.forbidden('SCOPE_FORBIDDEN', 'evaluation plans are a province’s: use an account of the province');
    const district = actor.role === Role.DISTRICT_OFFICER ? (actor.scope.districtCode ?? '-') : undefined;
    const rows = await this.plans.plans(actor.scope.provinceCode, district, q.year);
    const assignments = await this.plans.assignmentsOf(rows.map((p) => p.id));
    return rows.map((p) => view(p, assignments));
  }

  /** A department's officer assigns one of its experts to a district's planned session that asks for its experts. */
  async assign(actor: Actor, c: AssignExpertCommand): Promise<EvaluationPlanView> {
    const agencyCode = actor.scope.agencyCode;
    if (!agencyCode) throw AppError.forbidden('SCOPE_MISSING', 'this agency officer has no agency');
    return this.ds.transaction(async (tx) => {
      const plan = await this.plans.plan(c.planId, tx);
      if (!plan || plan.provinceCode !== actor.scope.provinceCode) throw notFound();
      await this.plans.lockKey(tx, plan.districtCode, plan.year);
      const asked = plan.sessions.find((s) => s.month === c.month)?.experts.find((x) => x.agencyCode === agencyCode);
      if (!asked) throw AppError.rule('EXPERTS_NOT_ASKED', `the district asks no expert of ${agencyCode} for month ${c.month}`, 'month');
      const assigned = (await this.plans.assignmentsOf([plan.id], tx)).filter((a) => a.month === c.month && a.agencyCode === agencyCode);
      if (!assigned.some((a) => a.fullName === c.fullName) && assigned.length >= asked.experts)
        throw AppError.conflict(
          'EXPERTS_ENOUGH',
          `the ${asked.experts} expert(s) asked of ${agencyCode} for month ${c.month} are assigned`,
        );
      const a = Object.assign(new ExpertAssignment(), {
        id: randomUUID(),
        planId: plan.id,
        month: c.month,
        agencyCode,
        fullName: c.fullName,
        userId: c.userId ?? null,
        assignedAt: now(),
        assignedBy: actor.id,
      });
      if (await this.plans.assign(tx, a))
        await writeActorAudit(tx, actor, 'evaluation-plan.assign', 'district_evaluation_plan', plan.id, {
          month: c.month,
          agencyCode,
          fullName: c.fullName,
        });
      return view(plan, await this.plans.assignmentsOf([plan.id], tx));
    });
  }
}
