import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  AppError,
  DEFAULT_PAGE,
  type Actor,
  type ApplySupportCommand,
  type BudgetEstimateView,
  type BudgetLineView,
  type DecideSupportCommand,
  type FundingQuery,
  type FundingView,
  type ListSupportApplicationsQuery,
  type PaySupportCommand,
  type RecordSettlementCommand,
  type SetBudgetNormsCommand,
  type SupportApplicationView,
} from '@ocop/contracts';
import { coversProvince, spansAllProvinces } from '@ocop/auth';
import { vietnamDay, vietnamYear, vietnamYearSpan } from '@ocop/domain';
import { vietnameseNumber } from '@ocop/documents';
import { writeActorAudit } from '@ocop/persistence';
import { now } from '@ocop/observability';
import { FactsRepository } from '../facts/facts.repository';
import { PlanUnits } from '../plans/plan-units';
import { PlansRepository } from '../plans/plans.repository';
import { BudgetNorm, Settlement, SupportApplication } from './support.entity';
import { FundingRepository } from './funding.repository';
import { supportScope } from './support-scope';
import { SupportRepository } from './support.repository';

const notFound = () => AppError.notFound('SUPPORT_APPLICATION_NOT_FOUND', 'no such support application');

const view = (a: SupportApplication): SupportApplicationView => ({
  id: a.id,
  policyId: a.policyId,
  producerId: a.producerId,
  item: a.item,
  costVnd: a.costVnd,
  description: a.description,
  supportVnd: a.supportVnd,
  fundingSource: a.fundingSource,
  status: a.status,
  reason: a.reason,
  submittedAt: a.submittedAt.toISOString(),
  decidedAt: a.decidedAt?.toISOString() ?? null,
  paidAt: a.paidAt?.toISOString() ?? null,
  paymentReference: a.paymentReference,
});

/** The province a funding question is about: the caller's (a national admin has none). */
function provinceOf(actor: Actor): string {
  if (spansAllProvinces(actor)) throw AppError.forbidden('SCOPE_FORBIDDEN', 'funding is kept per province: use an account of the province');
  return actor.scope.provinceCode;
}

/**
 * Support and funding (issue 17): producers apply for an item a SUPPORT policy pays for (the support computed from the
 * policy: the cost less the producer's share, at most the item's most); the office decides and records the payment;
 * per funding source and year, what is due, approved, disbursed and settled; the year's budget estimate (dự toán) from
 * the plans' targets priced by the reward policies, the classes and events planned priced by the province's norms, and
 * the support approved and not paid. No amount is built in.
 */
@Injectable()
export class FundingUseCases {
  constructor(
    private readonly ds: DataSource,
    private readonly funding: FundingRepository,
    private readonly support: SupportRepository,
    private readonly facts: FactsRepository,
    private readonly plans: PlansRepository,
    private readonly units: PlanUnits,
  ) {}

  async apply(actor: Actor, c: ApplySupportCommand, asOf: Date): Promise<SupportApplicationView> {
    const producerId = supportScope(actor).producerId!;
    const policy = await this.support.policy(c.policyId);
    if (!policy || policy.provinceCode !== actor.scope.provinceCode)
      throw AppError.notFound('SUPPORT_POLICY_NOT_FOUND', 'no such support policy');
    if (policy.kind !== 'SUPPORT')
      throw AppError.rule('POLICY_NOT_APPLIED_FOR', 'a REWARD policy pays certificates by itself; no application', 'policyId');
    const day = vietnamDay(asOf);
    if (day < policy.validFrom || (policy.validTo && day > policy.validTo))
      throw AppError.rule(
        'POLICY_NOT_IN_FORCE',
        `the policy is in force from ${policy.validFrom}${policy.validTo ? ` to ${policy.validTo}` : ''}`,
        'policyId',
      );
    const item = policy.items.find((i) => i.item === c.item);
    if (!item) throw AppError.validation('SUPPORT_ITEM_NOT_COVERED', `the policy does not pay for ${c.item}`, 'item');
    const producer = await this.facts.producer(producerId);
    if (!producer) throw AppError.rule('PRODUCER_NOT_REGISTERED', 'the producer is not in the programme’s registry yet');
    const commune = await this.units.commune(actor, producer.communeCode);
    if (policy.level === 'DISTRICT' && commune?.districtCode !== policy.unitCode)
      throw AppError.rule('POLICY_OUTSIDE_DISTRICT', 'the policy supports producers of another district', 'policyId');
    const a = Object.assign(new SupportApplication(), {
      id: randomUUID(),
      policyId: policy.id,
      producerId,
      provinceCode: policy.provinceCode,
      communeCode: producer.communeCode,
      districtCode: commune?.districtCode ?? null,
      item: c.item,
      costVnd: c.costVnd,
      description: c.description,
      supportVnd: Math.min(item.maxAmountVnd, Math.floor((c.costVnd * (100 - policy.counterpartPercent)) / 100)),
      fundingSource: policy.fundingSource,
      status: 'SUBMITTED',
      reason: null,
      submittedAt: asOf,
      decidedAt: null,
      decidedBy: null,
      paidAt: null,
      paymentReference: null,
    });
    await this.ds.transaction(async (tx) => {
      await this.funding.insertApplication(tx, a);
      await writeActorAudit(tx, actor, 'support-application.submit', 'support_application', a.id, {
        policyId: a.policyId,
        item: a.item,
        costVnd: a.costVnd,
      });
    });
    return view(a);
  }

  async list(actor: Actor, q: ListSupportApplicationsQuery): Promise<SupportApplicationView[]> {
    return (
      await this.funding.applications(supportScope(actor), q.status, q.limit ?? DEFAULT_PAGE.limit, q.offset ?? DEFAULT_PAGE.offset)
    ).map(view);
  }

  /** The office approves (the support as computed) or rejects with a reason; once. */
  async decide(actor: Actor, c: DecideSupportCommand, asOf: Date): Promise<SupportApplicationView> {
    if (!c.approve && !c.reason) throw AppError.validation('REASON_REQUIRED', 'a rejection says why', 'reason');
    return this.ds.transaction(async (tx) => {
      const a = await this.funding.applicationForUpdate(tx, c.applicationId);
      if (!a || !coversProvince(actor, a.provinceCode)) throw notFound();
      if (a.status !== 'SUBMITTED') throw AppError.conflict('APPLICATION_DECIDED', `the application is ${a.status} already`);
      Object.assign(a, { status: c.approve ? 'APPROVED' : 'REJECTED', reason: c.reason ?? null, decidedAt: asOf, decidedBy: actor.id });
      await this.funding.saveApplication(tx, a);
      await writeActorAudit(tx, actor, 'support-application.decide', 'support_application', a.id, {
        status: a.status,
        supportVnd: a.supportVnd,
      });
      return view(a);
    });
  }

  /** Records an approved application's payment once (the same reference again returns it). */
  async pay(actor: Actor, c: PaySupportCommand, asOf: Date): Promise<SupportApplicationView> {
    return this.ds.transaction(async (tx) => {
      const a = await this.funding.applicationForUpdate(tx, c.applicationId);
      if (!a || !coversProvince(actor, a.provinceCode)) throw notFound();
      if (a.status === 'PAID') {
        if (a.paymentReference === c.reference) return view(a);
        throw AppError.conflict('APPLICATION_ALREADY_PAID', `the support was paid already (${a.paymentReference})`);
      }
      if (a.status !== 'APPROVED') throw AppError.conflict('APPLICATION_NOT_APPROVED', `the application is ${a.status}`);
      Object.assign(a, { status: 'PAID', paidAt: asOf, paymentReference: c.reference });
      await this.funding.saveApplication(tx, a);
      await writeActorAudit(tx, actor, 'support-application.pay', 'support_application', a.id, {
        reference: c.reference,
        supportVnd: a.supportVnd,
      });
      return view(a);
    });
  }

  async fundingOf(actor: Actor, q: FundingQuery, asOf: Date): Promise<FundingView> {
    const provinceCode = provinceOf(actor);
    const year = q.year ?? vietnamYear(asOf);
    const { from, to } = vietnamYearSpan(year);
    const sources = await this.funding.sources(provinceCode, year, from, to, asOf);
    return {
      provinceCode,
      year,
      sources: sources.map((s) => ({ ...s, disbursedVnd: s.rewardsPaidVnd + s.supportPaidVnd })),
    };
  }

  /** A settlement of a source's year, at most what was disbursed and not settled yet. */
  async settle(actor: Actor, c: RecordSettlementCommand, asOf: Date): Promise<FundingView> {
    const provinceCode = provinceOf(actor);
    const { from: t0, to: t1 } = vietnamYearSpan(c.year);
    await this.ds.transaction(async (tx) => {
      await this.funding.lockSettlements(tx, provinceCode, c.fundingSource, c.year);
      const s = (await this.funding.sources(provinceCode, c.year, t0, t1, asOf, tx)).find((x) => x.fundingSource === c.fundingSource)!;
      const open = s.rewardsPaidVnd + s.supportPaidVnd - s.settledVnd;
      if (c.amountVnd > open)
        throw AppError.rule(
          'SETTLEMENT_EXCEEDS_DISBURSED',
          `${c.amountVnd} is more than the ${open} disbursed and not settled`,
          'amountVnd',
        );
      const row = Object.assign(new Settlement(), {
        id: randomUUID(),
        provinceCode,
        fundingSource: c.fundingSource,
        year: c.year,
        amountVnd: c.amountVnd,
        reference: c.reference,
        recordedAt: asOf,
        recordedBy: actor.id,
      });
      await this.funding.insertSettlement(tx, row);
      await writeActorAudit(tx, actor, 'settlement.record', 'settlement', row.id, {
        fundingSource: c.fundingSource,
        year: c.year,
        amountVnd: c.amountVnd,
      });
    });
    return this.fundingOf(actor, { year: c.year }, asOf);
  }

  async setNorms(actor: Actor, c: SetBudgetNormsCommand): Promise<BudgetEstimateView> {
    const provinceCode = provinceOf(actor);
    const n = Object.assign(new BudgetNorm(), {
      provinceCode,
      year: c.year,
      fundingSource: c.fundingSource,
      classVnd: c.classVnd,
      eventVnd: c.eventVnd,
      reference: c.reference,
      updatedAt: now(),
    });
    await this.ds.transaction(async (tx) => {
      await this.funding.saveNorm(tx, n);
      await writeActorAudit(tx, actor, 'budget-norms.set', 'budget_norm', `${provinceCode}:${c.year}`, { ...c });
    });
    return this.estimate(actor, { year: c.year }, now());
  }

  /**
   * The year's budget estimate: rewards expected from the provincial plans' targets of certified products (the
   * province's own target per star level, or else the sum of its districts') priced by each REWARD policy in force that
   * year; the classes and trade-promotion events planned in the year priced by the year's norms (none without norms);
   * the support approved and not paid.
   */
  async estimate(actor: Actor, q: FundingQuery, asOf: Date): Promise<BudgetEstimateView> {
    const provinceCode = provinceOf(actor);
    const year = q.year ?? vietnamYear(asOf);
    const lines: BudgetLineView[] = [];
    const expected = new Map<number, number>();
    for (const p of (await this.plans.ofPeriod(provinceCode, year, year)).filter((x) => x.level === 'PROVINCE')) {
      const targets = (await this.plans.targetsOf(p.id)).filter(
        (t) => t.kind === 'CERTIFIED_PRODUCTS' && t.year === year && t.stars !== null,
      );
      for (const stars of [3, 4, 5]) {
        const own = targets.filter((t) => t.stars === stars && t.unitCode === provinceCode);
        const n = (own.length ? own : targets.filter((t) => t.stars === stars)).reduce((s, t) => s + t.value, 0);
        if (n) expected.set(stars, (expected.get(stars) ?? 0) + n);
      }
    }
    for (const policy of await this.funding.rewardPolicies(provinceCode, `${year}-01-01`, `${year}-12-31`))
      for (const r of policy.rewards) {
        const n = expected.get(r.stars) ?? 0;
        if (n)
          lines.push({
            kind: 'REWARDS',
            description: `Thưởng sản phẩm đạt ${r.stars} sao (${policy.resolution}): ${n} × ${vietnameseNumber(r.amountVnd)} đồng`,
            quantity: n,
            unitVnd: r.amountVnd,
            amountVnd: n * r.amountVnd,
            fundingSource: policy.fundingSource,
          });
      }
    const norm = await this.funding.norm(provinceCode, year);
    if (norm) {
      const { from: t0, to: t1 } = vietnamYearSpan(year);
      for (const [kind, factKind, unitVnd, what] of [
        ['CLASSES', 'CLASSES_PLANNED', norm.classVnd, 'Lớp tập huấn, đào tạo'],
        ['EVENTS', 'EVENTS_PLANNED', norm.eventVnd, 'Hoạt động xúc tiến thương mại'],
      ] as const) {
        const n = await this.facts.count(factKind, provinceCode, null, t0, t1);
        if (n)
          lines.push({
            kind,
            description: `${what} (${norm.reference}): ${n} × ${vietnameseNumber(unitVnd)} đồng`,
            quantity: n,
            unitVnd,
            amountVnd: n * unitVnd,
            fundingSource: norm.fundingSource,
          });
      }
    }
    for (const s of await this.funding.approvedUnpaid(provinceCode))
      lines.push({
        kind: 'SUPPORT',
        description: `Hỗ trợ đã phê duyệt chưa chi trả: ${s.count} hồ sơ`,
        quantity: s.count,
        unitVnd: 0,
        amountVnd: s.amountVnd,
        fundingSource: s.fundingSource,
      });
    return { provinceCode, year, lines, totalVnd: lines.reduce((n, l) => n + l.amountVnd, 0) };
  }
}
