import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createTestEnv, type TestEnv } from '@ocop/testing';
import { RecurrencesRepository } from '../src/recurrences/recurrences.repository';
import { CampaignsRepository } from '../src/campaigns/campaigns.repository';
import { SYSTEM_SCOPE } from '../src/province-scope.policy';
import { Fixtures, at, inspectionDataSource } from './support/inspection-fixtures';

/** The recurrences repository against PostgreSQL: a province's recurrences only; the active ones for the schedulers. */
describe('RecurrencesRepository', () => {
  let env: TestEnv;
  let ds: DataSource;
  let repo: RecurrencesRepository;

  const recurrence = (provinceCode: string, createdAt: string) => ({
    id: randomUUID(),
    name: 'Hậu kiểm hằng quý',
    provinceCode,
    cron: '0 0 1 */3 *',
    periodDays: 90,
    template: { name: 'Hậu kiểm', legalBasis: 'QĐ 148', scope: {}, rule: { kind: 'ALL' }, team: { inspectorUserIds: [] } } as never,
    createdBy: 'office',
    createdAt: at(createdAt),
  });

  beforeAll(async () => {
    env = await createTestEnv();
    ds = await inspectionDataSource(env.databaseUrl);
    repo = new RecurrencesRepository(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
    await env?.cleanup();
  });

  it('lists a province’s recurrences only, oldest first; every active one for the schedulers', async () => {
    const a = recurrence('56', '2031-01-02T00:00:00Z');
    const b = recurrence('56', '2031-01-01T00:00:00Z');
    const c = recurrence('58', '2031-01-01T00:00:00Z');
    await ds.transaction(async (tx) => {
      for (const r of [a, b, c]) await repo.insert(tx, r);
    });
    expect((await repo.list({ kind: 'province', provinceCode: '56' })).map((r) => r.id)).toEqual([b.id, a.id]);
    expect((await repo.list(SYSTEM_SCOPE)).map((r) => r.id)).toEqual(expect.arrayContaining([a.id, b.id, c.id]));
    expect((await repo.list({ kind: 'province', provinceCode: '56' }))[0]).toMatchObject({ active: true, template: b.template });
    expect(await repo.activeForSystem()).toEqual(expect.arrayContaining([{ id: c.id, cron: c.cron }]));
    await ds.transaction((tx) => repo.delete(tx, c.id));
    expect(await repo.getForSystem(c.id)).toBeNull();
  });

  it('links a recurrence’s campaign to its period', async () => {
    const r = recurrence('56', '2031-02-01T00:00:00Z');
    await ds.transaction((tx) => repo.insert(tx, r));
    const campaign = await new Fixtures(ds).campaign({ recurrenceId: r.id, periodFrom: at('2031-04-01T00:00:00Z') });
    expect(await new CampaignsRepository(ds).idOfRecurrencePeriod(r.id, at('2031-04-01T00:00:00Z'))).toBe(campaign.id);
  });
});
