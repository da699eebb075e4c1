import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Certificates issued from a PROVISIONAL criteria catalogue revision (an operator allowed it) say so. */
export class ProvisionalCriteria1764900000000 implements MigrationInterface {
  name = 'ProvisionalCriteria1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE certification.certificate ADD COLUMN provisional_criteria boolean NOT NULL DEFAULT false');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE certification.certificate DROP COLUMN provisional_criteria');
  }
}
