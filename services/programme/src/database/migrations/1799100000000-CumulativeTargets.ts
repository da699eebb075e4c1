import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `'CERTIFIED_PRODUCTS','CERTIFIED_PRODUCTS_TOTAL','CRAFT_VILLAGE_SHARE','FORWARDED_TO_MINISTRY','SALES_POINTS','CLASSES_HELD','PEOPLE_TRAINED','GREEN_VALUE_CHAIN_SHARE','RETAINED_SHARE','MODERN_RETAIL_SHARE','OFFICIALS_TRAINED_SHARE'`;

/** Cumulative targets of added products ("150 by 2025") among the targets (issue 17). */
export class CumulativeTargets1799100000000 implements MigrationInterface {
  name = 'CumulativeTargets1799100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE programme.plan_target DROP CONSTRAINT plan_target_kind_check`);
    await q.query(
      `ALTER TABLE programme.plan_target ADD CONSTRAINT plan_target_kind_check CHECK (kind IN (${KINDS},'CERTIFIED_PRODUCTS_CUMULATIVE'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM programme.plan_target WHERE kind = 'CERTIFIED_PRODUCTS_CUMULATIVE'`);
    await q.query(`ALTER TABLE programme.plan_target DROP CONSTRAINT plan_target_kind_check`);
    await q.query(`ALTER TABLE programme.plan_target ADD CONSTRAINT plan_target_kind_check CHECK (kind IN (${KINDS}))`);
  }
}
