import type { DataSource } from 'typeorm';
import { createTestEnv, type TestEnv } from '@ocop/testing';
import { openRegistrationDb } from './support/registration-db';

/**
 * The entities describe the tables the migrations made: after every migration ran, TypeORM finds nothing
 * to change (a column, type, nullability, default, key or index the entities declare differently would be
 * an up query here).
 */
describe('registration entities and migrations', () => {
  let env: TestEnv;
  let ds: DataSource;

  beforeAll(async () => {
    env = await createTestEnv();
    ds = await openRegistrationDb(env);
  });

  afterAll(async () => {
    await ds?.destroy();
    await env?.cleanup();
  });

  it('describe the same schema', async () => {
    const log = await ds.driver.createSchemaBuilder().log();
    expect(log.upQueries.map((q) => q.query)).toEqual([]);
  });
});
