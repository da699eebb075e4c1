import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createPlatformTablesV1 } from '@ocop/persistence';

export class InitialScoring1764000000000 implements MigrationInterface {
  name = 'InitialScoring1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await createPlatformTablesV1(q, 'scoring');
    await q.query(`CREATE TABLE scoring.catalogue_revision (
      id uuid PRIMARY KEY, code text NOT NULL, revision int NOT NULL, title_vi text NOT NULL, legal_versions text[] NOT NULL,
      status text NOT NULL CHECK (status IN ('PROVISIONAL','FINAL')), document jsonb NOT NULL, checksum text NOT NULL, source text NOT NULL,
      created_by text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), CONSTRAINT catalogue_revision_uq UNIQUE (code, revision))`);
    await q.query(`CREATE TABLE scoring.council (
      id uuid PRIMARY KEY, name text NOT NULL, tier text NOT NULL CHECK (tier IN ('DISTRICT','PROVINCE','CENTRAL')), unit_code text NOT NULL,
      province_code text NOT NULL, authority_name text NOT NULL, place_name text NOT NULL, quorum int NOT NULL CHECK (quorum > 0), chair_required boolean NOT NULL,
      spread_limit int NOT NULL CHECK (spread_limit >= 0), created_by text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX council_unit_idx ON scoring.council (tier, unit_code)`);
    await q.query(`CREATE TABLE scoring.council_member (
      id uuid PRIMARY KEY, council_id uuid NOT NULL REFERENCES scoring.council(id), user_id uuid NOT NULL, full_name text NOT NULL,
      agency text NOT NULL, role text NOT NULL CHECK (role IN ('CHAIR','VICE_CHAIR','MEMBER','SECRETARY','ADVISOR')), position int NOT NULL,
      CONSTRAINT council_member_uq UNIQUE (council_id, user_id))`);
    await q.query(`CREATE INDEX council_member_user_idx ON scoring.council_member (user_id)`);
    await q.query(`CREATE TABLE scoring.member_conflict (
      member_id uuid NOT NULL REFERENCES scoring.council_member(id), producer_id uuid NOT NULL, reason text NOT NULL,
      declared_by text NOT NULL, declared_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (member_id, producer_id))`);
    await q.query(`CREATE TABLE scoring.evaluation (
      id uuid PRIMARY KEY, dossier_id uuid NOT NULL, dossier_code text NOT NULL, dossier_kind text NOT NULL,
      product_id uuid NOT NULL, product_name text NOT NULL, product_set_code text NOT NULL, producer_id uuid NOT NULL, producer_name text NOT NULL,
      tier text NOT NULL, unit_code text NOT NULL, province_code text NOT NULL, district_code text, commune_code text NOT NULL,
      legal_version text NOT NULL, filed_at timestamptz NOT NULL, commune_assessment jsonb,
      lab_state text NOT NULL CHECK (lab_state IN ('NOT_REQUIRED','PENDING','PASSED','FAILED')), lab_reference text,
      status text NOT NULL CHECK (status IN ('AWAITING_SESSION','SCHEDULED','COMPLETED')), session_id uuid,
      forwarded_from uuid REFERENCES scoring.evaluation(id), last_deferral jsonb, result jsonb,
      created_at timestamptz NOT NULL DEFAULT now(), CONSTRAINT evaluation_dossier_tier_uq UNIQUE (dossier_id, tier))`);
    await q.query(`CREATE INDEX evaluation_queue_idx ON scoring.evaluation (tier, unit_code, status)`);
    await q.query(`CREATE TABLE scoring.session (
      id uuid PRIMARY KEY, council_id uuid NOT NULL REFERENCES scoring.council(id), reference text NOT NULL UNIQUE, title text NOT NULL,
      location text, scheduled_for timestamptz NOT NULL, status text NOT NULL CHECK (status IN ('OPEN','CLOSED')),
      present_member_ids uuid[] NOT NULL DEFAULT '{}', minutes jsonb, closed_at timestamptz, closed_by text,
      created_by text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX session_council_idx ON scoring.session (council_id, status)`);
    await q.query(`CREATE TABLE scoring.session_reference_counter (
      scope text PRIMARY KEY, last_number int NOT NULL)`);
    await q.query(`CREATE TABLE scoring.session_item (
      session_id uuid NOT NULL REFERENCES scoring.session(id), evaluation_id uuid NOT NULL REFERENCES scoring.evaluation(id),
      position int NOT NULL, catalogue_revision_id uuid NOT NULL REFERENCES scoring.catalogue_revision(id),
      spread_flagged boolean NOT NULL DEFAULT false, outcome text CHECK (outcome IN ('COMPLETED','DEFERRED')),
      PRIMARY KEY (session_id, evaluation_id))`);
    await q.query(`CREATE TABLE scoring.score_sheet (
      id uuid PRIMARY KEY, session_id uuid NOT NULL REFERENCES scoring.session(id), evaluation_id uuid NOT NULL REFERENCES scoring.evaluation(id),
      member_id uuid NOT NULL REFERENCES scoring.council_member(id), entries jsonb NOT NULL, total int NOT NULL CHECK (total BETWEEN 0 AND 10000),
      part_totals jsonb NOT NULL, criterion_points jsonb NOT NULL, revision int NOT NULL,
      submitted_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT score_sheet_uq UNIQUE (session_id, evaluation_id, member_id))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA scoring CASCADE`);
  }
}
