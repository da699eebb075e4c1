import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '@ocop/persistence';
import { TrainingPlan } from './training-plan.entity';

/** A target group's figures over a unit's classes of a year. */
export interface GroupFigures {
  targetGroup: string;
  classesHeld: number;
  classesScheduled: number;
  placesOffered: number;
  placesFilled: number;
  peopleTrained: number;
}

@Injectable()
export class TrainingPlansRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(tx: Tx, p: TrainingPlan): Promise<void> {
    await tx.insert(TrainingPlan, p);
  }

  ofUnit(unitCode: string, year: number): Promise<TrainingPlan[]> {
    return this.ds.manager.find(TrainingPlan, { where: { unitCode, year }, order: { targetGroup: 'ASC' } });
  }

  /**
   * Per target group, over the classes of the province (or of one district) starting in the year: classes held and not
   * cancelled, places offered and filled, distinct persons who completed.
   */
  figures(provinceCode: string, districtCode: string | null, from: string, to: string): Promise<GroupFigures[]> {
    return this.ds.query(
      `SELECT c.target_group AS "targetGroup",
              count(*) FILTER (WHERE c.status = 'COMPLETED')::int AS "classesHeld",
              count(*) FILTER (WHERE c.status <> 'CANCELLED')::int AS "classesScheduled",
              coalesce(sum(c.capacity) FILTER (WHERE c.status <> 'CANCELLED'), 0)::int AS "placesOffered",
              (SELECT count(*) FROM training.enrolment e JOIN training.training_class k ON k.id = e.class_id
                WHERE k.target_group = c.target_group AND k.province_code = $1 AND ($2::text IS NULL OR k.district_code = $2)
                  AND k.starts_on >= $3::date AND k.starts_on < $4::date AND k.status <> 'CANCELLED'
                  AND e.status IN ('ENROLLED','COMPLETED','NOT_COMPLETED'))::int AS "placesFilled",
              (SELECT count(DISTINCT e.person_key) FROM training.enrolment e JOIN training.training_class k ON k.id = e.class_id
                WHERE k.target_group = c.target_group AND k.province_code = $1 AND ($2::text IS NULL OR k.district_code = $2)
                  AND k.starts_on >= $3::date AND k.starts_on < $4::date AND e.status = 'COMPLETED')::int AS "peopleTrained"
         FROM training.training_class c
        WHERE c.province_code = $1 AND ($2::text IS NULL OR c.district_code = $2) AND c.starts_on >= $3::date AND c.starts_on < $4::date
        GROUP BY c.target_group ORDER BY c.target_group`,
      [provinceCode, districtCode, from, to],
    );
  }

  /** Of these users, those who completed a class of the group starting in the year, anywhere in the province. */
  async trainedUsers(provinceCode: string, targetGroup: string, userIds: string[], from: string, to: string): Promise<number> {
    if (!userIds.length) return 0;
    const [{ n }] = (await this.ds.query(
      `SELECT count(DISTINCT e.user_id)::int AS n FROM training.enrolment e JOIN training.training_class k ON k.id = e.class_id
        WHERE k.province_code = $1 AND k.target_group = $2 AND e.status = 'COMPLETED' AND e.user_id = ANY($3::uuid[])
          AND k.starts_on >= $4::date AND k.starts_on < $5::date`,
      [provinceCode, targetGroup, userIds, from, to],
    )) as { n: number }[];
    return n;
  }

  /** Classes with a waiting list, and held or running ones under half full, of the unit's year. */
  fills(
    provinceCode: string,
    districtCode: string | null,
    from: string,
    to: string,
  ): Promise<
    { targetGroup: string; classId: string; title: string; capacity: number; enrolled: number; waitlisted: number; status: string }[]
  > {
    return this.ds.query(
      `SELECT c.target_group AS "targetGroup", c.id AS "classId", c.title, c.capacity, c.status,
              (SELECT count(*) FROM training.enrolment e WHERE e.class_id = c.id AND e.status IN ('ENROLLED','COMPLETED','NOT_COMPLETED'))::int AS enrolled,
              (SELECT count(*) FROM training.enrolment e WHERE e.class_id = c.id AND e.status = 'WAITLISTED')::int AS waitlisted
         FROM training.training_class c
        WHERE c.province_code = $1 AND ($2::text IS NULL OR c.district_code = $2) AND c.starts_on >= $3::date AND c.starts_on < $4::date
          AND c.status <> 'CANCELLED' ORDER BY c.starts_on, c.id`,
      [provinceCode, districtCode, from, to],
    );
  }
}
