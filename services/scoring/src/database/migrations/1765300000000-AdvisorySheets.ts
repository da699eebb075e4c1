import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The advisory team's pre-scores (issue 18). */
export class AdvisorySheets1765300000000 implements MigrationInterface {
  name = 'AdvisorySheets1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE scoring.advisory_sheet (
      id uuid PRIMARY KEY,
      session_id uuid NOT NULL CONSTRAINT advisory_sheet_session_id_fkey REFERENCES scoring.session(id),
      evaluation_id uuid NOT NULL CONSTRAINT advisory_sheet_evaluation_id_fkey REFERENCES scoring.evaluation(id),
      member_id uuid NOT NULL CONSTRAINT advisory_sheet_member_id_fkey REFERENCES scoring.council_member(id),
      entries jsonb NOT NULL, total int NOT NULL CONSTRAINT advisory_sheet_total_check CHECK (total BETWEEN 0 AND 10000),
      part_totals jsonb NOT NULL, criterion_points jsonb NOT NULL, revision int NOT NULL,
      submitted_at timestamptz NOT NULL, updated_at timestamptz NOT NULL,
      CONSTRAINT advisory_sheet_uq UNIQUE (session_id, evaluation_id, member_id))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE scoring.advisory_sheet`);
  }
}
