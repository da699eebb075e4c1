import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Evaluations among the counted facts, and the inspections' facts (by certificate) for the indicators (issue 17). */
export class Indicators1799000000000 implements MigrationInterface {
  name = 'Indicators1799000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE programme.fact DROP CONSTRAINT fact_kind_check`);
    await q.query(`ALTER TABLE programme.fact ADD CONSTRAINT fact_kind_check
      CHECK (kind IN ('FORWARDED_TO_MINISTRY','SALES_POINTS','CLASSES_HELD','PEOPLE_TRAINED','CLASSES_PLANNED','EVENTS_PLANNED',
                      'EVALUATIONS_COMPLETED','EVALUATIONS_NOT_CERTIFIED'))`);
    await q.query(`CREATE TABLE programme.inspection_fact (
      key text PRIMARY KEY,
      kind text NOT NULL CONSTRAINT inspection_fact_kind_check CHECK (kind IN ('INSPECTION_COMPLETED','VIOLATION_RECORDED')),
      certificate_id uuid NOT NULL, severity text, at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX inspection_fact_certificate_idx ON programme.inspection_fact (certificate_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE programme.inspection_fact`);
    await q.query(`DELETE FROM programme.fact WHERE kind IN ('EVALUATIONS_COMPLETED','EVALUATIONS_NOT_CERTIFIED')`);
    await q.query(`ALTER TABLE programme.fact DROP CONSTRAINT fact_kind_check`);
    await q.query(`ALTER TABLE programme.fact ADD CONSTRAINT fact_kind_check
      CHECK (kind IN ('FORWARDED_TO_MINISTRY','SALES_POINTS','CLASSES_HELD','PEOPLE_TRAINED','CLASSES_PLANNED','EVENTS_PLANNED'))`);
  }
}
