import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createPlatformTablesV1 } from '@ocop/persistence';

/** The programme's schema (issue 17, first step): the certificates it counts, plans and their targets. */
export class InitialProgramme1798000000000 implements MigrationInterface {
  name = 'InitialProgramme1798000000000';

  async up(q: QueryRunner): Promise<void> {
    await createPlatformTablesV1(q, 'programme');
    await q.query(`CREATE TABLE programme.certificate (
      certificate_id uuid PRIMARY KEY, number text NOT NULL, code text NOT NULL, product_id uuid NOT NULL, product_name text NOT NULL,
      product_set_code text NOT NULL, producer_id uuid NOT NULL, province_code text NOT NULL, authority_unit_code text NOT NULL,
      stars int NOT NULL, valid_from timestamptz NOT NULL, valid_to timestamptz NOT NULL,
      status text NOT NULL CONSTRAINT certificate_status_check CHECK (status IN ('ACTIVE','EXPIRING','EXPIRED','SUPERSEDED','REVOKED')),
      updated_at timestamptz NOT NULL, district_code text, issued_at timestamptz NOT NULL, supersedes uuid)`);
    await q.query(`CREATE INDEX certificate_count_idx ON programme.certificate (province_code, issued_at)`);
    await q.query(`CREATE TABLE programme.plan (
      id uuid PRIMARY KEY, title text NOT NULL, reference text NOT NULL,
      level text NOT NULL CONSTRAINT plan_level_check CHECK (level IN ('PROVINCE','DISTRICT')),
      unit_code text NOT NULL, province_code text NOT NULL, from_year int NOT NULL, to_year int NOT NULL,
      counting_rule text NOT NULL CONSTRAINT plan_counting_rule_check CHECK (counting_rule IN ('FIRST_CERTIFICATION','ALL')),
      created_by uuid NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX plan_province_idx ON programme.plan (province_code, from_year)`);
    await q.query(`CREATE TABLE programme.plan_target (
      id uuid PRIMARY KEY,
      plan_id uuid NOT NULL CONSTRAINT plan_target_plan_id_fkey REFERENCES programme.plan(id),
      kind text NOT NULL CONSTRAINT plan_target_kind_check CHECK (kind IN ('CERTIFIED_PRODUCTS')),
      unit_code text NOT NULL, stars int, year int NOT NULL, value int NOT NULL)`);
    await q.query(
      `CREATE UNIQUE INDEX plan_target_uq ON programme.plan_target (plan_id, kind, unit_code, year, stars) WHERE stars IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX plan_target_any_stars_uq ON programme.plan_target (plan_id, kind, unit_code, year) WHERE stars IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP SCHEMA programme CASCADE');
  }
}
