import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `'CERTIFIED_PRODUCTS','CERTIFIED_PRODUCTS_TOTAL','CRAFT_VILLAGE_SHARE','FORWARDED_TO_MINISTRY','SALES_POINTS','CLASSES_HELD','PEOPLE_TRAINED'`;

/** Products' priority categories in the copy, and the green-value-chain share among the targets (issue 17). */
export class ProductAttributes1798700000000 implements MigrationInterface {
  name = 'ProductAttributes1798700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE programme.product_copy ADD COLUMN processing_level text, ADD COLUMN gift boolean NOT NULL DEFAULT false,
      ADD COLUMN export boolean NOT NULL DEFAULT false, ADD COLUMN community_tourism boolean NOT NULL DEFAULT false,
      ADD COLUMN green_value_chain boolean NOT NULL DEFAULT false, ADD COLUMN attributes_at timestamptz`);
    await q.query(`ALTER TABLE programme.plan_target DROP CONSTRAINT plan_target_kind_check`);
    await q.query(
      `ALTER TABLE programme.plan_target ADD CONSTRAINT plan_target_kind_check CHECK (kind IN (${KINDS},'GREEN_VALUE_CHAIN_SHARE'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE programme.plan_target DROP CONSTRAINT plan_target_kind_check`);
    await q.query(`ALTER TABLE programme.plan_target ADD CONSTRAINT plan_target_kind_check CHECK (kind IN (${KINDS}))`);
    await q.query(`ALTER TABLE programme.product_copy DROP COLUMN processing_level, DROP COLUMN gift, DROP COLUMN export,
      DROP COLUMN community_tourism, DROP COLUMN green_value_chain, DROP COLUMN attributes_at`);
  }
}
