import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Report settings, reports with their frozen figures, and the reminders sent (issue 17). */
export class Reports1798300000000 implements MigrationInterface {
  name = 'Reports1798300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE programme.report_setting (
      province_code text PRIMARY KEY, district_due_before text NOT NULL, district_recipient text NOT NULL,
      province_due_before text, province_recipient text, reminder_days int NOT NULL,
      updated_at timestamptz NOT NULL, updated_by uuid NOT NULL)`);
    await q.query(`CREATE TABLE programme.report (
      id uuid PRIMARY KEY,
      kind text NOT NULL CONSTRAINT report_kind_check CHECK (kind IN ('DISTRICT_ANNUAL','PROVINCE_ANNUAL','AD_HOC')),
      province_code text NOT NULL, unit_code text NOT NULL, unit_name text NOT NULL, year int,
      period_from date NOT NULL, period_to date NOT NULL, reference text,
      status text NOT NULL CONSTRAINT report_status_check CHECK (status IN ('SUBMITTED','ACKNOWLEDGED','GENERATED')),
      recipient text, due_before date, late boolean NOT NULL, figures jsonb NOT NULL,
      submitted_at timestamptz NOT NULL, submitted_by uuid NOT NULL,
      acknowledged_at timestamptz, acknowledged_by uuid, acknowledgement_note text)`);
    await q.query(`CREATE UNIQUE INDEX report_annual_uq ON programme.report (kind, unit_code, year) WHERE kind <> 'AD_HOC'`);
    await q.query(`CREATE INDEX report_province_idx ON programme.report (province_code, submitted_at)`);
    await q.query(`CREATE TABLE programme.report_reminder (
      id uuid PRIMARY KEY, province_code text NOT NULL, unit_code text NOT NULL, kind text NOT NULL, year int NOT NULL,
      due_before date NOT NULL, at timestamptz NOT NULL)`);
    await q.query(`CREATE UNIQUE INDEX report_reminder_uq ON programme.report_reminder (unit_code, kind, year)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE programme.report_reminder`);
    await q.query(`DROP TABLE programme.report`);
    await q.query(`DROP TABLE programme.report_setting`);
  }
}
