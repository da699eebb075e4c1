import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The samples handed to the central council with forwarded 5★ candidates (issue 18). */
export class MinistrySamples1765200000000 implements MigrationInterface {
  name = 'MinistrySamples1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE scoring.ministry_sample (
      id uuid PRIMARY KEY,
      evaluation_id uuid NOT NULL CONSTRAINT ministry_sample_evaluation_id_fkey REFERENCES scoring.evaluation(id),
      province_code text NOT NULL, items jsonb NOT NULL, handed_by text NOT NULL, carrier text, reference text,
      handed_at timestamptz NOT NULL, recorded_by uuid NOT NULL,
      received_at timestamptz, received_by text, receipt_note text)`);
    await q.query(`CREATE INDEX ministry_sample_evaluation_idx ON scoring.ministry_sample (evaluation_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE scoring.ministry_sample`);
  }
}
