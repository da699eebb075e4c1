import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A consultant's account names its consultant in registration's register (issue 18). */
export class UserConsultant1765600000100 implements MigrationInterface {
  name = 'UserConsultant1765600000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE gateway.app_user ADD COLUMN consultant_id uuid`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE gateway.app_user DROP COLUMN consultant_id`);
  }
}
