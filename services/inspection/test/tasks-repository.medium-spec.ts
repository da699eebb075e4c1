import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createTestEnv, type TestEnv } from '@ocop/testing';
import { TasksRepository } from '../src/tasks/tasks.repository';
import { Task } from '../src/tasks/task.entity';
import { SYSTEM_SCOPE } from '../src/province-scope.policy';
import { Fixtures, inspectionDataSource } from './support/inspection-fixtures';

/** The tasks repository against PostgreSQL: who reaches a task, conditional assignment, cancellation with RETURNING. */
describe('TasksRepository', () => {
  let env: TestEnv;
  let ds: DataSource;
  let repo: TasksRepository;
  let f: Fixtures;

  beforeAll(async () => {
    env = await createTestEnv();
    ds = await inspectionDataSource(env.databaseUrl);
    repo = new TasksRepository(ds);
    f = new Fixtures(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
    await env?.cleanup();
  });

  it('lists a province’s tasks (by its certificates) or an inspector’s own, never another’s', async () => {
    const inspector = randomUUID();
    const campaign = await f.campaign({ provinceCode: '38' });
    const mine = await f.task(campaign, await f.certificate({ provinceCode: '38' }), { assigneeUserId: inspector });
    const theirs = await f.task(campaign, await f.certificate({ provinceCode: '38' }), { assigneeUserId: randomUUID() });
    const elsewhere = await f.task(await f.campaign({ provinceCode: '01' }), await f.certificate({ provinceCode: '01' }));
    const province = (await repo.list({ kind: 'province', provinceCode: '38' }, {})).map((t) => t.id);
    expect(province).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect(province).not.toContain(elsewhere.id);
    expect((await repo.list({ kind: 'assigned', userId: inspector }, {})).map((t) => t.id)).toEqual([mine.id]);
    const all = (await repo.list(SYSTEM_SCOPE, {})).map((t) => t.id);
    expect(all).toEqual(expect.arrayContaining([mine.id, theirs.id, elsewhere.id]));
  });

  it('lets the assignee, or the office of the campaign’s province, work on a task — nobody else', async () => {
    const inspector = randomUUID();
    const campaign = await f.campaign({ provinceCode: '38', checklist: ['LABEL_PACKAGING', 'OPERATING_STATUS'] });
    const t = await f.task(campaign, await f.certificate(), { assigneeUserId: inspector });
    const work = await ds.transaction((tx) => repo.getForWork(tx, { kind: 'assigned', userId: inspector }, t.id));
    expect(work).toMatchObject({ id: t.id, checklist: ['LABEL_PACKAGING', 'OPERATING_STATUS'], provinceCode: '38' });
    expect(await ds.transaction((tx) => repo.getForWork(tx, { kind: 'assigned', userId: randomUUID() }, t.id))).toBeNull();
    const office = (provinceCode: string) =>
      ds.transaction((tx) =>
        repo.getForWork(tx, { kind: 'assigned-or-province', userId: randomUUID(), province: { kind: 'province', provinceCode } }, t.id),
      );
    expect(await office('38')).not.toBeNull();
    expect(await office('01')).toBeNull();
  });

  it('assigns an open task of the scope only', async () => {
    const campaign = await f.campaign({ provinceCode: '38' });
    const open = await f.task(campaign, await f.certificate());
    const done = await f.task(campaign, await f.certificate(), { status: 'COMPLETED' });
    const inspector = randomUUID();
    expect(await ds.transaction((tx) => repo.assignIfOpen(tx, { kind: 'province', provinceCode: '01' }, open.id, inspector))).toBe(false);
    expect(await ds.transaction((tx) => repo.assignIfOpen(tx, { kind: 'province', provinceCode: '38' }, done.id, inspector))).toBe(false);
    expect(await ds.transaction((tx) => repo.assignIfOpen(tx, { kind: 'province', provinceCode: '38' }, open.id, inspector))).toBe(true);
    expect((await ds.manager.findOneByOrFail(Task, { id: open.id })).assigneeUserId).toBe(inspector);
    expect((await ds.manager.findOneByOrFail(Task, { id: done.id })).assigneeUserId).toBeNull();
  });

  it('cancels a certificate’s open tasks and returns each with its campaign', async () => {
    const cert = await f.certificate();
    const a = await f.campaign();
    const b = await f.campaign();
    const t1 = await f.task(a, cert);
    const t2 = await f.task(b, cert);
    await f.task(await f.campaign(), cert, { status: 'COMPLETED' });
    const cancelled = await ds.transaction((tx) => repo.cancelOpenOfCertificate(tx, cert.certificateId, 'certificate revoked'));
    expect(cancelled.sort((x, y) => x.id.localeCompare(y.id))).toEqual(
      [
        { id: t1.id, campaignId: a.id },
        { id: t2.id, campaignId: b.id },
      ].sort((x, y) => x.id.localeCompare(y.id)),
    );
    expect((await ds.manager.findOneByOrFail(Task, { id: t1.id })).cancelledReason).toBe('certificate revoked');
    expect(await ds.transaction((tx) => repo.cancelOpenOfCertificate(tx, cert.certificateId, 'again'))).toEqual([]);
  });

  it('inserts one task per selected certificate, with its risk reasons as a text array', async () => {
    const campaign = await f.campaign();
    const c1 = await f.certificate();
    const c2 = await f.certificate();
    await ds.transaction((tx) =>
      repo.insertSelected(tx, campaign.id, campaign.periodTo, [
        { certificateId: c1.certificateId, rank: 1, score: 70, reasons: ['NEVER_INSPECTED', 'COMPLAINT'], assigneeUserId: null },
        { certificateId: c2.certificateId, rank: 2, score: null, reasons: [], assigneeUserId: null },
      ]),
    );
    const tasks = await ds.manager.find(Task, { where: { campaignId: campaign.id }, order: { rank: 'ASC' } });
    expect(tasks.map((t) => [t.certificateId, t.rank, t.riskScore, t.riskReasons, t.status])).toEqual([
      [c1.certificateId, 1, 70, ['NEVER_INSPECTED', 'COMPLAINT'], 'OPEN'],
      [c2.certificateId, 2, null, [], 'OPEN'],
    ]);
  });
});
