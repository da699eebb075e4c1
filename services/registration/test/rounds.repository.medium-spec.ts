import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createTestEnv, type TestEnv } from '@ocop/testing';
import { RoundsRepository } from '../src/rounds/rounds.repository';
import { EvaluationRound } from '../src/rounds/round.entity';
import { insertPlace, openRegistrationDb, type Place } from './support/registration-db';

/** Evaluation rounds against PostgreSQL: one province's or every province's, and the round open on a day. */
describe('RoundsRepository', () => {
  let env: TestEnv;
  let ds: DataSource;
  let repo: RoundsRepository;
  let here: Place;
  let there: Place;

  const round = (provinceCode: string, number: number, opensOn: string, closesOn: string) =>
    Object.assign(new EvaluationRound(), {
      id: randomUUID(),
      provinceCode,
      cycleYear: 2026,
      number,
      name: `Đợt ${number}`,
      opensOn,
      closesOn,
    });

  beforeAll(async () => {
    env = await createTestEnv();
    ds = await openRegistrationDb(env);
    repo = new RoundsRepository(ds);
    await ds.transaction(async (tx) => {
      here = await insertPlace(tx);
      there = await insertPlace(tx);
      await repo.insert(tx, round(here.provinceCode, 1, '2026-01-01', '2026-05-31'));
      await repo.insert(tx, round(here.provinceCode, 2, '2026-06-01', '2026-12-31'));
      await repo.insert(tx, round(there.provinceCode, 1, '2026-03-01', '2026-09-30'));
    });
  });

  afterAll(async () => {
    await ds?.destroy();
    await env?.cleanup();
  });

  it("lists one province's rounds, newest first, or every province's", async () => {
    const names = async (scope: Parameters<RoundsRepository['list']>[0]) =>
      (await repo.list(scope)).map((r) => `${r.provinceCode}/${r.number}`);
    expect(await names({ kind: 'province', provinceCode: here.provinceCode })).toEqual([
      `${here.provinceCode}/2`,
      `${here.provinceCode}/1`,
    ]);
    expect(await names({ kind: 'province', provinceCode: there.provinceCode })).toEqual([`${there.provinceCode}/1`]);
    expect(await names({ kind: 'all' })).toEqual([`${here.provinceCode}/2`, `${here.provinceCode}/1`, `${there.provinceCode}/1`]);
  });

  it('finds the round of the province open on a day, its first and last days included', async () => {
    expect((await repo.openOn(here.provinceCode, '2026-05-31'))?.number).toBe(1);
    expect((await repo.openOn(here.provinceCode, '2026-06-01'))?.number).toBe(2);
    expect(await repo.openOn(there.provinceCode, '2026-02-28')).toBeNull();
    expect(await repo.openOn(here.provinceCode, '2027-01-01')).toBeNull();
    const other = (await repo.list({ kind: 'province', provinceCode: there.provinceCode }))[0];
    expect(await repo.findOfProvince(here.provinceCode, other.id)).toBeNull();
    expect((await repo.findOfProvince(there.provinceCode, other.id))?.id).toBe(other.id);
  });
});
