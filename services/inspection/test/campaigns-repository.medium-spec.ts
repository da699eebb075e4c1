import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createTestEnv, type TestEnv } from '@ocop/testing';
import { CampaignsRepository } from '../src/campaigns/campaigns.repository';
import { Campaign } from '../src/campaigns/campaign.entity';
import { SYSTEM_SCOPE } from '../src/province-scope.policy';
import { Fixtures, at, inspectionDataSource } from './support/inspection-fixtures';

/** The campaigns repository against PostgreSQL: scope, task counts, once-only inserts by their unique keys. */
describe('CampaignsRepository', () => {
  let env: TestEnv;
  let ds: DataSource;
  let repo: CampaignsRepository;
  let f: Fixtures;

  beforeAll(async () => {
    env = await createTestEnv();
    ds = await inspectionDataSource(env.databaseUrl);
    repo = new CampaignsRepository(ds);
    f = new Fixtures(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
    await env?.cleanup();
  });

  it('reads and lists a province’s campaigns only, newest period first, with their task counts', async () => {
    const older = await f.campaign({ provinceCode: '52', periodFrom: at('2031-01-01T00:00:00Z') });
    const newer = await f.campaign({ provinceCode: '52', periodFrom: at('2031-04-01T00:00:00Z') });
    const elsewhere = await f.campaign({ provinceCode: '54' });
    await f.task(newer, await f.certificate());
    await f.task(newer, await f.certificate());
    expect((await repo.list({ kind: 'province', provinceCode: '52' })).map((c) => [c.id, c.taskCount])).toEqual([
      [newer.id, 2],
      [older.id, 0],
    ]);
    expect(await repo.get({ kind: 'province', provinceCode: '52' }, elsewhere.id)).toBeNull();
    expect((await repo.get({ kind: 'province', provinceCode: '54' }, elsewhere.id))?.id).toBe(elsewhere.id);
    expect((await repo.list(SYSTEM_SCOPE)).map((c) => c.id)).toEqual(expect.arrayContaining([older.id, newer.id, elsewhere.id]));
    expect(await ds.transaction((tx) => repo.getForUpdate(tx, { kind: 'province', provinceCode: '52' }, elsewhere.id))).toBeNull();
  });

  it('inserts one campaign per origin reference and one per recurrence period, however often asked', async () => {
    const template = await f.campaign({ originReference: 'MOIT:R-1', origin: 'AGENCY' });
    const again = Object.assign(new Campaign(), { ...template, id: randomUUID() });
    expect(await ds.transaction((tx) => repo.insertIfNew(tx, again))).toBe(false);
    const fresh = Object.assign(new Campaign(), { ...template, id: randomUUID(), originReference: 'MOIT:R-2' });
    expect(await ds.transaction((tx) => repo.insertIfNew(tx, fresh))).toBe(true);
    const stored = await repo.get(SYSTEM_SCOPE, fresh.id);
    expect(stored).toMatchObject({ checklist: template.checklist, team: template.team, rule: template.rule, taskCount: 0 });
  });

  it('finds the campaign of a recurrence’s period', async () => {
    expect(await repo.idOfRecurrencePeriod(randomUUID(), at('2031-01-01T00:00:00Z'))).toBeNull();
  });
});
