import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '@ocop/persistence';
import { Plan, PlanTarget } from './plan.entity';

@Injectable()
export class PlansRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(tx: Tx, plan: Plan): Promise<void> {
    await tx.insert(Plan, plan);
  }

  get(id: string, tx?: Tx): Promise<Plan | null> {
    return (tx ?? this.ds.manager).findOneBy(Plan, { id });
  }

  /** The plan, locked while its targets change. */
  getForUpdate(tx: Tx, id: string): Promise<Plan | null> {
    return tx.getRepository(Plan).createQueryBuilder('p').where('p.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  /** A province's plans (a year: those whose period includes it), newest period first. */
  list(provinceCode: string | undefined, year: number | undefined, limit: number, offset: number): Promise<Plan[]> {
    const q = this.ds.getRepository(Plan).createQueryBuilder('p').orderBy('p.from_year', 'DESC').addOrderBy('p.id', 'ASC');
    if (provinceCode) q.andWhere('p.province_code = :provinceCode', { provinceCode });
    if (year !== undefined) q.andWhere('p.from_year <= :year AND p.to_year >= :year', { year });
    return q.limit(limit).offset(offset).getMany();
  }

  /** A province's plans whose period meets [fromYear, toYear], the province's first. */
  ofPeriod(provinceCode: string, fromYear: number, toYear: number): Promise<Plan[]> {
    return this.ds
      .getRepository(Plan)
      .createQueryBuilder('p')
      .where('p.province_code = :provinceCode AND p.from_year <= :toYear AND p.to_year >= :fromYear', { provinceCode, fromYear, toYear })
      .orderBy('p.level', 'DESC')
      .addOrderBy('p.from_year', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .getMany();
  }

  targetsOf(planId: string, tx?: Tx): Promise<PlanTarget[]> {
    return (tx ?? this.ds.manager).find(PlanTarget, { where: { planId }, order: { year: 'ASC', unitCode: 'ASC', stars: 'ASC' } });
  }

  /** The targets become these for their keys (kind, unit, year, stars): a target set again replaces the one before. */
  async setTargets(tx: Tx, planId: string, targets: PlanTarget[]): Promise<void> {
    for (const t of targets) {
      await tx.query(
        `DELETE FROM programme.plan_target WHERE plan_id = $1 AND kind = $2 AND unit_code = $3 AND year = $4 AND stars IS NOT DISTINCT FROM $5`,
        [planId, t.kind, t.unitCode, t.year, t.stars],
      );
    }
    await tx.insert(PlanTarget, targets);
  }
}
