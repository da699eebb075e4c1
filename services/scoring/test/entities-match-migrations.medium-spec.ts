import { createServiceDataSource } from '@ocop/persistence';
import { createTestEnv, type TestEnv } from '@ocop/testing';
import type { DataSource } from 'typeorm';
import { SCORING_DATABASE } from '../src/database/scoring.database';

/**
 * The entities describe the tables the migrations made, column for column: after the migrations ran (the test
 * template), TypeORM finds nothing to change. A difference here means an entity drifted from its migration.
 */
describe('scoring entities match the migrations', () => {
  let env: TestEnv;
  let ds: DataSource;

  beforeAll(async () => {
    env = await createTestEnv();
    ds = await createServiceDataSource({
      ...SCORING_DATABASE,
      url: env.databaseUrl,
      applicationName: 'scoring-schema-test',
      poolSize: 2,
    }).initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
    await env?.cleanup();
  });

  it('every table of the scoring schema has an entity', async () => {
    const tables: { table_name: string }[] = await ds.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'scoring' AND table_name <> 'migrations' ORDER BY 1`,
    );
    const mapped = new Set(ds.entityMetadatas.map((m) => m.tableName));
    expect(tables.map((t) => t.table_name).filter((t) => !mapped.has(t))).toEqual([]);
  });

  it('generating a migration from the entities produces nothing', async () => {
    const sql = await ds.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });
});
