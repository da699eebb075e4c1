import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AgencyCredentials1764900000000 implements MigrationInterface {
  name = 'AgencyCredentials1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE gateway.agency (
      code text PRIMARY KEY, name text NOT NULL, event_types text[] NOT NULL, updated_at timestamptz NOT NULL)`);
    await q.query(`CREATE TABLE gateway.agency_credential (
      id uuid PRIMARY KEY, agency_code text NOT NULL REFERENCES gateway.agency(code), user_key text NOT NULL UNIQUE,
      event_types text[] NOT NULL, issued_at timestamptz NOT NULL, issued_by uuid NOT NULL,
      revoked_at timestamptz, revoked_by uuid, revoked_epoch bigint)`);
    await q.query(`CREATE INDEX agency_credential_agency ON gateway.agency_credential (agency_code, issued_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE gateway.agency_credential`);
    await q.query(`DROP TABLE gateway.agency`);
  }
}
