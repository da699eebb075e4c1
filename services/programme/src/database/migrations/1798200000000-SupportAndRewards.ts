import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Support policies and the rewards they pay for certificates (issue 17). */
export class SupportAndRewards1798200000000 implements MigrationInterface {
  name = 'SupportAndRewards1798200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE programme.support_policy (
      id uuid PRIMARY KEY, title text NOT NULL, resolution text NOT NULL,
      level text NOT NULL CONSTRAINT support_policy_level_check CHECK (level IN ('PROVINCE','DISTRICT')),
      unit_code text NOT NULL, province_code text NOT NULL,
      kind text NOT NULL CONSTRAINT support_policy_kind_check CHECK (kind IN ('REWARD','SUPPORT')),
      funding_source text NOT NULL CONSTRAINT support_policy_funding_source_check
        CHECK (funding_source IN ('PROVINCE_BUDGET','DISTRICT_BUDGET','NATIONAL_TARGET_PROGRAMME','OTHER_LAWFUL')),
      valid_from date NOT NULL, valid_to date, counterpart_percent int NOT NULL,
      rewards jsonb NOT NULL, counting_rule text, items jsonb NOT NULL,
      created_by uuid NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX support_policy_province_idx ON programme.support_policy (province_code, kind)`);
    await q.query(`CREATE TABLE programme.reward (
      id uuid PRIMARY KEY,
      policy_id uuid NOT NULL CONSTRAINT reward_policy_id_fkey REFERENCES programme.support_policy(id),
      certificate_id uuid NOT NULL, certificate_number text NOT NULL, producer_id uuid NOT NULL, product_name text NOT NULL,
      province_code text NOT NULL, district_code text, stars int NOT NULL, amount_vnd bigint NOT NULL, funding_source text NOT NULL,
      status text NOT NULL CONSTRAINT reward_status_check CHECK (status IN ('ELIGIBLE','PAID','STOPPED')),
      eligible_at timestamptz NOT NULL, paid_at timestamptz, payment_reference text, paid_by uuid, stopped_at timestamptz)`);
    await q.query(`CREATE UNIQUE INDEX reward_policy_certificate_uq ON programme.reward (policy_id, certificate_id)`);
    await q.query(`CREATE INDEX reward_certificate_idx ON programme.reward (certificate_id)`);
    await q.query(`CREATE INDEX reward_province_idx ON programme.reward (province_code, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE programme.reward`);
    await q.query(`DROP TABLE programme.support_policy`);
  }
}
