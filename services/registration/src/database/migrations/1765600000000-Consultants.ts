import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Consultants and producers' grants of access to them (issue 18). */
export class Consultants1765600000000 implements MigrationInterface {
  name = 'Consultants1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE registration.consultant (
      id uuid PRIMARY KEY, province_code text NOT NULL,
      kind text NOT NULL CONSTRAINT consultant_kind_check CHECK (kind IN ('FIRM','INDIVIDUAL')),
      name text NOT NULL, registration_number text, phone text NOT NULL, services text[] NOT NULL,
      created_at timestamptz NOT NULL, created_by text NOT NULL)`);
    await q.query(`CREATE INDEX consultant_province_idx ON registration.consultant (province_code, name)`);
    await q.query(`CREATE TABLE registration.consultant_grant (
      id uuid PRIMARY KEY,
      consultant_id uuid NOT NULL CONSTRAINT consultant_grant_consultant_id_fkey REFERENCES registration.consultant(id),
      producer_id uuid NOT NULL CONSTRAINT consultant_grant_producer_id_fkey REFERENCES registration.producer(id),
      granted_at timestamptz NOT NULL, granted_by text NOT NULL, revoked_at timestamptz, revoked_by text)`);
    await q.query(
      `CREATE UNIQUE INDEX consultant_grant_active_uq ON registration.consultant_grant (consultant_id, producer_id) WHERE revoked_at IS NULL`,
    );
    await q.query(`CREATE INDEX consultant_grant_producer_idx ON registration.consultant_grant (producer_id, granted_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE registration.consultant_grant`);
    await q.query(`DROP TABLE registration.consultant`);
  }
}
