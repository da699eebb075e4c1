import { createServiceDataSource, initializeServiceDatabase } from '@ocop/persistence';
import { createTestEnv, type TestEnv } from '@ocop/testing';
import type { DataSource } from 'typeorm';
import { CERTIFICATION_DATABASE } from '../src/database/certification.database';

/**
 * Migrations are the history of the schema and the entities its description: once the migrations have run,
 * TypeORM finds nothing to change (no table, column, index, unique key, check or foreign key differs).
 */
describe('certification entities match the migrations', () => {
  let env: TestEnv;
  let ds: DataSource;

  beforeAll(async () => {
    env = await createTestEnv();
    ds = await initializeServiceDatabase(
      createServiceDataSource({
        ...CERTIFICATION_DATABASE,
        url: env.databaseUrl,
        applicationName: 'certification-schema-test',
        poolSize: 2,
      }),
    );
  });

  afterAll(async () => {
    await ds?.destroy();
    await env?.cleanup();
  });

  it('the schema builder has no query to run after the migrations', async () => {
    const log = await ds.driver.createSchemaBuilder().log();
    expect(log.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('every table of the certification migrations has an entity', async () => {
    const tables: { table_name: string }[] = await ds.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'certification' AND table_name <> 'migrations' ORDER BY table_name`,
    );
    const mapped = new Set(ds.entityMetadatas.map((m) => m.tableName));
    expect(tables.map((t) => t.table_name).filter((t) => !mapped.has(t))).toEqual([]);
  });
});
