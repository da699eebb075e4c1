import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Recurrences1764500000000 implements MigrationInterface {
  name = 'Recurrences1764500000000';

  async up(q: QueryRunner): Promise<void> {
    // A recurring campaign (e.g. every quarter): a template the scheduler turns into one campaign per period.
    await q.query(`CREATE TABLE inspection.campaign_recurrence (
      id uuid PRIMARY KEY, name text NOT NULL, province_code text NOT NULL, cron text NOT NULL, period_days int NOT NULL CHECK (period_days > 0),
      template jsonb NOT NULL, active boolean NOT NULL DEFAULT true, created_by text NOT NULL, created_at timestamptz NOT NULL)`);
    await q.query(`ALTER TABLE inspection.campaign ADD COLUMN recurrence_id uuid REFERENCES inspection.campaign_recurrence(id)`);
    // One campaign per recurrence and period, however often its job runs.
    await q.query(
      `CREATE UNIQUE INDEX campaign_recurrence_period_uq ON inspection.campaign (recurrence_id, period_from) WHERE recurrence_id IS NOT NULL`,
    );
    // An agency's report (or a complaint) opens one ad-hoc campaign, whatever the redeliveries.
    // Photos and documents an inspector uploads for a task; findings cite them by storage key.
    await q.query(`CREATE TABLE inspection.task_evidence (
      storage_key text PRIMARY KEY, task_id uuid NOT NULL REFERENCES inspection.task(id), file_name text NOT NULL, content_type text NOT NULL, size int NOT NULL,
      sha256 text NOT NULL, uploaded_by text NOT NULL, uploaded_at timestamptz NOT NULL)`);
    await q.query(
      `CREATE UNIQUE INDEX campaign_origin_uq ON inspection.campaign (origin, origin_reference) WHERE origin_reference IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE inspection.task_evidence');
    await q.query('DROP INDEX inspection.campaign_origin_uq');
    await q.query('DROP INDEX inspection.campaign_recurrence_period_uq');
    await q.query('ALTER TABLE inspection.campaign DROP COLUMN recurrence_id');
    await q.query('DROP TABLE inspection.campaign_recurrence');
  }
}
