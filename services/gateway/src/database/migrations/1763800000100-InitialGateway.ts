import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createPlatformTablesV1 } from '@ocop/persistence';

export class InitialGateway1763800000100 implements MigrationInterface {
  name = 'InitialGateway1763800000100';

  async up(q: QueryRunner): Promise<void> {
    await createPlatformTablesV1(q, 'gateway');
    await q.query(`CREATE TABLE gateway.app_user (
      id uuid PRIMARY KEY, username text NOT NULL UNIQUE, password_hash text NOT NULL, full_name text NOT NULL, role text NOT NULL,
      province_code text NOT NULL, district_code text, commune_code text, agency_code text, producer_id uuid,
      active boolean NOT NULL DEFAULT true, created_at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA gateway CASCADE`);
  }
}
