import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Districts' evaluation plans and the experts departments assign to them (issue 18). */
export class EvaluationPlans1765400000000 implements MigrationInterface {
  name = 'EvaluationPlans1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE scoring.district_evaluation_plan (
      id uuid PRIMARY KEY, province_code text NOT NULL, district_code text NOT NULL, year int NOT NULL, sessions jsonb NOT NULL,
      updated_at timestamptz NOT NULL, updated_by uuid NOT NULL,
      CONSTRAINT district_evaluation_plan_uq UNIQUE (district_code, year))`);
    await q.query(`CREATE INDEX district_evaluation_plan_province_idx ON scoring.district_evaluation_plan (province_code, year)`);
    await q.query(`CREATE TABLE scoring.expert_assignment (
      id uuid PRIMARY KEY,
      plan_id uuid NOT NULL CONSTRAINT expert_assignment_plan_id_fkey REFERENCES scoring.district_evaluation_plan(id),
      month int NOT NULL, agency_code text NOT NULL, full_name text NOT NULL, user_id uuid,
      assigned_at timestamptz NOT NULL, assigned_by uuid NOT NULL,
      CONSTRAINT expert_assignment_uq UNIQUE (plan_id, month, agency_code, full_name))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE scoring.expert_assignment`);
    await q.query(`DROP TABLE scoring.district_evaluation_plan`);
  }
}
