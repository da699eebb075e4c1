import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Re-evaluation invitations: the first expiry notice of a certificate invites its producer to file a
 * RE_EVALUATION dossier. The unit codes are the certified dossier's, so the list is scoped like dossiers.
 */
export class ReevaluationInvitation1764100000000 implements MigrationInterface {
  name = 'ReevaluationInvitation1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE registration.reevaluation_invitation (
      id uuid PRIMARY KEY, certificate_id uuid NOT NULL UNIQUE, certificate_number text NOT NULL, certificate_code text NOT NULL,
      product_id uuid NOT NULL REFERENCES registration.product(id), product_name text NOT NULL,
      producer_id uuid NOT NULL REFERENCES registration.producer(id), dossier_id uuid NOT NULL REFERENCES registration.dossier(id),
      province_code text NOT NULL, district_code text, commune_code text NOT NULL,
      valid_to timestamptz NOT NULL, opened_at timestamptz NOT NULL, last_notice_days int NOT NULL,
      status text NOT NULL CHECK (status IN ('OPEN','DOSSIER_FILED','CLOSED')),
      reevaluation_dossier_id uuid REFERENCES registration.dossier(id),
      closed_reason text CHECK (closed_reason IN ('SUPERSEDED','EXPIRED','REVOKED')), closed_at timestamptz,
      CHECK ((status = 'CLOSED') = (closed_reason IS NOT NULL)))`);
    await q.query(`CREATE INDEX reevaluation_invitation_product_idx ON registration.reevaluation_invitation (product_id, status)`);
    await q.query(`CREATE INDEX reevaluation_invitation_producer_idx ON registration.reevaluation_invitation (producer_id, status)`);
    await q.query(`CREATE INDEX reevaluation_invitation_commune_idx ON registration.reevaluation_invitation (commune_code, status)`);
    await q.query(`CREATE INDEX reevaluation_invitation_district_idx ON registration.reevaluation_invitation (district_code, status)`);
    await q.query(`CREATE INDEX reevaluation_invitation_province_idx ON registration.reevaluation_invitation (province_code, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE registration.reevaluation_invitation`);
  }
}
