import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Role } from '@ocop/contracts';
import { createServiceDataSource, initializeServiceDatabase } from '@ocop/persistence';
import { createTestEnv, type TestEnv } from '@ocop/testing';
import { GATEWAY_DATABASE } from '../src/database/gateway.database';
import { UsersRepository } from '../src/identity/users.repository';
import { User } from '../src/identity/user.entity';

/** The identity module's table against PostgreSQL: the entity matches the migrations, and an admin lists only its province's users. */
describe('identity: users table and repository', () => {
  let env: TestEnv;
  let ds: DataSource;
  let repo: UsersRepository;

  const user = (username: string, provinceCode: string, over: Partial<User> = {}) =>
    Object.assign(new User(), {
      id: randomUUID(),
      username,
      passwordHash: 'x',
      fullName: username,
      role: Role.PROVINCE_OFFICE,
      provinceCode,
      districtCode: null,
      communeCode: null,
      agencyCode: null,
      producerId: null,
      active: true,
      ...over,
    });

  beforeAll(async () => {
    env = await createTestEnv();
    ds = await initializeServiceDatabase(
      createServiceDataSource({ ...GATEWAY_DATABASE, url: env.databaseUrl, applicationName: 'gateway-medium', poolSize: 2 }),
    );
    repo = new UsersRepository(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
    await env?.cleanup();
  });

  it('describes the table the migrations made', async () => {
    expect((await ds.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query)).toEqual([]);
  });

  it('lists only the users inside the scope, filtered and by username', async () => {
    expect(await repo.any()).toBe(false);
    const [a, b, c] = [
      user('a.office', '38'),
      user('b.officer', '38', { role: Role.COMMUNE_OFFICER, active: false }),
      user('c.office', '40'),
    ];
    await ds.transaction(async (tx) => {
      for (const u of [c, b, a]) await repo.insert(tx, u);
    });
    expect(await repo.any()).toBe(true);
    const names = async (...args: Parameters<UsersRepository['list']>) => (await repo.list(...args)).map((u) => u.username);
    expect(await names({ kind: 'province', provinceCode: '38' }, {})).toEqual(['a.office', 'b.officer']);
    expect(await names({ kind: 'province', provinceCode: '40' }, {})).toEqual(['c.office']);
    expect(await names({ kind: 'all' }, {})).toEqual(['a.office', 'b.officer', 'c.office']);
    expect(await names({ kind: 'all' }, { role: Role.COMMUNE_OFFICER })).toEqual(['b.officer']);
    expect(await names({ kind: 'province', provinceCode: '38' }, { active: true })).toEqual(['a.office']);
    expect(await names({ kind: 'all' }, { limit: 1, offset: 1 })).toEqual(['b.officer']);
    expect((await repo.findManyForSystem([a.id, c.id, randomUUID()])).map((u) => u.username).sort()).toEqual(['a.office', 'c.office']);
    expect(await ds.transaction((tx) => repo.usernameTaken(tx, 'a.office'))).toBe(true);
    expect(await ds.transaction((tx) => repo.usernameTaken(tx, 'z.nobody'))).toBe(false);
  });
});
