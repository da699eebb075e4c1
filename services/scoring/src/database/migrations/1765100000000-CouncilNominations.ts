import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Agencies' nominations for seats on units' councils (issue 16). */
export class CouncilNominations1765100000000 implements MigrationInterface {
  name = 'CouncilNominations1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE scoring.council_nomination (
      id uuid PRIMARY KEY, agency_code text NOT NULL, tier text NOT NULL, unit_code text NOT NULL, province_code text NOT NULL,
      user_id uuid NOT NULL, full_name text NOT NULL, agency text NOT NULL,
      role text NOT NULL CONSTRAINT council_nomination_role_check CHECK (role IN ('VICE_CHAIR','MEMBER','ADVISOR')),
      note text,
      status text NOT NULL CONSTRAINT council_nomination_status_check CHECK (status IN ('PENDING','ACCEPTED','REJECTED','SEATED')),
      nominated_by uuid NOT NULL, nominated_at timestamptz NOT NULL, decided_by uuid, decided_at timestamptz, reason text,
      council_id uuid)`);
    await q.query(
      `CREATE UNIQUE INDEX council_nomination_live_uq ON scoring.council_nomination (tier, unit_code, user_id) WHERE status IN ('PENDING','ACCEPTED')`,
    );
    await q.query(`CREATE INDEX council_nomination_unit_idx ON scoring.council_nomination (tier, unit_code, status)`);
    await q.query(`CREATE INDEX council_nomination_agency_idx ON scoring.council_nomination (agency_code, nominated_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE scoring.council_nomination`);
  }
}
