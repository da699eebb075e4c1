import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '@ocop/persistence';
import { DistrictEvaluationPlan, ExpertAssignment } from './evaluation-plan.entity';

@Injectable()
export class EvaluationPlansRepository {
  constructor(private readonly ds: DataSource) {}

  /** The district's plan of the year, locked while it changes (null when it has none yet). */
  lockOf(tx: Tx, districtCode: string, year: number): Promise<DistrictEvaluationPlan | null> {
    return tx
      .getRepository(DistrictEvaluationPlan)
      .createQueryBuilder('p')
      .where('p.district_code = :districtCode AND p.year = :year', { districtCode, year })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** Serialises the first plan of a district and year (two submissions at once). */
  async lockKey(tx: Tx, districtCode: string, year: number): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`scoring.evaluation-plan:${districtCode}:${year}`]);
  }

  async save(tx: Tx, p: DistrictEvaluationPlan): Promise<void> {
    await tx.save(DistrictEvaluationPlan, p);
  }

  plan(id: string, tx?: Tx): Promise<DistrictEvaluationPlan | null> {
    return (tx ?? this.ds.manager).findOneBy(DistrictEvaluationPlan, { id });
  }

  plans(provinceCode: string, districtCode: string | undefined, year: number | undefined): Promise<DistrictEvaluationPlan[]> {
    const q = this.ds
      .getRepository(DistrictEvaluationPlan)
      .createQueryBuilder('p')
      .where('p.province_code = :provinceCode', { provinceCode });
    if (districtCode) q.andWhere('p.district_code = :districtCode', { districtCode });
    if (year !== undefined) q.andWhere('p.year = :year', { year });
    return q.orderBy('p.year', 'DESC').addOrderBy('p.district_code', 'ASC').getMany();
  }

  async assignmentsOf(planIds: string[], tx?: Tx): Promise<ExpertAssignment[]> {
    if (!planIds.length) return [];
    return (tx ?? this.ds.manager)
      .getRepository(ExpertAssignment)
      .createQueryBuilder('a')
      .where('a.plan_id IN (:...planIds)', { planIds })
      .orderBy('a.assigned_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
  }

  /** Inserts the assignment unless the same person is assigned there already; whether it is new. */
  async assign(tx: Tx, a: ExpertAssignment): Promise<boolean> {
    const r = await tx.createQueryBuilder().insert().into(ExpertAssignment).values(a).orIgnore().returning(['id']).execute();
    return (r.raw as unknown[]).length === 1;
  }
}
