import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `'CERTIFIED_PRODUCTS','CERTIFIED_PRODUCTS_TOTAL','CRAFT_VILLAGE_SHARE','FORWARDED_TO_MINISTRY','SALES_POINTS','CLASSES_HELD','PEOPLE_TRAINED','GREEN_VALUE_CHAIN_SHARE'`;

/** The retained share among the targets, with its base years (issue 17). */
export class RetainedShare1798800000000 implements MigrationInterface {
  name = 'RetainedShare1798800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE programme.plan_target DROP CONSTRAINT plan_target_kind_check`);
    await q.query(`ALTER TABLE programme.plan_target ADD CONSTRAINT plan_target_kind_check CHECK (kind IN (${KINDS},'RETAINED_SHARE'))`);
    await q.query(`ALTER TABLE programme.plan_target ADD COLUMN base_from_year int, ADD COLUMN base_to_year int`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM programme.plan_target WHERE kind = 'RETAINED_SHARE'`);
    await q.query(`ALTER TABLE programme.plan_target DROP COLUMN base_from_year, DROP COLUMN base_to_year`);
    await q.query(`ALTER TABLE programme.plan_target DROP CONSTRAINT plan_target_kind_check`);
    await q.query(`ALTER TABLE programme.plan_target ADD CONSTRAINT plan_target_kind_check CHECK (kind IN (${KINDS}))`);
  }
}
