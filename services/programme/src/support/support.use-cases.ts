import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  AppError,
  DEFAULT_PAGE,
  Role,
  type Actor,
  type CreateSupportPolicyCommand,
  type ListRewardsQuery,
  type ListSupportPoliciesQuery,
  type PayRewardCommand,
  type RewardView,
  type SupportPolicyView,
} from '@ocop/contracts';
import { coversProvince, spansAllProvinces } from '@ocop/auth';
import { writeActorAudit } from '@ocop/persistence';
import { now } from '@ocop/observability';
import { PlanUnits } from '../plans/plan-units';
import { Reward, SupportPolicy } from './support.entity';
import { SupportRepository } from './support.repository';
import { supportScope } from './support-scope';

const audit = writeActorAudit;

const policyView = (p: SupportPolicy): SupportPolicyView => ({
  id: p.id,
  title: p.title,
  resolution: p.resolution,
  unitCode: p.unitCode,
  provinceCode: p.provinceCode,
  kind: p.kind,
  fundingSource: p.fundingSource,
  validFrom: p.validFrom,
  validTo: p.validTo,
  counterpartPercent: p.counterpartPercent,
  rewards: p.rewards,
  countingRule: p.countingRule,
  items: p.items,
  createdAt: p.createdAt.toISOString(),
});

const rewardView = (r: Reward): RewardView => ({
  id: r.id,
  policyId: r.policyId,
  certificateId: r.certificateId,
  certificateNumber: r.certificateNumber,
  producerId: r.producerId,
  productName: r.productName,
  districtCode: r.districtCode,
  stars: r.stars,
  amountVnd: r.amountVnd,
  fundingSource: r.fundingSource,
  status: r.status,
  eligibleAt: r.eligibleAt.toISOString(),
  paidAt: r.paidAt?.toISOString() ?? null,
  paymentReference: r.paymentReference,
  stoppedAt: r.stoppedAt?.toISOString() ?? null,
});

/**
 * Support policies and rewards (issue 17): the office enters a policy from its resolution; a REWARD policy makes one
 * reward due for each certificate it pays for — those already issued when it is entered, and each one issued later
 * (certification's event) — paid once, stopped when the certificate is revoked before payment.
 */
@Injectable()
export class SupportUseCases {
  constructor(
    private readonly ds: DataSource,
    private readonly support: SupportRepository,
    private readonly units: PlanUnits,
  ) {}

  async createPolicy(actor: Actor, c: CreateSupportPolicyCommand): Promise<SupportPolicyView> {
    if (c.validTo && c.validTo < c.validFrom) throw AppError.validation('POLICY_PERIOD_INVALID', 'validTo is before validFrom', 'validTo');
    const reward = c.kind === 'REWARD';
    if (reward && !c.rewards)
      throw AppError.validation('POLICY_REWARDS_REQUIRED', 'a REWARD policy states its amount per star level', 'rewards');
    if (reward && !c.countingRule)
      throw AppError.validation(
        'POLICY_COUNTING_RULE_REQUIRED',
        'a REWARD policy states whether it rewards a product’s first certificate only',
        'countingRule',
      );
    if (!reward && !c.items) throw AppError.validation('POLICY_ITEMS_REQUIRED', 'a SUPPORT policy states what it pays for', 'items');
    if (reward && c.items) throw AppError.validation('POLICY_ITEMS_FOR_REWARD', 'a REWARD policy pays by star level, not by item', 'items');
    if (!reward && (c.rewards || c.countingRule))
      throw AppError.validation(
        'POLICY_REWARDS_FOR_SUPPORT',
        'a SUPPORT policy pays by item, not by star level',
        c.rewards ? 'rewards' : 'countingRule',
      );
    const stars = new Set<number>();
    (c.rewards ?? []).forEach((r, i) => {
      if (stars.has(r.stars)) throw AppError.validation('POLICY_STARS_TWICE', `${r.stars}★ is given twice`, `rewards.${i}.stars`);
      stars.add(r.stars);
    });
    const items = new Set<string>();
    (c.items ?? []).forEach((it, i) => {
      if (items.has(it.item)) throw AppError.validation('POLICY_ITEM_TWICE', `${it.item} is given twice`, `items.${i}.item`);
      items.add(it.item);
    });
    const unit = await this.units.unit(actor, c.level, c.unitCode, 'unitCode');
    if (actor.role === Role.DISTRICT_OFFICER || !coversProvince(actor, unit.provinceCode))
      throw AppError.forbidden('SCOPE_FORBIDDEN', `${actor.username} may not keep the support policies of ${unit.name}`);
    const at = now();
    const policy = Object.assign(new SupportPolicy(), {
      id: randomUUID(),
      title: c.title,
      resolution: c.resolution,
      level: c.level,
      unitCode: c.unitCode,
      provinceCode: unit.provinceCode,
      kind: c.kind,
      fundingSource: c.fundingSource,
      validFrom: c.validFrom,
      validTo: c.validTo ?? null,
      counterpartPercent: c.counterpartPercent ?? 0,
      rewards: (c.rewards ?? []).map((r) => ({ stars: r.stars, amountVnd: r.amountVnd })).sort((a, b) => a.stars - b.stars),
      countingRule: reward ? (c.countingRule ?? null) : null,
      items: (c.items ?? []).map((it) => ({ item: it.item, maxAmountVnd: it.maxAmountVnd })),
      createdBy: actor.id,
      createdAt: at,
    });
    await this.ds.transaction(async (tx) => {
      await this.support.insertPolicy(tx, policy);
      const due = reward ? await this.support.grant(tx, { policyId: policy.id }, at) : 0;
      await audit(tx, actor, 'support-policy.create', 'support_policy', policy.id, {
        title: c.title,
        resolution: c.resolution,
        kind: c.kind,
        rewardsDue: due,
      });
    });
    return policyView(policy);
  }

  async listPolicies(actor: Actor, q: ListSupportPoliciesQuery): Promise<SupportPolicyView[]> {
    const rows = await this.support.policies(
      spansAllProvinces(actor) ? undefined : actor.scope.provinceCode,
      q.kind,
      q.limit ?? DEFAULT_PAGE.limit,
      q.offset ?? DEFAULT_PAGE.offset,
    );
    return rows.map(policyView);
  }

  async getPolicy(actor: Actor, policyId: string): Promise<SupportPolicyView> {
    const p = await this.support.policy(policyId);
    if (!p || !coversProvince(actor, p.provinceCode)) throw AppError.notFound('SUPPORT_POLICY_NOT_FOUND', 'no such support policy');
    return policyView(p);
  }

  async rewards(actor: Actor, q: ListRewardsQuery): Promise<RewardView[]> {
    const rows = await this.support.rewards(supportScope(actor), q, q.limit ?? DEFAULT_PAGE.limit, q.offset ?? DEFAULT_PAGE.offset);
    return rows.map(rewardView);
  }

  /** Pays a reward once: the same reference again returns it; another payment, or a stopped reward, is refused (409). */
  async pay(actor: Actor, c: PayRewardCommand): Promise<RewardView> {
    return this.ds.transaction(async (tx) => {
      const r = await this.support.reward(c.rewardId, tx);
      if (!r || !coversProvince(actor, r.provinceCode)) throw AppError.notFound('REWARD_NOT_FOUND', 'no such reward');
      if (!(await this.support.pay(tx, r.id, c.reference, actor.id, now()))) {
        const current = (await this.support.reward(r.id, tx))!;
        if (current.status === 'PAID' && current.paymentReference === c.reference) return rewardView(current);
        if (current.status === 'STOPPED')
          throw AppError.conflict('REWARD_STOPPED', 'the certificate was revoked before the reward was paid; it is not paid');
        throw AppError.conflict('REWARD_ALREADY_PAID', `the reward was paid already (${current.paymentReference})`);
      }
      await audit(tx, actor, 'reward.pay', 'reward', r.id, {
        reference: c.reference,
        amountVnd: r.amountVnd,
        certificateId: r.certificateId,
      });
      return rewardView((await this.support.reward(r.id, tx))!);
    });
  }
}
