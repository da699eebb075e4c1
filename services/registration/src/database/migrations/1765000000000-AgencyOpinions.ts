import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Agencies' written opinions on dossiers, and the province's rules that require some before scoring (issue 16). */
export class AgencyOpinions1765000000000 implements MigrationInterface {
  name = 'AgencyOpinions1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE registration.opinion_rule (
      province_code text NOT NULL, product_group text NOT NULL, agency_code text NOT NULL, due_days int NOT NULL,
      updated_at timestamptz NOT NULL, updated_by text NOT NULL,
      PRIMARY KEY (province_code, product_group, agency_code))`);
    await q.query(`CREATE TABLE registration.dossier_opinion (
      id uuid PRIMARY KEY,
      dossier_id uuid NOT NULL CONSTRAINT dossier_opinion_dossier_id_fkey REFERENCES registration.dossier(id),
      agency_code text NOT NULL, required boolean NOT NULL,
      status text NOT NULL CONSTRAINT dossier_opinion_status_check CHECK (status IN ('REQUESTED','GIVEN')),
      requested_at timestamptz, due_at timestamptz, reminded_at timestamptz, escalated_at timestamptz,
      conclusion text CONSTRAINT dossier_opinion_conclusion_check CHECK (conclusion IN ('FAVOURABLE','CONDITIONAL','UNFAVOURABLE')),
      text text, reference text, given_at timestamptz, given_by text, given_via text,
      CONSTRAINT dossier_opinion_given_check CHECK ((status = 'GIVEN') = (given_at IS NOT NULL)),
      CONSTRAINT dossier_opinion_dossier_agency_uq UNIQUE (dossier_id, agency_code))`);
    await q.query(`CREATE INDEX dossier_opinion_due_idx ON registration.dossier_opinion (status, due_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE registration.dossier_opinion`);
    await q.query(`DROP TABLE registration.opinion_rule`);
  }
}
