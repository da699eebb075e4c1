import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Support applications, settlements, budget norms; planned classes and events among the facts (issue 17). */
export class SupportFunding1798500000000 implements MigrationInterface {
  name = 'SupportFunding1798500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE programme.support_application (
      id uuid PRIMARY KEY,
      policy_id uuid NOT NULL CONSTRAINT support_application_policy_id_fkey REFERENCES programme.support_policy(id),
      producer_id uuid NOT NULL, province_code text NOT NULL, commune_code text NOT NULL, district_code text, item text NOT NULL,
      cost_vnd bigint NOT NULL, description text NOT NULL, support_vnd bigint NOT NULL, funding_source text NOT NULL,
      status text NOT NULL CONSTRAINT support_application_status_check CHECK (status IN ('SUBMITTED','APPROVED','REJECTED','PAID')),
      reason text, submitted_at timestamptz NOT NULL, decided_at timestamptz, decided_by uuid, paid_at timestamptz, payment_reference text)`);
    await q.query(`CREATE INDEX support_application_province_idx ON programme.support_application (province_code, status)`);
    await q.query(`CREATE INDEX support_application_producer_idx ON programme.support_application (producer_id)`);
    await q.query(`CREATE TABLE programme.settlement (
      id uuid PRIMARY KEY, province_code text NOT NULL, funding_source text NOT NULL, year int NOT NULL, amount_vnd bigint NOT NULL,
      reference text NOT NULL, recorded_at timestamptz NOT NULL, recorded_by uuid NOT NULL)`);
    await q.query(`CREATE INDEX settlement_province_idx ON programme.settlement (province_code, year)`);
    await q.query(`CREATE TABLE programme.budget_norm (
      province_code text NOT NULL, year int NOT NULL, funding_source text NOT NULL, class_vnd bigint NOT NULL, event_vnd bigint NOT NULL,
      reference text NOT NULL, updated_at timestamptz NOT NULL, PRIMARY KEY (province_code, year))`);
    await q.query(`ALTER TABLE programme.fact DROP CONSTRAINT fact_kind_check`);
    await q.query(`ALTER TABLE programme.fact ADD CONSTRAINT fact_kind_check
      CHECK (kind IN ('FORWARDED_TO_MINISTRY','SALES_POINTS','CLASSES_HELD','PEOPLE_TRAINED','CLASSES_PLANNED','EVENTS_PLANNED'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM programme.fact WHERE kind IN ('CLASSES_PLANNED','EVENTS_PLANNED')`);
    await q.query(`ALTER TABLE programme.fact DROP CONSTRAINT fact_kind_check`);
    await q.query(`ALTER TABLE programme.fact ADD CONSTRAINT fact_kind_check
      CHECK (kind IN ('FORWARDED_TO_MINISTRY','SALES_POINTS','CLASSES_HELD','PEOPLE_TRAINED'))`);
    for (const t of ['budget_norm', 'settlement', 'support_application']) await q.query(`DROP TABLE programme.${t}`);
  }
}
