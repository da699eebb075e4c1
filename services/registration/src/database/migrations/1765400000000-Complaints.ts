import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Public complaints about certified products, and the certificates they name (issue 18). */
export class Complaints1765400000000 implements MigrationInterface {
  name = 'Complaints1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE registration.issued_certificate (
      code text PRIMARY KEY,
      certificate_id uuid NOT NULL CONSTRAINT issued_certificate_certificate_id_key UNIQUE,
      number text NOT NULL,
      dossier_id uuid NOT NULL CONSTRAINT issued_certificate_dossier_id_fkey REFERENCES registration.dossier(id),
      product_name text NOT NULL, producer_name text NOT NULL, issued_at timestamptz NOT NULL)`);
    await q.query(`CREATE TABLE registration.complaint (
      id uuid PRIMARY KEY,
      receipt_code text NOT NULL CONSTRAINT complaint_receipt_code_key UNIQUE,
      certificate_code text NOT NULL, certificate_id uuid NOT NULL, certificate_number text NOT NULL,
      dossier_id uuid NOT NULL CONSTRAINT complaint_dossier_id_fkey REFERENCES registration.dossier(id),
      product_name text NOT NULL, producer_name text NOT NULL,
      province_code text NOT NULL, district_code text, commune_code text NOT NULL,
      description text NOT NULL, place text, seen_on date, contact text, fingerprint text NOT NULL, photo jsonb,
      status text NOT NULL CONSTRAINT complaint_status_check
        CHECK (status IN ('RECEIVED','CONFIRMED','DISMISSED','DUPLICATE','INSPECTING','RESOLVED')),
      submitted_at timestamptz NOT NULL, triaged_at timestamptz, triaged_by text, note_vi text,
      duplicate_of uuid CONSTRAINT complaint_duplicate_of_fkey REFERENCES registration.complaint(id),
      campaign_id uuid, violations int, outcome_vi text, history jsonb NOT NULL)`);
    await q.query(`CREATE INDEX complaint_province_idx ON registration.complaint (province_code, status, submitted_at)`);
    await q.query(`CREATE INDEX complaint_certificate_idx ON registration.complaint (certificate_code, submitted_at)`);
    await q.query(`CREATE INDEX complaint_fingerprint_idx ON registration.complaint (fingerprint, submitted_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE registration.complaint`);
    await q.query(`DROP TABLE registration.issued_certificate`);
  }
}
