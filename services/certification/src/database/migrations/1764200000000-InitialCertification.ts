import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createPlatformTablesV1 } from '@ocop/persistence';

export class InitialCertification1764200000000 implements MigrationInterface {
  name = 'InitialCertification1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await createPlatformTablesV1(q, 'certification');
    // Issuer keys ever used (the trust list). Private keys live only in configuration.
    await q.query(`CREATE TABLE certification.signing_key (
      kid text PRIMARY KEY, alg text NOT NULL, public_jwk jsonb NOT NULL, first_used_at timestamptz NOT NULL DEFAULT now(),
      active_since timestamptz, retired_at timestamptz, compromised_at timestamptz)`);
    // Numbering per authority and year (decisions, certificate numbers): no gaps, one row lock per counter.
    await q.query(`CREATE TABLE certification.counter (
      kind text NOT NULL, authority_unit_code text NOT NULL, year int NOT NULL, last int NOT NULL, PRIMARY KEY (kind, authority_unit_code, year))`);
    await q.query(`CREATE TABLE certification.decision (
      id uuid PRIMARY KEY, kind text NOT NULL CHECK (kind IN ('ISSUE','REVOKE')), authority_unit_code text NOT NULL, authority_tier text NOT NULL,
      province_code text NOT NULL, year int NOT NULL, seq int NOT NULL, reference text NOT NULL, session_id uuid, cites_decision_id uuid REFERENCES certification.decision(id),
      authority_vi text NOT NULL, issuer_vi text NOT NULL, place_vi text NOT NULL, decided_at timestamptz NOT NULL, decided_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(), CONSTRAINT decision_number_uq UNIQUE (authority_unit_code, year, seq))`);
    await q.query(
      `CREATE UNIQUE INDEX decision_session_uq ON certification.decision (session_id, authority_unit_code) WHERE kind = 'ISSUE'`,
    );
    await q.query(`CREATE TABLE certification.certificate (
      id uuid PRIMARY KEY, number text NOT NULL UNIQUE, code text NOT NULL UNIQUE, evaluation_id uuid NOT NULL UNIQUE, dossier_id uuid NOT NULL,
      product_id uuid NOT NULL, producer_id uuid NOT NULL, product_name text NOT NULL, producer_name text NOT NULL, product_set_code text NOT NULL,
      stars int NOT NULL CHECK (stars BETWEEN 3 AND 5), tier text NOT NULL, authority_unit_code text NOT NULL, province_code text NOT NULL,
      decision_id uuid NOT NULL REFERENCES certification.decision(id), valid_from timestamptz NOT NULL, valid_to timestamptz NOT NULL,
      status text NOT NULL CHECK (status IN ('ACTIVE','EXPIRING','EXPIRED','SUPERSEDED','REVOKED')), status_changed_at timestamptz NOT NULL,
      supersedes_id uuid REFERENCES certification.certificate(id), superseded_by_id uuid REFERENCES certification.certificate(id),
      revoked_at timestamptz, revocation_reason_code text, kid text REFERENCES certification.signing_key(kid), signature text,
      issued_at timestamptz NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX certificate_sweep_idx ON certification.certificate (valid_to, id) WHERE status IN ('ACTIVE','EXPIRING')`);
    // Expired and never replaced: the candidates for an automatic revocation request.
    await q.query(
      `CREATE INDEX certificate_lapsed_idx ON certification.certificate (valid_to, id) WHERE status = 'EXPIRED' AND superseded_by_id IS NULL`,
    );
    await q.query(`CREATE INDEX certificate_product_idx ON certification.certificate (product_id)`);
    await q.query(`CREATE INDEX certificate_producer_idx ON certification.certificate (producer_id)`);
    await q.query(`CREATE INDEX certificate_authority_idx ON certification.certificate (province_code, authority_unit_code)`);
    await q.query(`CREATE INDEX certificate_revoked_idx ON certification.certificate (revoked_at) WHERE status = 'REVOKED'`);
    // One row per (certificate, milestone): the uniqueness that makes each notice happen once, whatever the sweeps.
    await q.query(`CREATE TABLE certification.certificate_notice (
      certificate_id uuid NOT NULL REFERENCES certification.certificate(id), milestone_days int NOT NULL, recorded_at timestamptz NOT NULL,
      notified boolean NOT NULL, PRIMARY KEY (certificate_id, milestone_days))`);
    await q.query(`CREATE TABLE certification.revocation (
      id uuid PRIMARY KEY, certificate_id uuid NOT NULL REFERENCES certification.certificate(id),
      source text NOT NULL CHECK (source IN ('INSPECTION','OFFICE','EXPIRY')), source_reference text, reason_code text NOT NULL, details text NOT NULL,
      status text NOT NULL CHECK (status IN ('REQUESTED','REJECTED','REVOKED','RETURN_CONFIRMED','ESCALATED')),
      requested_by text NOT NULL, requested_at timestamptz NOT NULL, decision_id uuid REFERENCES certification.decision(id), decided_by text, decided_at timestamptz,
      rejection_note text, return_deadline timestamptz, reminder_due_at timestamptz, reminder_sent_at timestamptz, return_confirmed_at timestamptz,
      return_confirmed_by text, escalated_at timestamptz)`);
    // Exactly one request per violation reported by a source, and one automatic request per expired certificate.
    await q.query(
      `CREATE UNIQUE INDEX revocation_source_uq ON certification.revocation (source, source_reference) WHERE source_reference IS NOT NULL`,
    );
    await q.query(`CREATE UNIQUE INDEX revocation_expiry_uq ON certification.revocation (certificate_id) WHERE source = 'EXPIRY'`);
    await q.query(`CREATE UNIQUE INDEX revocation_open_uq ON certification.revocation (certificate_id) WHERE status = 'REQUESTED'`);
    await q.query(`CREATE INDEX revocation_follow_up_idx ON certification.revocation (status, return_deadline)`);
    // Messages to producers: written in the transaction of the change they report, sent by channel adapters.
    await q.query(`CREATE TABLE certification.notification (
      id uuid PRIMARY KEY, producer_id uuid NOT NULL, template text NOT NULL, subject text NOT NULL, body text NOT NULL, channels text[] NOT NULL,
      certificate_id uuid, dossier_id uuid, dedup_key text NOT NULL UNIQUE, status text NOT NULL CHECK (status IN ('PENDING','SENT','FAILED')),
      attempts int NOT NULL DEFAULT 0, last_error text, created_at timestamptz NOT NULL, sent_at timestamptz)`);
    await q.query(`CREATE INDEX notification_pending_idx ON certification.notification (created_at) WHERE status = 'PENDING'`);
    await q.query(`CREATE INDEX notification_producer_idx ON certification.notification (producer_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP SCHEMA certification CASCADE');
  }
}
