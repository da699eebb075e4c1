import type { DataSource } from 'typeorm';
import { createTestEnv, type TestEnv } from '@ocop/testing';
import { SamplesRepository } from '../src/samples/samples.repository';
import { SampleFollowUp } from '../src/samples/sample-follow-up.entity';
import { SYSTEM_SCOPE } from '../src/province-scope.policy';
import { Fixtures, at, inspectionDataSource } from './support/inspection-fixtures';

/** The samples repository against PostgreSQL: scope filtering, row locks, the counter upsert, once-only follow-ups. */
describe('SamplesRepository', () => {
  let env: TestEnv;
  let ds: DataSource;
  let repo: SamplesRepository;
  let f: Fixtures;

  beforeAll(async () => {
    env = await createTestEnv();
    ds = await inspectionDataSource(env.databaseUrl);
    repo = new SamplesRepository(ds);
    f = new Fixtures(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
    await env?.cleanup();
  });

  it('returns a sample only inside the scope: its province, its producer, the lab it was sent to', async () => {
    const lab = await f.lab();
    const other = await f.lab();
    const s = await f.sample(lab, { provinceCode: '38' });
    expect((await repo.get({ kind: 'province', provinceCode: '38' }, s.id))?.labCode).toBe(lab.code);
    expect(await repo.get({ kind: 'province', provinceCode: '01' }, s.id)).toBeNull();
    expect(await repo.get({ kind: 'producer', producerId: s.producerId }, s.id)).not.toBeNull();
    expect(await repo.get({ kind: 'producer', producerId: other.id }, s.id)).toBeNull();
    expect(await repo.get({ kind: 'lab', labCode: lab.code }, s.id)).not.toBeNull();
    expect(await repo.get({ kind: 'lab', labCode: other.code }, s.id)).toBeNull();
    expect(await repo.get({ kind: 'none' }, s.id)).toBeNull();
    expect(await repo.get(SYSTEM_SCOPE, s.id)).not.toBeNull();
  });

  it('lists the scope’s samples only, newest first, with the OVERDUE filter on open stages', async () => {
    const lab = await f.lab();
    const older = await f.sample(lab, { provinceCode: '40', requestedAt: at('2031-03-01T00:00:00Z') });
    const newer = await f.sample(lab, { provinceCode: '40', requestedAt: at('2031-03-02T00:00:00Z'), overdue: true });
    await f.sample(lab, { provinceCode: '40', overdue: true, stage: 'CANCELLED' as never, requestedAt: at('2031-02-01T00:00:00Z') });
    const outside = await f.sample(lab, { provinceCode: '42' });
    const ids = (await repo.list({ kind: 'province', provinceCode: '40' }, { limit: 10 })).map((s) => s.id);
    expect(ids.slice(0, 2)).toEqual([newer.id, older.id]);
    expect(ids).not.toContain(outside.id);
    expect((await repo.list({ kind: 'province', provinceCode: '40' }, { status: 'OVERDUE' })).map((s) => s.id)).toEqual([newer.id]);
    expect(await repo.list({ kind: 'none' }, {})).toEqual([]);
  });

  it('locks the sample row for update: a second locker waits until the first transaction ends', async () => {
    const lab = await f.lab();
    const s = await f.sample(lab);
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const firstLocked = new Promise<void>((r) => (locked = r));
    const first = ds.transaction(async (tx) => {
      await repo.getForUpdate(tx, SYSTEM_SCOPE, s.id);
      order.push('first locked');
      locked();
      await held;
      order.push('first done');
    });
    await firstLocked;
    const second = ds.transaction(async (tx) => {
      await repo.getForUpdate(tx, SYSTEM_SCOPE, s.id);
      order.push('second locked');
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(order).toEqual(['first locked']);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first locked', 'first done', 'second locked']);
  });

  it('numbers samples per province and year, starting at 1', async () => {
    const n = await ds.transaction(async (tx) => [
      await repo.nextNumber(tx, '44', 2031),
      await repo.nextNumber(tx, '44', 2031),
      await repo.nextNumber(tx, '44', 2032),
      await repo.nextNumber(tx, '45', 2031),
    ]);
    expect(n).toEqual([1, 2, 1, 1]);
  });

  it('records a stage’s reminder and escalation once each, however often the sweep runs', async () => {
    const lab = await f.lab();
    const s = await f.sample(lab, { dueAt: at('2031-06-10T00:00:00Z') });
    const sweep = (asOf: string) => ds.transaction((tx) => repo.recordDueFollowUps(tx, at(asOf), 24, s.id));
    expect(await sweep('2031-06-08T00:00:00Z')).toEqual([]); // more than 24 h before
    expect((await sweep('2031-06-09T06:00:00Z')).map((r) => r.kind)).toEqual(['REMINDER']);
    expect(await sweep('2031-06-09T07:00:00Z')).toEqual([]);
    expect((await sweep('2031-06-10T01:00:00Z')).map((r) => r.kind)).toEqual(['ESCALATION']);
    expect(await sweep('2031-06-11T00:00:00Z')).toEqual([]);
    expect(await ds.manager.count(SampleFollowUp, { where: { sampleId: s.id } })).toBe(2);
  });

  it('gives the open stages with a due time to the timer sweep, not the closed ones', async () => {
    const lab = await f.lab();
    const open = await f.sample(lab);
    const closed = await f.sample(lab, { stage: 'RESULT_RECORDED' as never });
    const ids = (await repo.openStagesForSystem()).map((r) => r.id);
    expect(ids).toContain(open.id);
    expect(ids).not.toContain(closed.id);
  });
});
