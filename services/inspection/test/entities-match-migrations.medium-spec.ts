import { createServiceDataSource } from '@ocop/persistence';
import { createTestEnv, type TestEnv } from '@ocop/testing';
import type { DataSource } from 'typeorm';
import { INSPECTION_DATABASE } from '../src/database/inspection.database';

/** Migrations are history, entities are how the code reads it: after the migrations, TypeORM sees nothing to change. */
describe('inspection entities and migrations', () => {
  let env: TestEnv;
  let ds: DataSource;

  beforeAll(async () => {
    env = await createTestEnv();
    ds = await createServiceDataSource({
      ...INSPECTION_DATABASE,
      url: env.databaseUrl,
      applicationName: 'inspection-schema-test',
      poolSize: 2,
    }).initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
    await env?.cleanup();
  });

  it('has every migration applied in the cloned template', async () => {
    expect(await ds.showMigrations()).toBe(false);
  });

  it('declares every table of the schema as an entity', async () => {
    const tables: { table_name: string }[] = await ds.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'inspection' AND table_name <> 'migrations' ORDER BY table_name`,
    );
    const declared = ds.entityMetadatas.map((m) => m.tableName).sort();
    expect(declared).toEqual(tables.map((t) => t.table_name));
  });

  it('leaves TypeORM nothing to generate', async () => {
    const sql = await ds.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });
});
