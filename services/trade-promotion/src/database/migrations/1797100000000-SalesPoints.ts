import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sales points under 950/QĐ-BCT with their shelves and the reminders of their operating obligation; the district of a
 * certified product's producer (the public catalogue lists products by district).
 */
export class SalesPoints1797100000000 implements MigrationInterface {
  name = 'SalesPoints1797100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE trade_promotion.certificate ADD COLUMN producer_district_code text, ADD COLUMN product_group text`);
    await q.query(`CREATE TABLE trade_promotion.sales_point (
      id uuid PRIMARY KEY, province_code text NOT NULL, name text NOT NULL,
      location_type text NOT NULL CONSTRAINT sales_point_location_check CHECK (location_type IN
        ('TRANSPORT_HUB','ROADSIDE_STOP','RETAIL_CENTRE','TOURISM_HOSPITALITY','CRAFT_VILLAGE','COMMERCIAL_CENTRE','EXHIBITION_CENTRE','POST_OFFICE')),
      level text NOT NULL CONSTRAINT sales_point_level_check CHECK (level IN ('DISTRICT','PROVINCE','OUTSIDE_PROVINCE')),
      district_code text, operator_name text NOT NULL, operator_user_id uuid, address text NOT NULL,
      latitude numeric(9,6), longitude numeric(9,6), opened_on date NOT NULL, funding_source text, support_vnd bigint,
      support_received_on date, obligation_ends_on date, upgraded_on date, upgraded_from_vi text, criteria jsonb NOT NULL,
      created_by_id uuid NOT NULL, created_by text NOT NULL, created_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX sales_point_province_idx ON trade_promotion.sales_point (province_code)`);
    await q.query(`CREATE TABLE trade_promotion.shelf_item (
      sales_point_id uuid NOT NULL CONSTRAINT shelf_item_sales_point_fk REFERENCES trade_promotion.sales_point(id),
      product_id uuid NOT NULL, producer_id uuid NOT NULL, producer_name text NOT NULL, product_name text NOT NULL,
      category text NOT NULL CONSTRAINT shelf_item_category_check CHECK (category IN ('OCOP','KEY_PRODUCT','TYPICAL_RURAL','SPECIALTY','CRAFT_VILLAGE','POTENTIAL')),
      certificate_id uuid, certificate_code text, stars int,
      status text NOT NULL CONSTRAINT shelf_item_status_check CHECK (status IN ('ACTIVE','WITHDRAWN')),
      withdrawn_reason text, withdrawn_at timestamptz, shelved_by text NOT NULL, shelved_at timestamptz NOT NULL,
      CONSTRAINT shelf_item_pk PRIMARY KEY (sales_point_id, product_id))`);
    await q.query(`CREATE INDEX shelf_item_certificate_idx ON trade_promotion.shelf_item (certificate_id) WHERE status = 'ACTIVE'`);
    // One reminder per point and milestone, whatever the sweeps.
    await q.query(`CREATE TABLE trade_promotion.sales_point_reminder (
      sales_point_id uuid NOT NULL CONSTRAINT sales_point_reminder_sales_point_fk REFERENCES trade_promotion.sales_point(id),
      days_before int NOT NULL, sent boolean NOT NULL, at timestamptz NOT NULL,
      CONSTRAINT sales_point_reminder_pk PRIMARY KEY (sales_point_id, days_before))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['sales_point_reminder', 'shelf_item', 'sales_point']) await q.query(`DROP TABLE trade_promotion.${t}`);
    await q.query(`ALTER TABLE trade_promotion.certificate DROP COLUMN producer_district_code, DROP COLUMN product_group`);
  }
}
