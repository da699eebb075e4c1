import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ReportRewardFigures } from '@ocop/contracts';
import type { Tx } from '@ocop/persistence';
import { Reward, SupportPolicy } from './support.entity';
import type { SupportScope } from './support-scope';

@Injectable()
export class SupportRepository {
  constructor(private readonly ds: DataSource) {}

  async insertPolicy(tx: Tx, p: SupportPolicy): Promise<void> {
    await tx.insert(SupportPolicy, p);
  }

  policy(id: string): Promise<SupportPolicy | null> {
    return this.ds.manager.findOneBy(SupportPolicy, { id });
  }

  policies(provinceCode: string | undefined, kind: string | undefined, limit: number, offset: number): Promise<SupportPolicy[]> {
    const q = this.ds.getRepository(SupportPolicy).createQueryBuilder('p').orderBy('p.valid_from', 'DESC').addOrderBy('p.id', 'ASC');
    if (provinceCode) q.andWhere('p.province_code = :provinceCode', { provinceCode });
    if (kind) q.andWhere('p.kind = :kind', { kind });
    return q.limit(limit).offset(offset).getMany();
  }

  /**
   * The rewards a certificate (or a policy) makes due: each REWARD policy of its province (or of its producer's district)
   * in force on the certificate's day of issue (Vietnam time), paying for its star level, by the policy's counting rule
   * (FIRST_CERTIFICATION: not a certificate that supersedes another); a revoked certificate, or one issued after `asOf`,
   * earns none. One reward per certificate and policy, whichever path comes first: the two paths take one lock, so a
   * policy entered while a certificate arrives sees it or is seen by it.
   */
  async grant(tx: Tx, by: { certificateId: string } | { policyId: string }, asOf: Date): Promise<number> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('programme.reward'))`);
    const rows: unknown[] = await tx.query(
      `INSERT INTO programme.reward (id, policy_id, certificate_id, certificate_number, producer_id, product_name,
                                     province_code, district_code, stars, amount_vnd, funding_source, status, eligible_at)
       SELECT gen_random_uuid(), p.id, c.certificate_id, c.number, c.producer_id, c.product_name,
              c.province_code, c.district_code, c.stars, (r->>'amountVnd')::bigint, p.funding_source, 'ELIGIBLE', $3
         FROM programme.support_policy p
         JOIN programme.certificate c ON c.province_code = p.province_code AND (p.level = 'PROVINCE' OR c.district_code = p.unit_code)
         CROSS JOIN LATERAL jsonb_array_elements(p.rewards) r
        WHERE p.kind = 'REWARD' AND (r->>'stars')::int = c.stars
          AND (c.issued_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date >= p.valid_from
          AND (p.valid_to IS NULL OR (c.issued_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= p.valid_to)
          AND (p.counting_rule = 'ALL' OR c.supersedes IS NULL)
          AND c.status <> 'REVOKED' AND c.issued_at <= $3
          AND (c.certificate_id = $1 OR p.id = $2)
       ON CONFLICT (policy_id, certificate_id) DO NOTHING
       RETURNING id`,
      ['certificateId' in by ? by.certificateId : null, 'policyId' in by ? by.policyId : null, asOf],
    );
    return rows.length;
  }

  /** A revoked certificate's unpaid rewards stop (a paid one stays paid). */
  async stop(tx: Tx, certificateId: string, at: Date): Promise<void> {
    await tx.query(`UPDATE programme.reward SET status = 'STOPPED', stopped_at = $2 WHERE certificate_id = $1 AND status = 'ELIGIBLE'`, [
      certificateId,
      at,
    ]);
  }

  reward(id: string, tx?: Tx): Promise<Reward | null> {
    return (tx ?? this.ds.manager).findOneBy(Reward, { id });
  }

  /** Marks an eligible reward paid; false when it is not eligible (paid already, or stopped). */
  async pay(tx: Tx, id: string, reference: string, by: string, at: Date): Promise<boolean> {
    const r = await tx
      .createQueryBuilder()
      .update(Reward)
      .set({ status: 'PAID', paidAt: at, paymentReference: reference, paidBy: by })
      .where('id = :id AND status = :status', { id, status: 'ELIGIBLE' })
      .execute();
    return (r.affected ?? 0) === 1;
  }

  rewards(scope: SupportScope, q: { policyId?: string; status?: string }, limit: number, offset: number): Promise<Reward[]> {
    const b = this.ds.getRepository(Reward).createQueryBuilder('r').orderBy('r.eligible_at', 'ASC').addOrderBy('r.id', 'ASC');
    if (scope.provinceCode) b.andWhere('r.province_code = :provinceCode', { provinceCode: scope.provinceCode });
    if (scope.districtCode) b.andWhere('r.district_code = :districtCode', { districtCode: scope.districtCode });
    if (scope.producerId) b.andWhere('r.producer_id = :producerId', { producerId: scope.producerId });
    if (q.policyId) b.andWhere('r.policy_id = :policyId', { policyId: q.policyId });
    if (q.status) b.andWhere('r.status = :status', { status: q.status });
    return b.limit(limit).offset(offset).getMany();
  }

  /** A unit's rewards over a period [t0, t1): made due, paid, stopped in it (a district: its producers'). */
  async periodFigures(provinceCode: string, districtCode: string | null, t0: Date, t1: Date): Promise<ReportRewardFigures> {
    const [r]: { due: string; due_vnd: string | null; paid: string; paid_vnd: string | null; stopped: string }[] = await this.ds.query(
      `SELECT count(*) FILTER (WHERE eligible_at >= $3 AND eligible_at < $4) AS due,
              sum(amount_vnd) FILTER (WHERE eligible_at >= $3 AND eligible_at < $4) AS due_vnd,
              count(*) FILTER (WHERE paid_at >= $3 AND paid_at < $4) AS paid,
              sum(amount_vnd) FILTER (WHERE paid_at >= $3 AND paid_at < $4) AS paid_vnd,
              count(*) FILTER (WHERE stopped_at >= $3 AND stopped_at < $4) AS stopped
         FROM programme.reward
        WHERE province_code = $1 AND ($2::text IS NULL OR district_code = $2)`,
      [provinceCode, districtCode, t0, t1],
    );
    return {
      due: Number(r!.due),
      dueVnd: Number(r!.due_vnd ?? 0),
      paid: Number(r!.paid),
      paidVnd: Number(r!.paid_vnd ?? 0),
      stopped: Number(r!.stopped),
    };
  }
}
