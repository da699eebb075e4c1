import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Products' priority categories (issue 17). */
export class ProductAttributes1765200000000 implements MigrationInterface {
  name = 'ProductAttributes1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registration.product
      ADD COLUMN processing_level text CONSTRAINT product_processing_level_check CHECK (processing_level IN ('RAW','PRELIMINARY','PROCESSED','DEEP_PROCESSED')),
      ADD COLUMN gift boolean NOT NULL DEFAULT false, ADD COLUMN export boolean NOT NULL DEFAULT false,
      ADD COLUMN community_tourism boolean NOT NULL DEFAULT false, ADD COLUMN green_value_chain boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registration.product DROP COLUMN processing_level, DROP COLUMN gift, DROP COLUMN export,
      DROP COLUMN community_tourism, DROP COLUMN green_value_chain`);
  }
}
