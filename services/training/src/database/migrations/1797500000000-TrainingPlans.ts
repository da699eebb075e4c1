import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What a unit plans to train in a year, per target group: classes, places, and the share of its people to reach. */
export class TrainingPlans1797500000000 implements MigrationInterface {
  name = 'TrainingPlans1797500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE training.training_plan (
      id uuid PRIMARY KEY, province_code text NOT NULL, unit_code text NOT NULL, year int NOT NULL, target_group text NOT NULL,
      classes_planned int NOT NULL, places_planned int, coverage_target_percent int, reference text,
      created_by text NOT NULL, created_at timestamptz NOT NULL,
      CONSTRAINT training_plan_unit_year_group_uq UNIQUE (unit_code, year, target_group))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE training.training_plan');
  }
}
