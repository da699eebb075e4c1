import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 1489/QĐ-TTg: the commune's assessment of its four criteria travels with the proposal. */
export class CommuneAssessment1764000000000 implements MigrationInterface {
  name = 'CommuneAssessment1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registration.dossier ADD COLUMN commune_assessment jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registration.dossier DROP COLUMN commune_assessment`);
  }
}
