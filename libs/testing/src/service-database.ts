import type { DataSource } from 'typeorm';
import { createServiceDataSource, initializeServiceDatabase } from '@ocop/persistence';
import type { MigrationSet } from './template-database';
import { createTestEnv, type TestEnv } from './test-env';

/** One test file's database (cloned from the migrated template) with a DataSource on one service's schema. */
export interface ServiceTestDatabase {
  env: TestEnv;
  ds: DataSource;
  close(): Promise<void>;
}

export async function openServiceTestDatabase(set: MigrationSet, applicationName: string, poolSize = 4): Promise<ServiceTestDatabase> {
  const env = await createTestEnv();
  const ds = await initializeServiceDatabase(createServiceDataSource({ ...set, url: env.databaseUrl, applicationName, poolSize }));
  return {
    env,
    ds,
    async close() {
      await ds.destroy();
      await env.cleanup();
    },
  };
}

/**
 * Migrations are history, entities are how the code reads it (STYLE.md): after every migration ran, each table of the
 * service's schema has an entity and TypeORM finds nothing to change (a column, type, nullability, default, key, index
 * or check the entities declared differently would be an up query).
 */
export function describeEntitiesMatchMigrations(service: string, set: MigrationSet): void {
  describe(`${service} entities and migrations`, () => {
    let db: ServiceTestDatabase;

    beforeAll(async () => {
      db = await openServiceTestDatabase(set, `${service}-schema-test`, 2);
    });

    afterAll(async () => {
      await db?.close();
    });

    it('declares every table of the schema as an entity', async () => {
      const tables: { table_name: string }[] = await db.ds.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name <> 'migrations' ORDER BY table_name`,
        [set.schema],
      );
      const mapped = new Set(db.ds.entityMetadatas.map((m) => m.tableName));
      expect(tables.map((t) => t.table_name).filter((t) => !mapped.has(t))).toEqual([]);
    });

    it('leaves TypeORM nothing to generate after the migrations', async () => {
      const log = await db.ds.driver.createSchemaBuilder().log();
      expect(log.upQueries.map((q) => q.query)).toEqual([]);
    });
  });
}
