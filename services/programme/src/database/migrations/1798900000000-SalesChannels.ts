import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `'CERTIFIED_PRODUCTS','CERTIFIED_PRODUCTS_TOTAL','CRAFT_VILLAGE_SHARE','FORWARDED_TO_MINISTRY','SALES_POINTS','CLASSES_HELD','PEOPLE_TRAINED','GREEN_VALUE_CHAIN_SHARE','RETAINED_SHARE'`;

/** The copy of producers' sales channels; the modern-retail and officials-trained shares among the targets (issue 17). */
export class SalesChannels1798900000000 implements MigrationInterface {
  name = 'SalesChannels1798900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE programme.channel_copy (
      channel_id uuid PRIMARY KEY, producer_id uuid NOT NULL, province_code text NOT NULL, district_code text, kind text NOT NULL,
      status text NOT NULL, since date NOT NULL, ended_on date, changed_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX channel_copy_producer_idx ON programme.channel_copy (producer_id)`);
    await q.query(`ALTER TABLE programme.plan_target DROP CONSTRAINT plan_target_kind_check`);
    await q.query(
      `ALTER TABLE programme.plan_target ADD CONSTRAINT plan_target_kind_check CHECK (kind IN (${KINDS},'MODERN_RETAIL_SHARE','OFFICIALS_TRAINED_SHARE'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM programme.plan_target WHERE kind IN ('MODERN_RETAIL_SHARE','OFFICIALS_TRAINED_SHARE')`);
    await q.query(`ALTER TABLE programme.plan_target DROP CONSTRAINT plan_target_kind_check`);
    await q.query(`ALTER TABLE programme.plan_target ADD CONSTRAINT plan_target_kind_check CHECK (kind IN (${KINDS}))`);
    await q.query(`DROP TABLE programme.channel_copy`);
  }
}
