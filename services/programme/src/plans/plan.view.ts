import type { PlanView, TargetView } from '@ocop/contracts';
import type { Plan, PlanTarget } from './plan.entity';

export const targetView = (t: PlanTarget): TargetView => ({
  id: t.id,
  kind: t.kind,
  unitCode: t.unitCode,
  stars: t.stars,
  year: t.year,
  value: t.value,
  valueMax: t.valueMax,
  traditionalOnly: t.traditionalOnly,
  baseFromYear: t.baseFromYear,
  baseToYear: t.baseToYear,
});

export const planView = (p: Plan, targets: PlanTarget[]): PlanView => ({
  id: p.id,
  title: p.title,
  reference: p.reference,
  level: p.level,
  unitCode: p.unitCode,
  provinceCode: p.provinceCode,
  fromYear: p.fromYear,
  toYear: p.toYear,
  countingRule: p.countingRule,
  targets: targets.map(targetView),
  createdAt: p.createdAt.toISOString(),
});
