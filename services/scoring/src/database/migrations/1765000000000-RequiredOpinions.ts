import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The agencies' opinions an evaluation waits for, and those heard (issue 16). */
export class RequiredOpinions1765000000000 implements MigrationInterface {
  name = 'RequiredOpinions1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scoring.evaluation ADD COLUMN required_opinions text[] NOT NULL DEFAULT '{}'`);
    await q.query(`CREATE TABLE scoring.received_opinion (
      dossier_id uuid NOT NULL, agency_code text NOT NULL, opinion_id uuid NOT NULL, conclusion text NOT NULL,
      given_at timestamptz NOT NULL, PRIMARY KEY (dossier_id, agency_code))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE scoring.received_opinion`);
    await q.query(`ALTER TABLE scoring.evaluation DROP COLUMN required_opinions`);
  }
}
