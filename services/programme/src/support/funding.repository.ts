import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FUNDING_SOURCES } from '@ocop/contracts';
import type { Tx } from '@ocop/persistence';
import type { SupportScope } from './support-scope';
import { BudgetNorm, Settlement, SupportApplication, SupportPolicy } from './support.entity';

/** A funding source's money in a year, as the funding summary reports it. */
export interface SourceYear {
  fundingSource: string;
  rewardsDueVnd: number;
  rewardsPaidVnd: number;
  supportApprovedVnd: number;
  supportPaidVnd: number;
  settledVnd: number;
}

@Injectable()
export class FundingRepository {
  constructor(private readonly ds: DataSource) {}

  async insertApplication(tx: Tx, a: SupportApplication): Promise<void> {
    await tx.insert(SupportApplication, a);
  }

  application(id: string, tx?: Tx): Promise<SupportApplication | null> {
    return (tx ?? this.ds.manager).findOneBy(SupportApplication, { id });
  }

  /** The application locked for its decision or payment. */
  applicationForUpdate(tx: Tx, id: string): Promise<SupportApplication | null> {
    return tx.getRepository(SupportApplication).createQueryBuilder('a').where('a.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  async saveApplication(tx: Tx, a: SupportApplication): Promise<void> {
    await tx.save(SupportApplication, a);
  }

  applications(scope: SupportScope, status: string | undefined, limit: number, offset: number): Promise<SupportApplication[]> {
    const q = this.ds.getRepository(SupportApplication).createQueryBuilder('a').orderBy('a.submitted_at', 'ASC').addOrderBy('a.id', 'ASC');
    if (scope.provinceCode) q.andWhere('a.province_code = :provinceCode', { provinceCode: scope.provinceCode });
    if (scope.districtCode) q.andWhere('a.district_code = :districtCode', { districtCode: scope.districtCode });
    if (scope.producerId) q.andWhere('a.producer_id = :producerId', { producerId: scope.producerId });
    if (status) q.andWhere('a.status = :status', { status });
    return q.limit(limit).offset(offset).getMany();
  }

  async insertSettlement(tx: Tx, s: Settlement): Promise<void> {
    await tx.insert(Settlement, s);
  }

  /** Serialises the settlements of a province's funding source and year (each checks what is left to settle). */
  async lockSettlements(tx: Tx, provinceCode: string, fundingSource: string, year: number): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`programme.settlement:${provinceCode}:${fundingSource}:${year}`]);
  }

  /** Per funding source, a province's money in the year [t0, t1) (Vietnam time) as of `asOf`. */
  async sources(provinceCode: string, year: number, t0: Date, t1: Date, asOf: Date, tx?: Tx): Promise<SourceYear[]> {
    const rows: Record<string, string>[] = await (tx ?? this.ds.manager).query(
      `WITH r AS (
         SELECT funding_source,
                sum(amount_vnd) FILTER (WHERE eligible_at >= $2 AND eligible_at < $3 AND eligible_at <= $4
                                          AND NOT (status = 'STOPPED' AND stopped_at <= $4)) AS due,
                sum(amount_vnd) FILTER (WHERE paid_at >= $2 AND paid_at < $3 AND paid_at <= $4) AS paid
           FROM programme.reward WHERE province_code = $1 GROUP BY 1),
       a AS (
         SELECT funding_source,
                sum(support_vnd) FILTER (WHERE status IN ('APPROVED','PAID') AND decided_at >= $2 AND decided_at < $3 AND decided_at <= $4) AS approved,
                sum(support_vnd) FILTER (WHERE paid_at >= $2 AND paid_at < $3 AND paid_at <= $4) AS paid
           FROM programme.support_application WHERE province_code = $1 GROUP BY 1),
       s AS (
         SELECT funding_source, sum(amount_vnd) FILTER (WHERE recorded_at <= $4) AS settled
           FROM programme.settlement WHERE province_code = $1 AND year = $5 GROUP BY 1)
       SELECT f AS funding_source, coalesce(r.due, 0) AS rewards_due, coalesce(r.paid, 0) AS rewards_paid,
              coalesce(a.approved, 0) AS support_approved, coalesce(a.paid, 0) AS support_paid, coalesce(s.settled, 0) AS settled
         FROM unnest($6::text[]) AS f
         LEFT JOIN r ON r.funding_source = f LEFT JOIN a ON a.funding_source = f LEFT JOIN s ON s.funding_source = f`,
      [provinceCode, t0, t1, asOf, year, FUNDING_SOURCES],
    );
    return rows.map((r) => ({
      fundingSource: r.funding_source!,
      rewardsDueVnd: Number(r.rewards_due),
      rewardsPaidVnd: Number(r.rewards_paid),
      supportApprovedVnd: Number(r.support_approved),
      supportPaidVnd: Number(r.support_paid),
      settledVnd: Number(r.settled),
    }));
  }

  async saveNorm(tx: Tx, n: BudgetNorm): Promise<void> {
    await tx.upsert(BudgetNorm, n, ['provinceCode', 'year']);
  }

  norm(provinceCode: string, year: number): Promise<BudgetNorm | null> {
    return this.ds.manager.findOneBy(BudgetNorm, { provinceCode, year });
  }

  /** The province's REWARD policies in force at some time in [from, to] (days). */
  rewardPolicies(provinceCode: string, from: string, to: string): Promise<SupportPolicy[]> {
    return this.ds
      .getRepository(SupportPolicy)
      .createQueryBuilder('p')
      .where(`p.province_code = :provinceCode AND p.kind = 'REWARD' AND p.level = 'PROVINCE' AND p.valid_from <= :to`, { provinceCode, to })
      .andWhere('(p.valid_to IS NULL OR p.valid_to >= :from)', { from })
      .orderBy('p.valid_from', 'ASC')
      .getMany();
  }

  /** Approved support not paid yet, per funding source. */
  async approvedUnpaid(provinceCode: string): Promise<{ fundingSource: string; count: number; amountVnd: number }[]> {
    const rows: { funding_source: string; n: string; amount: string }[] = await this.ds.query(
      `SELECT funding_source, count(*) AS n, sum(support_vnd) AS amount FROM programme.support_application
        WHERE province_code = $1 AND status = 'APPROVED' GROUP BY 1 ORDER BY 1`,
      [provinceCode],
    );
    return rows.map((r) => ({ fundingSource: r.funding_source, count: Number(r.n), amountVnd: Number(r.amount) }));
  }
}
