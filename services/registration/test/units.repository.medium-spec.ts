import type { DataSource } from 'typeorm';
import { createTestEnv, type TestEnv } from '@ocop/testing';
import { UnitsRepository } from '../src/units/units.repository';
import { insertPlace, openRegistrationDb } from './support/registration-db';

/** Units are reference data the application only adds: a unit found once is kept, a code not found is asked again. */
describe('UnitsRepository.find', () => {
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

  it('answers a found unit from memory and asks again for an unknown code', async () => {
    const units = new UnitsRepository(ds);
    const place = await ds.transaction((tx) => insertPlace(tx));
    expect((await units.find(place.communeCode))?.level).toBe('COMMUNE');
    const queries = jest.spyOn(ds.manager, 'findOneBy');
    expect((await units.find(place.communeCode))?.code).toBe(place.communeCode);
    expect(queries).not.toHaveBeenCalled();
    expect(await units.find('X-NOT-YET')).toBeNull();
    await ds.query(
      `INSERT INTO registration.administrative_unit (code, level, name, parent_code, province_code, district_code)
      VALUES ('X-NOT-YET', 'COMMUNE', 'mới', $1, $2, $1)`,
      [place.districtCode, place.provinceCode],
    );
    expect((await units.find('X-NOT-YET'))?.name).toBe('mới');
    expect(queries).toHaveBeenCalledTimes(2);
  });
});
