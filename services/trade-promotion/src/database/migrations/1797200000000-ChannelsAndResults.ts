import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Producers' sales channels (kept by the producer, checked by the office) and what participants report after an event. */
export class ChannelsAndResults1797200000000 implements MigrationInterface {
  name = 'ChannelsAndResults1797200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE trade_promotion.sales_channel (
      id uuid PRIMARY KEY, producer_id uuid NOT NULL, producer_name text NOT NULL, province_code text NOT NULL, district_code text,
      commune_code text NOT NULL,
      kind text NOT NULL CONSTRAINT sales_channel_kind_check CHECK (kind IN ('MODERN_RETAIL','ECOMMERCE','EXPORT')),
      name text NOT NULL, url text, since date NOT NULL,
      status text NOT NULL CONSTRAINT sales_channel_status_check CHECK (status IN ('DECLARED','CHECKED','REJECTED','ENDED')),
      checked_by text, checked_at timestamptz, note text, ended_on date, created_by text NOT NULL, created_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX sales_channel_producer_idx ON trade_promotion.sales_channel (producer_id, status)`);
    await q.query(`CREATE TABLE trade_promotion.participation_result (
      application_id uuid PRIMARY KEY CONSTRAINT participation_result_application_fk REFERENCES trade_promotion.application(id),
      event_id uuid NOT NULL, sales_vnd bigint NOT NULL CONSTRAINT participation_result_sales_check CHECK (sales_vnd >= 0),
      contracts jsonb NOT NULL, contracts_value_vnd bigint NOT NULL CONSTRAINT participation_result_contracts_check CHECK (contracts_value_vnd >= 0),
      viewers int, orders int, reported_by text NOT NULL, reported_at timestamptz NOT NULL, revision int NOT NULL)`);
    await q.query(`CREATE INDEX participation_result_event_idx ON trade_promotion.participation_result (event_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE trade_promotion.participation_result');
    await q.query('DROP TABLE trade_promotion.sales_channel');
  }
}
