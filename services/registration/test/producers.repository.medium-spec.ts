import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { ReadScope } from '@ocop/auth';
import { createTestEnv, type TestEnv } from '@ocop/testing';
import { ProducersRepository } from '../src/producers/producers.repository';
import { Producer } from '../src/producers/producer.entity';
import { insertPlace, insertProducer, openRegistrationDb, type Place } from './support/registration-db';

/** Producers against PostgreSQL: what each scope lists and reads. */
describe('ProducersRepository', () => {
  let env: TestEnv;
  let ds: DataSource;
  let repo: ProducersRepository;
  let here: Place;
  let there: Place;
  let mine: Producer;
  let theirs: Producer;

  beforeAll(async () => {
    env = await createTestEnv();
    ds = await openRegistrationDb(env);
    repo = new ProducersRepository(ds);
    await ds.transaction(async (tx) => {
      here = await insertPlace(tx);
      there = await insertPlace(tx);
      mine = await insertProducer(tx, here);
      theirs = await insertProducer(tx, there);
    });
  });

  afterAll(async () => {
    await ds?.destroy();
    await env?.cleanup();
  });

  it('lists only the producers inside each scope', async () => {
    const cases: [ReadScope, Producer[]][] = [
      [{ kind: 'all' }, [mine, theirs]],
      [{ kind: 'province', provinceCode: here.provinceCode }, [mine]],
      [{ kind: 'district', provinceCode: there.provinceCode, districtCode: there.districtCode }, [theirs]],
      [{ kind: 'commune', provinceCode: here.provinceCode, communeCode: here.communeCode }, [mine]],
      [{ kind: 'producer', producerId: theirs.id }, [theirs]],
    ];
    for (const [scope, expected] of cases) {
      const ids = (await repo.list(scope, {})).map((p) => p.id).sort();
      expect({ scope, ids }).toEqual({ scope, ids: expected.map((p) => p.id).sort() });
    }
    expect(await repo.list({ kind: 'province', provinceCode: here.provinceCode }, { communeCode: there.communeCode })).toEqual([]);
  });

  it('reads a producer only inside the scope', async () => {
    expect((await repo.get({ kind: 'producer', producerId: mine.id }, mine.id))?.id).toBe(mine.id);
    expect(await repo.get({ kind: 'producer', producerId: theirs.id }, mine.id)).toBeNull();
    expect(await repo.get({ kind: 'district', provinceCode: here.provinceCode, districtCode: there.districtCode }, mine.id)).toBeNull();
    expect((await repo.get({ kind: 'province', provinceCode: there.provinceCode }, theirs.id))?.id).toBe(theirs.id);
  });

  it('refuses a second producer with a taken business registration number as PRODUCER_DUPLICATE, and keeps one row', async () => {
    const twin = { ...mine, id: randomUUID() };
    await expect(ds.transaction((tx) => repo.insert(tx, twin))).rejects.toMatchObject({
      code: 'PRODUCER_DUPLICATE',
      field: 'businessRegistrationNumber',
    });
    expect(await ds.getRepository(Producer).countBy({ businessRegistrationNumber: mine.businessRegistrationNumber })).toBe(1);
  });
});
