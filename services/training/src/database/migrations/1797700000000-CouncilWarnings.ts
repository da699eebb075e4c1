import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Council members seated without having completed council training (a warning for the office), once per council and member. */
export class CouncilWarnings1797700000000 implements MigrationInterface {
  name = 'CouncilWarnings1797700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE training.council_warning (
      council_id uuid NOT NULL, user_id uuid NOT NULL, province_code text NOT NULL, council_name text NOT NULL, full_name text NOT NULL,
      role text NOT NULL, created_at timestamptz NOT NULL, CONSTRAINT council_warning_pk PRIMARY KEY (council_id, user_id))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE training.council_warning');
  }
}
