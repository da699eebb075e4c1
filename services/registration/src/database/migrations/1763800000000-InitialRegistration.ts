import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createPlatformTablesV1 } from '@ocop/persistence';

export class InitialRegistration1763800000000 implements MigrationInterface {
  name = 'InitialRegistration1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await createPlatformTablesV1(q, 'registration');
    await q.query(`CREATE TABLE registration.administrative_unit (
      code text PRIMARY KEY, level text NOT NULL CHECK (level IN ('PROVINCE','DISTRICT','COMMUNE')), name text NOT NULL,
      parent_code text REFERENCES registration.administrative_unit(code), province_code text NOT NULL, district_code text)`);
    await q.query(`CREATE INDEX administrative_unit_parent_idx ON registration.administrative_unit (parent_code)`);
    await q.query(`CREATE TABLE registration.producer (
      id uuid PRIMARY KEY, type text NOT NULL, name text NOT NULL, business_registration_number text NOT NULL UNIQUE,
      representative_name text NOT NULL, phone text NOT NULL, email text, address text NOT NULL,
      province_code text NOT NULL, district_code text, commune_code text NOT NULL REFERENCES registration.administrative_unit(code),
      woman_led boolean NOT NULL, ethnic_minority boolean NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX producer_commune_idx ON registration.producer (commune_code)`);
    await q.query(`CREATE TABLE registration.product (
      id uuid PRIMARY KEY, producer_id uuid NOT NULL REFERENCES registration.producer(id), name text NOT NULL,
      product_set_code text NOT NULL, description text, created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX product_producer_idx ON registration.product (producer_id)`);
    await q.query(`CREATE TABLE registration.evaluation_round (
      id uuid PRIMARY KEY, province_code text NOT NULL, cycle_year int NOT NULL, number int NOT NULL, name text NOT NULL,
      opens_on date NOT NULL, closes_on date NOT NULL, CHECK (closes_on >= opens_on),
      CONSTRAINT evaluation_round_uq UNIQUE (province_code, cycle_year, number))`);
    await q.query(`CREATE SEQUENCE registration.dossier_code_seq`);
    await q.query(`CREATE TABLE registration.dossier (
      id uuid PRIMARY KEY, code text NOT NULL UNIQUE, product_id uuid NOT NULL REFERENCES registration.product(id),
      producer_id uuid NOT NULL REFERENCES registration.producer(id), kind text NOT NULL, status text NOT NULL,
      legal_version text, cycle_year int NOT NULL, province_code text NOT NULL, district_code text, commune_code text NOT NULL,
      filed_at timestamptz, proposed_tier text, proposed_to_unit_code text, round_id uuid REFERENCES registration.evaluation_round(id),
      proposal_reference text, return_reasons jsonb NOT NULL DEFAULT '[]', version int NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX dossier_commune_idx ON registration.dossier (commune_code, status)`);
    await q.query(`CREATE INDEX dossier_proposed_idx ON registration.dossier (proposed_to_unit_code, status)`);
    await q.query(`CREATE INDEX dossier_province_idx ON registration.dossier (province_code, status)`);
    await q.query(`CREATE TABLE registration.dossier_document (
      id uuid PRIMARY KEY, dossier_id uuid NOT NULL REFERENCES registration.dossier(id), type text NOT NULL, file_name text NOT NULL,
      content_type text NOT NULL, size int NOT NULL, sha256 text NOT NULL, storage_key text NOT NULL, uploaded_by text NOT NULL,
      uploaded_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX dossier_document_dossier_idx ON registration.dossier_document (dossier_id)`);
    await q.query(`CREATE TABLE registration.dossier_timeline (
      event_id uuid PRIMARY KEY, dossier_id uuid NOT NULL, type text NOT NULL, source text NOT NULL, occurred_at timestamptz NOT NULL,
      actor_id text, actor_role text, data jsonb NOT NULL)`);
    await q.query(`CREATE INDEX dossier_timeline_dossier_idx ON registration.dossier_timeline (dossier_id, occurred_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA registration CASCADE`);
  }
}
