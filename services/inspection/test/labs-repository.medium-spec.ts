import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createTestEnv, type TestEnv } from '@ocop/testing';
import { LabsRepository } from '../src/labs/labs.repository';
import { Fixtures, at, inspectionDataSource } from './support/inspection-fixtures';

/** The lab register against PostgreSQL: a lab user sees its own lab; credentials revoke once and stop authenticating. */
describe('LabsRepository', () => {
  let env: TestEnv;
  let ds: DataSource;
  let repo: LabsRepository;
  let f: Fixtures;

  beforeAll(async () => {
    env = await createTestEnv();
    ds = await inspectionDataSource(env.databaseUrl);
    repo = new LabsRepository(ds);
    f = new Fixtures(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
    await env?.cleanup();
  });

  it('shows a lab user its own lab only, staff the whole register by code', async () => {
    const b = await f.lab({ code: 'ZB' });
    const a = await f.lab({ code: 'ZA' });
    expect((await repo.list({ kind: 'lab', labCode: 'ZA' })).map((l) => l.id)).toEqual([a.id]);
    expect(await repo.get({ kind: 'lab', labCode: 'ZA' }, b.id)).toBeNull();
    expect((await repo.get({ kind: 'lab', labCode: 'ZB' }, b.id))?.id).toBe(b.id);
    const codes = (await repo.list({ kind: 'register' })).map((l) => l.code);
    expect(codes.indexOf('ZA')).toBeLessThan(codes.indexOf('ZB'));
    expect(Object.keys((await repo.get({ kind: 'register' }, b.id))!).sort()).toEqual(
      ['contactEmail', 'contactName', 'contactPhone', 'code', 'id', 'indicators', 'name', 'provinceCode', 'turnaroundDays'].sort(),
    );
  });

  it('authenticates an active credential on its own lab only, and revokes it once', async () => {
    const lab = await f.lab();
    const other = await f.lab();
    const id = randomUUID();
    await ds.transaction((tx) => repo.insertCredential(tx, { id, labId: lab.id, issuedBy: 'admin', issuedAt: at('2031-01-01T00:00:00Z') }));
    expect((await repo.labOfActiveCredential(id, lab.code))?.id).toBe(lab.id);
    expect(await repo.labOfActiveCredential(id, other.code)).toBeNull();
    expect(await ds.transaction((tx) => repo.revokeCredential(tx, other.id, id, at('2031-02-01T00:00:00Z')))).toBe(false);
    expect(await ds.transaction((tx) => repo.revokeCredential(tx, lab.id, id, at('2031-02-01T00:00:00Z')))).toBe(true);
    expect(await ds.transaction((tx) => repo.revokeCredential(tx, lab.id, id, at('2031-02-02T00:00:00Z')))).toBe(false);
    expect(await repo.labOfActiveCredential(id, lab.code)).toBeNull();
  });

  it('tells whether a code is taken', async () => {
    const lab = await f.lab();
    expect(await ds.transaction((tx) => repo.codeTaken(tx, lab.code))).toBe(true);
    expect(await ds.transaction((tx) => repo.codeTaken(tx, 'NO-SUCH-LAB'))).toBe(false);
  });
});
