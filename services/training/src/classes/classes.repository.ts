import { Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { DEFAULT_PAGE } from '@ocop/contracts';
import type { Tx } from '@ocop/persistence';
import { Enrolment } from '../enrolments/enrolment.entity';
import { TrainingClass } from './training-class.entity';

/** A class with the number of persons holding a place and waiting. */
export type ClassWithCounts = TrainingClass & { enrolled: number; waitlisted: number };

/** Statuses of a person holding a place. */
export const HOLDS_PLACE = ['ENROLLED', 'COMPLETED', 'NOT_COMPLETED'];

@Injectable()
export class ClassesRepository {
  constructor(private readonly ds: DataSource) {}

  private withCounts(m: Tx): SelectQueryBuilder<TrainingClass> {
    return m
      .createQueryBuilder(TrainingClass, 'c')
      .addSelect(
        (s) =>
          s
            .select('CAST(count(*) AS int)')
            .from(Enrolment, 'e')
            .where(`e.class_id = c.id AND e.status IN ('ENROLLED','COMPLETED','NOT_COMPLETED')`),
        'enrolled',
      )
      .addSelect(
        (s) => s.select('CAST(count(*) AS int)').from(Enrolment, 'e').where(`e.class_id = c.id AND e.status = 'WAITLISTED'`),
        'waitlisted',
      );
  }

  private async rows(q: SelectQueryBuilder<TrainingClass>): Promise<ClassWithCounts[]> {
    const { entities, raw } = await q.getRawAndEntities<{ enrolled: number; waitlisted: number }>();
    return entities.map((c, i) => Object.assign(c, { enrolled: raw[i]!.enrolled, waitlisted: raw[i]!.waitlisted }));
  }

  async insert(tx: Tx, c: TrainingClass): Promise<void> {
    await tx.insert(TrainingClass, c);
  }

  async get(id: string, tx?: Tx): Promise<ClassWithCounts | null> {
    const [c] = await this.rows(this.withCounts(tx ?? this.ds.manager).where('c.id = :id', { id }));
    return c ?? null;
  }

  /** The class row locked (enrolments, withdrawals, attendance and transitions serialise on it). */
  lock(tx: Tx, id: string): Promise<TrainingClass | null> {
    return tx.getRepository(TrainingClass).createQueryBuilder('c').where('c.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  /** A page of a province's classes (null: every province), soonest first. */
  list(
    provinceCode: string | null,
    f: { courseId?: string; status?: string; limit?: number; offset?: number },
  ): Promise<ClassWithCounts[]> {
    const q = this.withCounts(this.ds.manager)
      .orderBy('c.starts_on', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(f.limit ?? DEFAULT_PAGE.limit)
      .offset(f.offset ?? DEFAULT_PAGE.offset);
    if (provinceCode) q.andWhere('c.province_code = :provinceCode', { provinceCode });
    if (f.courseId) q.andWhere('c.course_id = :courseId', { courseId: f.courseId });
    if (f.status) q.andWhere('c.status = :status', { status: f.status });
    return this.rows(q);
  }

  /** The province's next class open for enrolment for a target group, on or after `day` (a system read). */
  nextOpen(tx: Tx, provinceCode: string, targetGroup: string, day: string): Promise<TrainingClass | null> {
    return tx
      .createQueryBuilder(TrainingClass, 'c')
      .where(`c.province_code = :provinceCode AND c.target_group = :targetGroup AND c.status = 'OPEN' AND c.starts_on >= :day`, {
        provinceCode,
        targetGroup,
        day,
      })
      .orderBy('c.starts_on', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getOne();
  }

  async setStatus(tx: Tx, id: string, status: string): Promise<void> {
    await tx.update(TrainingClass, { id }, { status });
  }
}
