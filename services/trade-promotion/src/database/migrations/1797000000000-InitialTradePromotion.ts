import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createPlatformTablesV1 } from '@ocop/persistence';

/**
 * Trade promotion: the certificates it shows (a replica kept from certification's events), events and their series,
 * producers' applications with the products they bring, and the messages it sends organisers.
 */
export class InitialTradePromotion1797000000000 implements MigrationInterface {
  name = 'InitialTradePromotion1797000000000';

  async up(q: QueryRunner): Promise<void> {
    await createPlatformTablesV1(q, 'trade_promotion');
    await q.query(`CREATE TABLE trade_promotion.certificate (
      certificate_id uuid PRIMARY KEY, number text NOT NULL, code text NOT NULL, product_id uuid NOT NULL, product_name text NOT NULL,
      product_set_code text NOT NULL, producer_id uuid NOT NULL, producer_name text NOT NULL, province_code text NOT NULL,
      authority_unit_code text NOT NULL, stars int NOT NULL, valid_from timestamptz NOT NULL, valid_to timestamptz NOT NULL,
      status text NOT NULL CONSTRAINT certificate_status_check CHECK (status IN ('ACTIVE','EXPIRING','EXPIRED','SUPERSEDED','REVOKED')),
      updated_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX certificate_product_idx ON trade_promotion.certificate (product_id)`);
    await q.query(`CREATE TABLE trade_promotion.event_series (
      id uuid PRIMARY KEY, province_code text NOT NULL, title text NOT NULL, schedule jsonb NOT NULL, created_by text NOT NULL,
      created_at timestamptz NOT NULL)`);
    await q.query(`CREATE TABLE trade_promotion.promotion_event (
      id uuid PRIMARY KEY, series_id uuid CONSTRAINT promotion_event_series_fk REFERENCES trade_promotion.event_series(id), series_index int,
      province_code text NOT NULL, kind text NOT NULL, title text NOT NULL,
      organiser_kind text NOT NULL CONSTRAINT promotion_event_organiser_kind_check CHECK (organiser_kind IN ('PROVINCE','OUTSIDE')),
      organiser_name text NOT NULL, place text, channel_platform text, channel_url text,
      starts_at timestamptz NOT NULL, ends_at timestamptz NOT NULL, application_opens_at timestamptz NOT NULL, application_closes_at timestamptz NOT NULL,
      capacity int NOT NULL CONSTRAINT promotion_event_capacity_check CHECK (capacity > 0),
      capacity_unit text NOT NULL CONSTRAINT promotion_event_capacity_unit_check CHECK (capacity_unit IN ('BOOTH','SLOT')),
      support_amount_vnd bigint, support_covers_vi text, categories text[] NOT NULL,
      fairness text NOT NULL CONSTRAINT promotion_event_fairness_check CHECK (fairness IN ('FEWEST_SLOTS_FIRST','NO_SLOT_FIRST')),
      status text NOT NULL CONSTRAINT promotion_event_status_check CHECK (status IN ('SCHEDULED','SELECTED','CANCELLED')),
      seed text, selected_at timestamptz, created_by_id uuid NOT NULL, created_by text NOT NULL, created_at timestamptz NOT NULL,
      CONSTRAINT promotion_event_dates_check CHECK (ends_at >= starts_at AND application_opens_at < application_closes_at AND application_closes_at <= starts_at))`);
    await q.query(`CREATE INDEX promotion_event_province_starts_idx ON trade_promotion.promotion_event (province_code, starts_at)`);
    await q.query(`CREATE TABLE trade_promotion.application (
      id uuid PRIMARY KEY, event_id uuid NOT NULL CONSTRAINT application_event_fk REFERENCES trade_promotion.promotion_event(id),
      producer_id uuid NOT NULL, producer_name text NOT NULL, province_code text NOT NULL, district_code text, commune_code text NOT NULL,
      status text NOT NULL CONSTRAINT application_status_check CHECK (status IN ('APPLIED','SELECTED','WAITLISTED','CONFIRMED','WITHDRAWN')),
      position int, reasons jsonb NOT NULL DEFAULT '[]', applied_by_id uuid NOT NULL, applied_by text NOT NULL, applied_at timestamptz NOT NULL,
      decided_at timestamptz, confirmed_at timestamptz, withdrawn_at timestamptz, withdrawn_reason text, withdrawn_cause text,
      CONSTRAINT application_event_producer_uq UNIQUE (event_id, producer_id))`);
    await q.query(`CREATE INDEX application_producer_idx ON trade_promotion.application (producer_id, status)`);
    await q.query(`CREATE TABLE trade_promotion.application_product (
      application_id uuid NOT NULL CONSTRAINT application_product_application_fk REFERENCES trade_promotion.application(id),
      product_id uuid NOT NULL, product_name text NOT NULL,
      category text NOT NULL CONSTRAINT application_product_category_check CHECK (category IN ('OCOP','KEY_PRODUCT','TYPICAL_RURAL','SPECIALTY','CRAFT_VILLAGE','POTENTIAL')),
      certificate_id uuid, certificate_code text, stars int,
      status text NOT NULL CONSTRAINT application_product_status_check CHECK (status IN ('ACTIVE','WITHDRAWN')),
      withdrawn_reason text, withdrawn_at timestamptz,
      CONSTRAINT application_product_pk PRIMARY KEY (application_id, product_id))`);
    await q.query(
      `CREATE INDEX application_product_certificate_idx ON trade_promotion.application_product (certificate_id) WHERE status = 'ACTIVE'`,
    );
    // One message per cause and recipient: a replayed event never tells an organiser twice.
    await q.query(`CREATE TABLE trade_promotion.message (
      id uuid PRIMARY KEY, recipient_user_id uuid NOT NULL, template text NOT NULL, subject_vi text NOT NULL, body_vi text NOT NULL,
      promotion_event_id uuid, cause_key text NOT NULL, created_at timestamptz NOT NULL,
      CONSTRAINT message_cause_recipient_uq UNIQUE (cause_key, recipient_user_id))`);
    await q.query(`CREATE INDEX message_recipient_idx ON trade_promotion.message (recipient_user_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP SCHEMA trade_promotion CASCADE');
  }
}
