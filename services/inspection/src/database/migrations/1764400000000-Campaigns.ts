import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Campaigns1764400000000 implements MigrationInterface {
  name = 'Campaigns1764400000000';

  async up(q: QueryRunner): Promise<void> {
    // Certificates as certification's events describe them: what campaigns select from.
    await q.query(`CREATE TABLE inspection.certificate_pool (
      certificate_id uuid PRIMARY KEY, number text NOT NULL, code text NOT NULL, product_id uuid NOT NULL, product_name text NOT NULL, product_set_code text NOT NULL,
      product_group text NOT NULL, producer_id uuid NOT NULL, province_code text NOT NULL, authority_unit_code text NOT NULL, stars int NOT NULL,
      valid_from timestamptz NOT NULL, valid_to timestamptz NOT NULL, issued_at timestamptz NOT NULL,
      status text NOT NULL CHECK (status IN ('ACTIVE','EXPIRING','EXPIRED','SUPERSEDED','REVOKED')), updated_at timestamptz NOT NULL)`);
    await q.query(
      `CREATE INDEX certificate_pool_active_idx ON inspection.certificate_pool (province_code) WHERE status IN ('ACTIVE','EXPIRING')`,
    );
    await q.query(`CREATE TABLE inspection.campaign (
      id uuid PRIMARY KEY, name text NOT NULL, legal_basis text NOT NULL, province_code text NOT NULL, period_from timestamptz NOT NULL, period_to timestamptz NOT NULL,
      scope jsonb NOT NULL, rule jsonb NOT NULL, checklist jsonb NOT NULL, team jsonb NOT NULL, origin text NOT NULL CHECK (origin IN ('PLANNED','COMPLAINT','AGENCY')),
      origin_reference text, status text NOT NULL CHECK (status IN ('PLANNED','OPEN','CLOSED')), selected_at timestamptz, created_by text NOT NULL, created_at timestamptz NOT NULL)`);
    await q.query(`CREATE TABLE inspection.task (
      id uuid PRIMARY KEY, campaign_id uuid NOT NULL REFERENCES inspection.campaign(id), certificate_id uuid NOT NULL REFERENCES inspection.certificate_pool(certificate_id),
      rank int NOT NULL, risk_score int, risk_reasons text[] NOT NULL DEFAULT '{}', assignee_user_id uuid, due_at timestamptz NOT NULL,
      status text NOT NULL CHECK (status IN ('OPEN','COMPLETED','CANCELLED')), completed_at timestamptz, completed_by text, cancelled_reason text,
      CONSTRAINT task_campaign_certificate_uq UNIQUE (campaign_id, certificate_id))`);
    await q.query(`CREATE INDEX task_certificate_idx ON inspection.task (certificate_id, status)`);
    await q.query(`CREATE INDEX task_assignee_idx ON inspection.task (assignee_user_id, status)`);
    await q.query(`CREATE TABLE inspection.finding (
      id uuid PRIMARY KEY, task_id uuid NOT NULL REFERENCES inspection.task(id), item_code text NOT NULL,
      severity text NOT NULL CHECK (severity IN ('COMPLIANT','MINOR','MAJOR','CRITICAL')), note text, evidence_keys text[] NOT NULL DEFAULT '{}',
      recorded_by text NOT NULL, recorded_at timestamptz NOT NULL, CONSTRAINT finding_item_uq UNIQUE (task_id, item_code))`);
    // A violation: a finding (or a failed lab result) that needs correcting or revocation. One revocation request each, at most.
    await q.query(`CREATE TABLE inspection.violation (
      id uuid PRIMARY KEY, task_id uuid NOT NULL REFERENCES inspection.task(id), certificate_id uuid NOT NULL, finding_id uuid UNIQUE REFERENCES inspection.finding(id),
      sample_id uuid UNIQUE, severity text NOT NULL, reason_code text NOT NULL, details text NOT NULL, corrective_deadline timestamptz,
      status text NOT NULL CHECK (status IN ('CORRECTIVE_ACTION','CORRECTED','REVOCATION_REQUESTED')), corrected_at timestamptz, corrected_by text,
      revocation_requested_at timestamptz, created_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX violation_due_idx ON inspection.violation (corrective_deadline) WHERE status = 'CORRECTIVE_ACTION'`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['violation', 'finding', 'task', 'campaign', 'certificate_pool']) await q.query(`DROP TABLE inspection.${t}`);
  }
}
