import type { MigrationInterface, QueryRunner } from 'typeorm';

/** national-hub mode: what provinces shared, and how far the national stream was read (issue 17). */
export class NationalHub1798600000000 implements MigrationInterface {
  name = 'NationalHub1798600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE programme.national_record (
      event_id uuid PRIMARY KEY, domain text NOT NULL, type text NOT NULL, province_code text NOT NULL, data jsonb NOT NULL,
      occurred_at timestamptz NOT NULL, received_at timestamptz NOT NULL, seq bigint NOT NULL)`);
    await q.query(`CREATE INDEX national_record_type_idx ON programme.national_record (type, province_code)`);
    await q.query(`CREATE TABLE programme.national_cursor (stream text PRIMARY KEY, last_seq bigint NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE programme.national_cursor`);
    await q.query(`DROP TABLE programme.national_record`);
  }
}
