import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createTestEnv, type TestEnv } from '@ocop/testing';
import { ViolationsRepository } from '../src/violations/violations.repository';
import { Violation } from '../src/violations/violation.entity';
import { SYSTEM_SCOPE } from '../src/province-scope.policy';
import { Fixtures, at, inspectionDataSource } from './support/inspection-fixtures';

/** The violations repository against PostgreSQL: scope, SKIP LOCKED sweeps, once-only transitions and lab failures. */
describe('ViolationsRepository', () => {
  let env: TestEnv;
  let ds: DataSource;
  let repo: ViolationsRepository;
  let f: Fixtures;

  beforeAll(async () => {
    env = await createTestEnv();
    ds = await inspectionDataSource(env.databaseUrl);
    repo = new ViolationsRepository(ds);
    f = new Fixtures(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
    await env?.cleanup();
  });

  it('lists the violations of the scope’s certificates only, with the filters', async () => {
    const here = await f.task(await f.campaign({ provinceCode: '46' }), await f.certificate({ provinceCode: '46' }));
    const there = await f.task(await f.campaign({ provinceCode: '48' }), await f.certificate({ provinceCode: '48' }));
    const v1 = await f.violation(here, { correctiveDeadline: at('2031-05-01T00:00:00Z') });
    const v2 = await f.violation(here, {
      status: 'CORRECTED',
      correctiveDeadline: at('2031-07-01T00:00:00Z'),
      createdAt: at('2031-03-02T00:00:00Z'),
    });
    const v3 = await f.violation(there);
    const ids = (await repo.list({ kind: 'province', provinceCode: '46' }, {})).map((v) => v.id);
    expect(ids).toEqual([v1.id, v2.id]);
    expect(ids).not.toContain(v3.id);
    expect((await repo.list({ kind: 'province', provinceCode: '46' }, { status: 'CORRECTED' })).map((v) => v.id)).toEqual([v2.id]);
    expect(
      (await repo.list({ kind: 'province', provinceCode: '46' }, { deadlineBefore: '2031-06-01T00:00:00Z' })).map((v) => v.id),
    ).toEqual([v1.id]);
    expect(await repo.view({ kind: 'province', provinceCode: '48' }, v1.id)).toBeNull();
    expect((await repo.view(SYSTEM_SCOPE, v1.id))?.correctiveDeadline).toBe('2031-05-01T00:00:00.000Z');
  });

  it('finds a violation for correction only in the scope of its campaign’s province', async () => {
    const inspector = randomUUID();
    const t = await f.task(await f.campaign({ provinceCode: '38' }), await f.certificate(), { assigneeUserId: inspector });
    const v = await f.violation(t);
    expect(await ds.transaction((tx) => repo.getForCorrection(tx, { kind: 'province', provinceCode: '38' }, v.id))).toEqual({
      assigneeUserId: inspector,
      provinceCode: '38',
    });
    expect(await ds.transaction((tx) => repo.getForCorrection(tx, { kind: 'province', provinceCode: '01' }, v.id))).toBeNull();
  });

  it('moves a violation on once: corrected or revocation-requested, never both, never twice', async () => {
    const t = await f.task(await f.campaign(), await f.certificate());
    const a = await f.violation(t);
    const b = await f.violation(t);
    expect(await ds.transaction((tx) => repo.markCorrected(tx, a.id, at('2031-04-01T00:00:00Z'), 'inspector'))).toBe(t.certificateId);
    expect(await ds.transaction((tx) => repo.markCorrected(tx, a.id, at('2031-04-02T00:00:00Z'), 'inspector'))).toBeNull();
    expect(await ds.transaction((tx) => repo.markRevocationRequested(tx, a.id, at('2031-06-01T00:00:00Z')))).toBeNull();
    const requested = await ds.transaction((tx) => repo.markRevocationRequested(tx, b.id, at('2031-06-01T00:00:00Z')));
    expect(requested).toEqual({
      id: b.id,
      taskId: t.id,
      campaignId: t.campaignId,
      certificateId: t.certificateId,
      reasonCode: b.reasonCode,
      details: b.details,
      severity: b.severity,
    });
    expect(await ds.transaction((tx) => repo.markRevocationRequested(tx, b.id, at('2031-06-02T00:00:00Z')))).toBeNull();
  });

  it('records one violation per failed sample', async () => {
    const t = await f.task(await f.campaign(), await f.certificate());
    const sampleId = randomUUID();
    const first = await ds.transaction((tx) =>
      repo.insertLabFailure(tx, { taskId: t.id, sampleId, details: 'không đạt', at: at('2031-03-05T00:00:00Z') }),
    );
    expect(first).toEqual({ id: expect.any(String), certificateId: t.certificateId });
    expect(
      await ds.transaction((tx) => repo.insertLabFailure(tx, { taskId: t.id, sampleId, details: 'again', at: at('2031-03-06T00:00:00Z') })),
    ).toBeNull();
    expect(await ds.manager.count(Violation, { where: { sampleId } })).toBe(1);
  });

  it('gives two concurrent sweeps disjoint overdue violations (FOR UPDATE SKIP LOCKED), oldest deadline first', async () => {
    const t = await f.task(await f.campaign(), await f.certificate());
    const early = await f.violation(t, { correctiveDeadline: at('2020-01-01T00:00:00Z') });
    const late = await f.violation(t, { correctiveDeadline: at('2020-02-01T00:00:00Z') });
    await f.violation(t, { correctiveDeadline: at('2099-01-01T00:00:00Z') });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let firstGot: string[] = [];
    let locked!: () => void;
    const firstLocked = new Promise<void>((r) => (locked = r));
    const first = ds.transaction(async (tx) => {
      firstGot = await repo.lockOverdueForSystem(tx, at('2021-01-01T00:00:00Z'));
      locked();
      await held;
    });
    await firstLocked;
    const secondGot = await ds.transaction((tx) => repo.lockOverdueForSystem(tx, at('2021-01-01T00:00:00Z')));
    release();
    await first;
    expect(firstGot.filter((id) => id === early.id || id === late.id)).toEqual([early.id, late.id]);
    expect(secondGot).not.toContain(early.id);
    expect(secondGot).not.toContain(late.id);
    const afterwards = await ds.transaction((tx) => repo.lockOverdueForSystem(tx, at('2021-01-01T00:00:00Z')));
    expect(afterwards).toEqual(expect.arrayContaining([early.id, late.id]));
  });
});
