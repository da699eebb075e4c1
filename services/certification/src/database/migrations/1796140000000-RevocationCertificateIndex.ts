import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every public verification joins a certificate to its revocations (`revocation.certificate_id`), which only partial
 * indexes covered (expiry, open requests): the join read the whole revocation table for each lookup.
 */
export class RevocationCertificateIndex1796140000000 implements MigrationInterface {
  name = 'RevocationCertificateIndex1796140000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX revocation_certificate_idx ON certification.revocation (certificate_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX certification.revocation_certificate_idx');
  }
}
