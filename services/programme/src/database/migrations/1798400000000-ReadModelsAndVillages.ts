import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `'CERTIFIED_PRODUCTS','CERTIFIED_PRODUCTS_TOTAL','CRAFT_VILLAGE_SHARE','FORWARDED_TO_MINISTRY','SALES_POINTS','CLASSES_HELD','PEOPLE_TRAINED'`;

/** Targets of every kind, the copies of producers, products and classes, the counted facts, the craft villages (issue 17). */
export class ReadModelsAndVillages1798400000000 implements MigrationInterface {
  name = 'ReadModelsAndVillages1798400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE programme.plan_target DROP CONSTRAINT plan_target_kind_check`);
    await q.query(`ALTER TABLE programme.plan_target ADD CONSTRAINT plan_target_kind_check CHECK (kind IN (${KINDS}))`);
    await q.query(`ALTER TABLE programme.plan_target ADD COLUMN value_max int, ADD COLUMN traditional_only boolean NOT NULL DEFAULT false`);
    await q.query(`CREATE TABLE programme.producer_copy (
      producer_id uuid PRIMARY KEY, name text NOT NULL, commune_code text NOT NULL, province_code text NOT NULL,
      registered_at timestamptz NOT NULL)`);
    await q.query(`CREATE TABLE programme.product_copy (
      product_id uuid PRIMARY KEY, producer_id uuid NOT NULL, name text NOT NULL, product_set_code text NOT NULL,
      registered_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX product_copy_producer_idx ON programme.product_copy (producer_id)`);
    await q.query(`CREATE TABLE programme.class_copy (class_id uuid PRIMARY KEY, province_code text NOT NULL, district_code text)`);
    await q.query(`CREATE TABLE programme.fact (
      key text PRIMARY KEY,
      kind text NOT NULL CONSTRAINT fact_kind_check CHECK (kind IN ('FORWARDED_TO_MINISTRY','SALES_POINTS','CLASSES_HELD','PEOPLE_TRAINED')),
      province_code text NOT NULL, district_code text, at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX fact_count_idx ON programme.fact (province_code, kind, at)`);
    await q.query(`CREATE TABLE programme.craft_village (
      id uuid PRIMARY KEY, province_code text NOT NULL, district_code text NOT NULL, commune_code text, name text NOT NULL,
      traditional boolean NOT NULL, trades text NOT NULL, recognition_reference text, recognised_on date,
      created_by uuid NOT NULL, created_at timestamptz NOT NULL)`);
    await q.query(`CREATE UNIQUE INDEX craft_village_name_uq ON programme.craft_village (province_code, district_code, name)`);
    await q.query(`CREATE TABLE programme.craft_village_product (
      village_id uuid NOT NULL CONSTRAINT craft_village_product_village_id_fkey REFERENCES programme.craft_village(id),
      product_id uuid NOT NULL, PRIMARY KEY (village_id, product_id))`);
    await q.query(`CREATE INDEX craft_village_product_product_idx ON programme.craft_village_product (product_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['craft_village_product', 'craft_village', 'fact', 'class_copy', 'product_copy', 'producer_copy'])
      await q.query(`DROP TABLE programme.${t}`);
    await q.query(`ALTER TABLE programme.plan_target DROP COLUMN value_max, DROP COLUMN traditional_only`);
    await q.query(`ALTER TABLE programme.plan_target DROP CONSTRAINT plan_target_kind_check`);
    await q.query(`ALTER TABLE programme.plan_target ADD CONSTRAINT plan_target_kind_check CHECK (kind IN ('CERTIFIED_PRODUCTS'))`);
  }
}
