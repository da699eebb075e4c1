import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Plans' tasks and their evidence (issue 17). */
export class PlanTasks1798100000000 implements MigrationInterface {
  name = 'PlanTasks1798100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE programme.plan_task (
      id uuid PRIMARY KEY,
      plan_id uuid NOT NULL CONSTRAINT plan_task_plan_id_fkey REFERENCES programme.plan(id),
      title text NOT NULL, lead_unit text NOT NULL, coordinating_units text[] NOT NULL,
      deadline_date date, deadline_quarter text, due_on date NOT NULL,
      status text NOT NULL CONSTRAINT plan_task_status_check CHECK (status IN ('NOT_STARTED','IN_PROGRESS','DONE','CANCELLED')),
      note text, updated_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX plan_task_plan_idx ON programme.plan_task (plan_id, due_on)`);
    await q.query(`CREATE TABLE programme.plan_task_evidence (
      id uuid PRIMARY KEY,
      task_id uuid NOT NULL CONSTRAINT plan_task_evidence_task_id_fkey REFERENCES programme.plan_task(id),
      text text NOT NULL, reference text, at timestamptz NOT NULL, recorded_by uuid NOT NULL)`);
    await q.query(`CREATE INDEX plan_task_evidence_task_idx ON programme.plan_task_evidence (task_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE programme.plan_task_evidence`);
    await q.query(`DROP TABLE programme.plan_task`);
  }
}
