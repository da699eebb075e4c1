import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  AppError,
  CERTIFICATE_TARGET_KINDS,
  DEFAULT_PAGE,
  Role,
  type Actor,
  type AddTargetsCommand,
  type CreatePlanCommand,
  type ImportTargetsCommand,
  type ListPlansQuery,
  type PlanProgressView,
  type PlanRollupView,
  type PlanView,
  type ReportTargetFigures,
  type TargetInput,
  type TargetProgressView,
  type TrainingProgressView,
  TrainingSubjects,
} from '@ocop/contracts';
import { UnitLevel, formalUnitName, parseUnitName, vietnamDay, vietnamYearSpan } from '@ocop/domain';
import { coversProvince, spansAllProvinces } from '@ocop/auth';
import { writeActorAudit, type Tx } from '@ocop/persistence';
import { now } from '@ocop/observability';
import { CertificatesRepository, type CertificateCount } from '../certificates/certificates.repository';
import { Plan, PlanTarget } from './plan.entity';
import { PlansRepository } from './plans.repository';
import { RpcClient } from '@ocop/messaging';
import { PlanUnits } from './plan-units';
import { CraftVillagesRepository } from '../villages/craft-villages.repository';
import { FactsRepository } from '../facts/facts.repository';
import { planView, targetView } from './plan.view';

/** Targets that are a percent of something (their value at most 100). */
const SHARE_KINDS: readonly string[] = [
  'CRAFT_VILLAGE_SHARE',
  'GREEN_VALUE_CHAIN_SHARE',
  'RETAINED_SHARE',
  'MODERN_RETAIL_SHARE',
  'OFFICIALS_TRAINED_SHARE',
];

const notFound = () => AppError.notFound('PLAN_NOT_FOUND', 'no such plan');

/** Whether the actor reads the plan: its province's office and admin, a national admin, a district officer of its province. */
const reads = (actor: Actor, p: Plan): boolean => coversProvince(actor, p.provinceCode);
/**
 * Whether the actor changes it: the standing office of its province, an admin of it; a district officer its own
 * district's plan (the district's plan that rolls up into the province's).
 */
const manages = (actor: Actor, p: Pick<Plan, 'provinceCode' | 'level' | 'unitCode'>): boolean =>
  actor.role === Role.DISTRICT_OFFICER
    ? p.level === 'DISTRICT' && p.unitCode === actor.scope.districtCode && actor.scope.provinceCode === p.provinceCode
    : coversProvince(actor, p.provinceCode);

const audit = (tx: Tx, actor: Actor, action: string, planId: string, details: Record<string, unknown>) =>
  writeActorAudit(tx, actor, action, 'plan', planId, details);

/**
 * The programme's plans (issue 17, first step): the standing office records a plan with its legal reference and
 * period, and its targets of certified products per unit, star level and year — one by one, or the district table of a
 * provincial plan imported from its CSV; progress is counted live from the certificates.
 */
@Injectable()
export class PlansUseCases {
  constructor(
    private readonly ds: DataSource,
    private readonly plans: PlansRepository,
    private readonly certificates: CertificatesRepository,
    private readonly units: PlanUnits,
    private readonly villages: CraftVillagesRepository,
    private readonly facts: FactsRepository,
    private readonly rpc: RpcClient,
  ) {}

  async create(actor: Actor, c: CreatePlanCommand): Promise<PlanView> {
    if (c.toYear < c.fromYear) throw AppError.validation('PLAN_PERIOD_INVALID', 'toYear is before fromYear', 'toYear');
    const unit = await this.units.unit(actor, c.level, c.unitCode, 'unitCode');
    if (!manages(actor, { provinceCode: unit.provinceCode, level: c.level, unitCode: c.unitCode }))
      throw AppError.forbidden('SCOPE_FORBIDDEN', `${actor.username} may not keep the plans of ${unit.name}`);
    const plan = Object.assign(new Plan(), {
      id: randomUUID(),
      title: c.title,
      reference: c.reference,
      level: c.level,
      unitCode: c.unitCode,
      provinceCode: unit.provinceCode,
      fromYear: c.fromYear,
      toYear: c.toYear,
      countingRule: c.countingRule,
      createdBy: actor.id,
      createdAt: now(),
    });
    await this.ds.transaction(async (tx) => {
      await this.plans.insert(tx, plan);
      await audit(tx, actor, 'plan.create', plan.id, {
        title: c.title,
        reference: c.reference,
        unitCode: c.unitCode,
        fromYear: c.fromYear,
        toYear: c.toYear,
      });
    });
    return planView(plan, []);
  }

  async addTargets(actor: Actor, c: AddTargetsCommand): Promise<PlanView> {
    const plan = await this.managed(actor, c.planId);
    const districts = new Set((await this.units.districtsOf(actor, plan.provinceCode)).map((u) => u.code));
    c.targets.forEach((t, i) => this.checkTarget(plan, t, districts, `targets.${i}`));
    return this.setTargets(actor, plan, c.targets, 'plan.targets.set');
  }

  /** The district table of a provincial plan (no,district,target_3_star,target_4_star,target_5_star,target_total): three targets a row. */
  async importTargets(actor: Actor, c: ImportTargetsCommand): Promise<PlanView> {
    const plan = await this.managed(actor, c.planId);
    if (plan.level !== 'PROVINCE') throw AppError.rule('PLAN_NOT_PROVINCIAL', 'district tables are imported into a provincial plan');
    if (c.year < plan.fromYear || c.year > plan.toYear)
      throw AppError.validation('TARGET_YEAR_OUTSIDE_PLAN', `${c.year} is outside the plan's ${plan.fromYear}–${plan.toYear}`, 'year');
    const byName = new Map((await this.units.districtsOf(actor, plan.provinceCode)).map((u) => [u.name, u.code]));
    const lines = c.csv.replace(/\r\n?/g, '\n').trim().split('\n');
    if (lines[0]?.replace(/\s/g, '') !== 'no,district,target_3_star,target_4_star,target_5_star,target_total')
      throw AppError.validation(
        'CSV_HEADER_INVALID',
        'the first line must be no,district,target_3_star,target_4_star,target_5_star,target_total',
        'csv',
      );
    const targets: TargetInput[] = [];
    for (const [i, line] of lines.slice(1).entries()) {
      const cells = line.split(',').map((x) => x.trim());
      const where = `csv line ${i + 2}`;
      const [, name, ...numbers] = cells;
      if (cells.length !== 6 || !name || numbers.some((n) => !/^\d{1,5}$/.test(n)))
        throw AppError.validation('CSV_ROW_INVALID', `${where}: six cells, the last four whole numbers`, 'csv');
      const [t3, t4, t5, total] = numbers.map(Number) as [number, number, number, number];
      if (t3 + t4 + t5 !== total) throw AppError.validation('CSV_TOTAL_MISMATCH', `${where}: ${t3} + ${t4} + ${t5} is not ${total}`, 'csv');
      const code = byName.get(formalUnitName(parseUnitName(UnitLevel.DISTRICT, name)));
      if (!code) throw AppError.validation('CSV_DISTRICT_UNKNOWN', `${where}: no district ${name} in province ${plan.provinceCode}`, 'csv');
      for (const [stars, value] of [
        [3, t3],
        [4, t4],
        [5, t5],
      ] as const)
        targets.push({ kind: 'CERTIFIED_PRODUCTS', unitCode: code, stars, year: c.year, value });
    }
    if (!targets.length) throw AppError.validation('CSV_EMPTY', 'the table has no district', 'csv');
    return this.setTargets(actor, plan, targets, 'plan.targets.import');
  }

  async list(actor: Actor, q: ListPlansQuery): Promise<PlanView[]> {
    const plans = await this.plans.list(
      spansAllProvinces(actor) ? undefined : actor.scope.provinceCode,
      q.year,
      q.limit ?? DEFAULT_PAGE.limit,
      q.offset ?? DEFAULT_PAGE.offset,
    );
    const out: PlanView[] = [];
    for (const p of plans) out.push(planView(p, this.visible(actor, await this.plans.targetsOf(p.id))));
    return out;
  }

  async get(actor: Actor, planId: string): Promise<PlanView> {
    const p = await this.plans.get(planId);
    if (!p || !reads(actor, p)) throw notFound();
    return planView(p, this.visible(actor, await this.plans.targetsOf(p.id)));
  }

  /** Each target with what the certificates achieved, as of `asOf` (a district officer: its district's targets). */
  async progress(actor: Actor, planId: string, asOf: Date): Promise<PlanProgressView> {
    const p = await this.plans.get(planId);
    if (!p || !reads(actor, p)) throw notFound();
    return {
      planId: p.id,
      asOf: asOf.toISOString(),
      targets: await this.achieved(actor, p, this.visible(actor, await this.plans.targetsOf(p.id)), asOf),
    };
  }

  /**
   * How the districts' own plans roll up into a provincial plan: for each district, kind, star level and year, the
   * provincial plan's target beside the sum of the district's plans' targets (plans of that district whose period
   * includes the year), and what was achieved by the provincial plan's rule; `short` when the districts set less than
   * the province asks. A district officer sees its district's rows.
   */
  async rollup(actor: Actor, planId: string, asOf: Date): Promise<PlanRollupView> {
    const p = await this.plans.get(planId);
    if (!p || !reads(actor, p)) throw notFound();
    if (p.level !== 'PROVINCE') throw AppError.rule('PLAN_NOT_PROVINCIAL', 'district plans roll up into a provincial plan');
    const key = (t: Pick<PlanTarget, 'unitCode' | 'kind' | 'stars' | 'year'>) => `${t.unitCode}|${t.kind}|${t.stars ?? '*'}|${t.year}`;
    const rows = new Map<string, { target: PlanTarget; provinceValue: number | null; districtValue: number | null; plans: string[] }>();
    for (const t of (await this.plans.targetsOf(p.id)).filter((x) => x.unitCode !== p.provinceCode))
      rows.set(key(t), { target: t, provinceValue: t.value, districtValue: null, plans: [] });
    for (const d of (await this.plans.ofPeriod(p.provinceCode, p.fromYear, p.toYear)).filter((x) => x.level === 'DISTRICT'))
      for (const t of (await this.plans.targetsOf(d.id)).filter((x) => x.year >= p.fromYear && x.year <= p.toYear)) {
        const row = rows.get(key(t)) ?? { target: t, provinceValue: null, districtValue: null, plans: [] };
        row.districtValue = (row.districtValue ?? 0) + t.value;
        if (!row.plans.includes(d.id)) row.plans.push(d.id);
        rows.set(key(t), row);
      }
    const visible = [...rows.values()].filter(
      (r) => actor.role !== Role.DISTRICT_OFFICER || r.target.unitCode === actor.scope.districtCode,
    );
    visible.sort((a, b) => key(a.target).localeCompare(key(b.target)));
    const achieved = await this.achieved(
      actor,
      p,
      visible.map((r) => r.target),
      asOf,
    );
    return {
      planId: p.id,
      asOf: asOf.toISOString(),
      rows: visible.map((r, i) => ({
        unitCode: r.target.unitCode,
        kind: r.target.kind,
        stars: r.target.stars,
        year: r.target.year,
        provinceValue: r.provinceValue,
        districtValue: r.districtValue,
        districtPlanIds: r.plans,
        achieved: achieved[i]!.achieved,
        short: r.provinceValue !== null && (r.districtValue ?? 0) < r.provinceValue,
      })),
    };
  }

  /**
   * The targets a report on a unit speaks of, with what was achieved as of `asOf`: of the province's plans whose period
   * includes a year of [fromYear, toYear], the targets of those years — a district's own, or (the province) every
   * target of its provincial plans.
   */
  async targetFigures(
    actor: Actor,
    provinceCode: string,
    unitCode: string,
    fromYear: number,
    toYear: number,
    asOf: Date,
  ): Promise<Omit<ReportTargetFigures, 'unitName'>[]> {
    const district = unitCode !== provinceCode;
    const out: Omit<ReportTargetFigures, 'unitName'>[] = [];
    for (const p of await this.plans.ofPeriod(provinceCode, fromYear, toYear)) {
      if (!district && p.level !== 'PROVINCE') continue;
      const targets = (await this.plans.targetsOf(p.id)).filter(
        (t) => t.year >= fromYear && t.year <= toYear && (!district || t.unitCode === unitCode),
      );
      for (const t of await this.achieved(actor, p, targets, asOf))
        out.push({
          planId: p.id,
          planReference: p.reference,
          kind: t.kind,
          traditionalOnly: t.traditionalOnly,
          unitCode: t.unitCode,
          stars: t.stars,
          year: t.year,
          value: t.value,
          achieved: t.achieved,
          percent: t.percent,
        });
    }
    return out;
  }

  /**
   * Each target with what counted for it as of `asOf` (at the latest its year's end): the certificates (and of them
   * those still valid), the craft villages' share, or the facts of its kind; whether it is met (at least its value).
   */
  private async achieved(actor: Actor, p: Plan, targets: PlanTarget[], asOf: Date): Promise<TargetProgressView[]> {
    const counts = targets.some((t) => t.kind === 'CERTIFIED_PRODUCTS' || t.kind === 'CERTIFIED_PRODUCTS_CUMULATIVE')
      ? await this.certificates.counts(p.provinceCode, p.fromYear, p.toYear, asOf)
      : [];
    const out: TargetProgressView[] = [];
    for (const t of targets) {
      const district = t.unitCode === p.provinceCode ? null : t.unitCode;
      const { from: yearStart, to: end } = vietnamYearSpan(t.year, asOf);
      let achieved = 0;
      let active: number;
      let denominator: number | null = null;
      switch (t.kind) {
        case 'CERTIFIED_PRODUCTS':
        case 'CERTIFIED_PRODUCTS_CUMULATIVE': {
          const counted = counts.filter((c) => countsFor(p, t, c));
          achieved = counted.reduce((n, c) => n + c.count, 0);
          active = counted.filter((c) => c.active).reduce((n, c) => n + c.count, 0);
          break;
        }
        case 'CERTIFIED_PRODUCTS_TOTAL':
          achieved = active = end < yearStart ? 0 : await this.certificates.validCount(p.provinceCode, district, t.stars, end);
          break;
        case 'CRAFT_VILLAGE_SHARE': {
          const share = await this.villages.share(p.provinceCode, district, t.traditionalOnly, end);
          achieved = active = share.withProduct;
          denominator = share.villages;
          break;
        }
        case 'RETAINED_SHARE': {
          const kept = await this.certificates.retained(p.provinceCode, district, t.baseFromYear!, t.baseToYear!, end);
          achieved = active = kept.retained;
          denominator = kept.products;
          break;
        }
        case 'OFFICIALS_TRAINED_SHARE': {
          // Training counts the unit's officials the platform knows (its users) and those who completed a class.
          const progress = await this.rpc.request<TrainingProgressView>(
            TrainingSubjects.planProgress,
            { year: t.year, ...(district ? { unitCode: district } : {}) },
            { actor, asOf: end.toISOString() },
          );
          const officials = progress.groups.find((g) => g.targetGroup === 'OFFICIALS');
          achieved = active = officials?.peopleKnownTrained ?? 0;
          denominator = officials?.peopleKnown ?? 0;
          break;
        }
        case 'MODERN_RETAIL_SHARE': {
          const share = await this.facts.modernRetailShare(p.provinceCode, district, end, vietnamDay(new Date(end.getTime() - 1)));
          achieved = active = share.selling;
          denominator = share.producers;
          break;
        }
        case 'GREEN_VALUE_CHAIN_SHARE': {
          const share = await this.facts.greenShare(p.provinceCode, district, end);
          achieved = active = share.green;
          denominator = share.producers;
          break;
        }
        default:
          achieved = active = end < yearStart ? 0 : await this.facts.count(t.kind, p.provinceCode, district, yearStart, end);
      }
      const share = SHARE_KINDS.includes(t.kind);
      const percent = share
        ? denominator
          ? Math.round((achieved * 1000) / denominator) / 10
          : null
        : t.value === 0
          ? null
          : Math.round((achieved * 1000) / t.value) / 10;
      const met = share ? (percent ?? 0) >= t.value : achieved >= t.value;
      out.push({ ...targetView(t), achieved, active, percent, denominator, met });
    }
    return out;
  }

  /** The plan, for the actor who may change it (404 outside its reading scope, 403 for a reader). */
  async managed(actor: Actor, planId: string): Promise<Plan> {
    const p = await this.plans.get(planId);
    if (!p || !reads(actor, p)) throw notFound();
    if (!manages(actor, p)) throw AppError.forbidden('SCOPE_FORBIDDEN', `${actor.username} may not change this plan`);
    return p;
  }

  /**
   * A target of the plan's own unit, or (a provincial plan) of one of its districts, in the plan's period; a star level
   * only for certificates, a range's most not below its least, a share at most 100 %, the forwarded ones a province's.
   */
  private checkTarget(plan: Plan, t: TargetInput, districts: Set<string>, field: string): void {
    const own = t.unitCode === plan.unitCode || (plan.level === 'PROVINCE' && districts.has(t.unitCode));
    if (!own)
      throw AppError.validation(
        'TARGET_UNIT_OUTSIDE_PLAN',
        `${t.unitCode} is not the plan's unit or one of its districts`,
        `${field}.unitCode`,
      );
    if (t.year < plan.fromYear || t.year > plan.toYear)
      throw AppError.validation(
        'TARGET_YEAR_OUTSIDE_PLAN',
        `${t.year} is outside the plan's ${plan.fromYear}–${plan.toYear}`,
        `${field}.year`,
      );
    if (t.stars != null && !CERTIFICATE_TARGET_KINDS.includes(t.kind))
      throw AppError.validation('TARGET_STARS_NOT_APPLICABLE', `a ${t.kind} target has no star level`, `${field}.stars`);
    if (t.traditionalOnly && t.kind !== 'CRAFT_VILLAGE_SHARE')
      throw AppError.validation(
        'TARGET_TRADITIONAL_NOT_APPLICABLE',
        'only a craft-village share counts traditional villages only',
        `${field}.traditionalOnly`,
      );
    if (t.valueMax != null && t.valueMax < t.value)
      throw AppError.validation('TARGET_RANGE_INVALID', `the range ${t.value}–${t.valueMax} ends before it starts`, `${field}.valueMax`);
    if (SHARE_KINDS.includes(t.kind) && Math.max(t.value, t.valueMax ?? 0) > 100)
      throw AppError.validation('TARGET_SHARE_INVALID', 'a share is a percent, at most 100', `${field}.value`);
    if (t.kind === 'CERTIFIED_PRODUCTS_CUMULATIVE') {
      if (t.baseFromYear == null || t.baseToYear != null || t.baseFromYear > t.year || t.baseFromYear < plan.fromYear)
        throw AppError.validation(
          'TARGET_BASE_YEARS',
          'a cumulative target states the first year it counts (baseFromYear, within the plan, not after its year) and no baseToYear',
          `${field}.baseFromYear`,
        );
    } else {
      const base = t.baseFromYear != null || t.baseToYear != null;
      if (base !== (t.kind === 'RETAINED_SHARE') || (base && (t.baseFromYear == null || t.baseToYear == null)))
        throw AppError.validation(
          'TARGET_BASE_YEARS',
          'a RETAINED_SHARE target, and only it, states its base years (baseFromYear, baseToYear)',
          `${field}.baseFromYear`,
        );
      if (base && (t.baseToYear! < t.baseFromYear! || t.baseToYear! >= t.year))
        throw AppError.validation(
          'TARGET_BASE_YEARS',
          'the base years run forward and end before the target’s year',
          `${field}.baseToYear`,
        );
    }
    if (t.kind === 'FORWARDED_TO_MINISTRY' && t.unitCode !== plan.provinceCode)
      throw AppError.validation(
        'TARGET_PROVINCE_ONLY',
        'dossiers forwarded to the central council are counted for the province',
        `${field}.unitCode`,
      );
  }

  private async setTargets(actor: Actor, plan: Plan, inputs: TargetInput[], action: string): Promise<PlanView> {
    const keys = new Set<string>();
    inputs.forEach((t, i) => {
      const key = `${t.kind}:${t.unitCode}:${t.year}:${t.stars ?? '*'}`;
      if (keys.has(key)) throw AppError.validation('TARGET_TWICE', `the target ${key} is given twice`, `targets.${i}`);
      keys.add(key);
    });
    const targets = inputs.map((t) =>
      Object.assign(new PlanTarget(), {
        id: randomUUID(),
        planId: plan.id,
        kind: t.kind,
        unitCode: t.unitCode,
        stars: t.stars ?? null,
        year: t.year,
        value: t.value,
        valueMax: t.valueMax ?? null,
        traditionalOnly: t.traditionalOnly ?? false,
        baseFromYear: t.baseFromYear ?? null,
        baseToYear: t.baseToYear ?? null,
      }),
    );
    return this.ds.transaction(async (tx) => {
      await this.plans.getForUpdate(tx, plan.id);
      await this.plans.setTargets(tx, plan.id, targets);
      await audit(tx, actor, action, plan.id, { targets: targets.length });
      return planView(plan, await this.plans.targetsOf(plan.id, tx));
    });
  }

  /** A district officer sees its district's targets only. */
  private visible(actor: Actor, targets: PlanTarget[]): PlanTarget[] {
    return actor.role === Role.DISTRICT_OFFICER ? targets.filter((t) => t.unitCode === actor.scope.districtCode) : targets;
  }
}

/**
 * Whether a group of certificates counts for a target: issued in its year, in its unit (a district: the producer's
 * district, so a ministry's 5★ counts there; the plan's province: all), of its star level (none: 3★ and above), and by
 * the plan's rule (FIRST_CERTIFICATION: a product's first certificate only).
 */
function countsFor(p: Plan, t: PlanTarget, c: CertificateCount): boolean {
  const from = t.kind === 'CERTIFIED_PRODUCTS_CUMULATIVE' ? t.baseFromYear! : t.year;
  if (c.year < from || c.year > t.year) return false;
  if (t.unitCode !== p.provinceCode && c.districtCode !== t.unitCode) return false;
  if (t.stars === null ? c.stars < 3 : c.stars !== t.stars) return false;
  return p.countingRule === 'ALL' || c.first;
}
