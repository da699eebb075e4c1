import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createPlatformTablesV1 } from '@ocop/persistence';

export class InitialInspection1764300000000 implements MigrationInterface {
  name = 'InitialInspection1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await createPlatformTablesV1(q, 'inspection');
    await q.query(`CREATE TABLE inspection.lab (
      id uuid PRIMARY KEY, code text NOT NULL UNIQUE, name text NOT NULL, province_code text NOT NULL, indicators text[] NOT NULL,
      turnaround_days int NOT NULL CHECK (turnaround_days > 0), contact_name text NOT NULL, contact_email text, contact_phone text,
      created_by text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    // A lab's service authenticates its NATS messages with a credential; revoking one cuts it off.
    await q.query(`CREATE TABLE inspection.lab_credential (
      id uuid PRIMARY KEY, lab_id uuid NOT NULL REFERENCES inspection.lab(id), issued_by text NOT NULL, issued_at timestamptz NOT NULL, revoked_at timestamptz)`);
    await q.query(
      `CREATE TABLE inspection.sample_counter (province_code text NOT NULL, year int NOT NULL, last int NOT NULL, PRIMARY KEY (province_code, year))`,
    );
    await q.query(`CREATE TABLE inspection.sample (
      id uuid PRIMARY KEY, code text NOT NULL UNIQUE, stage text NOT NULL CHECK (stage IN ('REQUESTED','COLLECTED','DISPATCHED','RECEIVED_BY_LAB','RESULT_RECORDED','CANCELLED')),
      overdue boolean NOT NULL DEFAULT false, stage_since timestamptz NOT NULL, due_at timestamptz,
      dossier_id uuid, evaluation_id uuid, inspection_task_id uuid, product_id uuid NOT NULL, product_name text NOT NULL, product_set_code text NOT NULL,
      producer_id uuid NOT NULL, province_code text NOT NULL, lab_id uuid NOT NULL REFERENCES inspection.lab(id), indicators text[] NOT NULL,
      requested_by text NOT NULL, requested_at timestamptz NOT NULL, collected_by text, collected_at timestamptz, dispatched_at timestamptz, received_at timestamptz,
      overall text CHECK (overall IN ('PASS','FAIL')), result_reference text, indicator_results jsonb, result_checksum text, result_sheet_key text,
      recorded_via text CHECK (recorded_via IN ('API','NATS')), result_recorded_at timestamptz, cancelled_reason text)`);
    await q.query(`CREATE INDEX sample_open_idx ON inspection.sample (due_at) WHERE stage NOT IN ('RESULT_RECORDED','CANCELLED')`);
    await q.query(`CREATE INDEX sample_dossier_idx ON inspection.sample (dossier_id)`);
    await q.query(`CREATE INDEX sample_lab_idx ON inspection.sample (lab_id, stage)`);
    // Each reminder and escalation of a stage happens once: the row is the proof.
    await q.query(`CREATE TABLE inspection.sample_follow_up (
      sample_id uuid NOT NULL REFERENCES inspection.sample(id), stage text NOT NULL, kind text NOT NULL CHECK (kind IN ('REMINDER','ESCALATION')),
      due_at timestamptz NOT NULL, done_at timestamptz NOT NULL, PRIMARY KEY (sample_id, stage, kind))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP SCHEMA inspection CASCADE');
  }
}
