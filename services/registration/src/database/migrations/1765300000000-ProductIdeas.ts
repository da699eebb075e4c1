import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Product ideas before dossiers and the districts' lists of them (issue 18). */
export class ProductIdeas1765300000000 implements MigrationInterface {
  name = 'ProductIdeas1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE registration.product_idea_list (
      id uuid PRIMARY KEY, province_code text NOT NULL, district_code text NOT NULL, year int NOT NULL,
      sent_at timestamptz NOT NULL, sent_by text NOT NULL,
      CONSTRAINT product_idea_list_uq UNIQUE (district_code, year))`);
    await q.query(`CREATE INDEX product_idea_list_province_idx ON registration.product_idea_list (province_code, year)`);
    await q.query(`CREATE TABLE registration.product_idea (
      id uuid PRIMARY KEY,
      province_code text NOT NULL, district_code text NOT NULL, commune_code text NOT NULL,
      producer_id uuid NOT NULL CONSTRAINT product_idea_producer_id_fkey REFERENCES registration.producer(id),
      year int NOT NULL, name text NOT NULL, product_set_code text NOT NULL, description text,
      raw_materials text NOT NULL, expected_market text NOT NULL,
      status text NOT NULL CONSTRAINT product_idea_status_check
        CHECK (status IN ('SUBMITTED','FEASIBLE','NOT_FEASIBLE','SENT','PICKED','NOT_PICKED')),
      feasibility_reason text, assessed_at timestamptz, assessed_by text,
      list_id uuid CONSTRAINT product_idea_list_id_fkey REFERENCES registration.product_idea_list(id), sent_at timestamptz,
      decided_at timestamptz, decided_by text, decision_reason text,
      picked_product_id uuid CONSTRAINT product_idea_picked_product_id_fkey REFERENCES registration.product(id),
      picked_dossier_id uuid CONSTRAINT product_idea_picked_dossier_id_fkey REFERENCES registration.dossier(id),
      created_by text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX product_idea_district_idx ON registration.product_idea (district_code, year, status)`);
    await q.query(`CREATE INDEX product_idea_province_idx ON registration.product_idea (province_code, year, status)`);
    await q.query(`CREATE INDEX product_idea_producer_idx ON registration.product_idea (producer_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE registration.product_idea`);
    await q.query(`DROP TABLE registration.product_idea_list`);
  }
}
