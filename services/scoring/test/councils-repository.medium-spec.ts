import { randomUUID } from 'node:crypto';
import { Role } from '@ocop/contracts';
import { CouncilsRepository } from '../src/councils/councils.repository';
import { MemberConflict } from '../src/councils/member-conflict.entity';
import { readerScope } from '../src/access/scoring-scope.policy';
import { actor, insertCouncil, openScoringDb, type ScoringDb } from './support/scoring-db';

/** Who reads which council (by office or by seat) and the conflict upsert of CouncilsRepository, on real PostgreSQL. */
describe('CouncilsRepository', () => {
  let db: ScoringDb;
  let repo: CouncilsRepository;

  beforeAll(async () => {
    db = await openScoringDb('scoring-councils-repo');
    repo = new CouncilsRepository(db.ds);
  });

  afterAll(async () => {
    await db?.close();
  });

  it("gives a province office its province's councils and the ministry's, not another province's", async () => {
    const own = await insertCouncil(db.ds, { tier: 'PROVINCE', unitCode: '21', provinceCode: '21' });
    const ownDistrict = await insertCouncil(db.ds, { tier: 'DISTRICT', unitCode: '211', provinceCode: '21' });
    const other = await insertCouncil(db.ds, { tier: 'PROVINCE', unitCode: '22', provinceCode: '22' });
    const central = await insertCouncil(db.ds, { tier: 'CENTRAL', unitCode: 'VN', provinceCode: 'VN' });
    const office = readerScope(actor(Role.PROVINCE_OFFICE, { provinceCode: '21' }));
    const listed = (await repo.list(office)).map((c) => c.id);
    expect(listed).toEqual(expect.arrayContaining([own.council.id, ownDistrict.council.id, central.council.id]));
    expect(listed).not.toContain(other.council.id);
    expect(await repo.get(office, other.council.id)).toBeNull();
    expect((await repo.get(office, own.council.id))?.council.id).toBe(own.council.id);
    // The filter narrows within the scope.
    expect((await repo.list(office, { tier: 'DISTRICT', unitCode: '211' })).map((c) => c.id)).toEqual([ownDistrict.council.id]);
  });

  it('gives a council member the councils it sits on only, with their members in order', async () => {
    const userId = randomUUID();
    const seat = await insertCouncil(db.ds, {
      tier: 'PROVINCE',
      unitCode: '23',
      provinceCode: '23',
      memberUserIds: [randomUUID(), userId],
    });
    const noSeat = await insertCouncil(db.ds, { tier: 'PROVINCE', unitCode: '23', provinceCode: '23', memberUserIds: [randomUUID()] });
    const member = readerScope(actor(Role.COUNCIL_MEMBER, { provinceCode: '23' }, userId));
    expect((await repo.list(member)).map((c) => c.id)).toEqual([seat.council.id]);
    expect(await repo.get(member, noSeat.council.id)).toBeNull();
    const loaded = await repo.get(member, seat.council.id);
    expect(loaded?.members.map((m) => m.userId)).toEqual(seat.members.map((m) => m.userId));
  });

  it("keeps a district officer to its district's council", async () => {
    const own = await insertCouncil(db.ds, { tier: 'DISTRICT', unitCode: '241', provinceCode: '24' });
    const neighbour = await insertCouncil(db.ds, { tier: 'DISTRICT', unitCode: '242', provinceCode: '24' });
    const province = await insertCouncil(db.ds, { tier: 'PROVINCE', unitCode: '24', provinceCode: '24' });
    const officer = readerScope(actor(Role.DISTRICT_OFFICER, { provinceCode: '24', districtCode: '241' }));
    expect((await repo.list(officer)).map((c) => c.id)).toEqual([own.council.id]);
    expect(await repo.get(officer, neighbour.council.id)).toBeNull();
    expect(await repo.get(officer, province.council.id)).toBeNull();
  });

  it("declaring a member's conflict again re-words it, it does not duplicate it", async () => {
    const { members } = await insertCouncil(db.ds, { tier: 'PROVINCE', unitCode: '25', provinceCode: '25', memberUserIds: [randomUUID()] });
    const producerId = randomUUID();
    const declare = (reason: string) =>
      db.ds.transaction((tx) => repo.upsertConflict(tx, { memberId: members[0]!.id, producerId, reason, declaredBy: 'office' }));
    await declare('cổ đông');
    await declare('người thân của chủ thể');
    const rows = await db.ds.getRepository(MemberConflict).findBy({ memberId: members[0]!.id });
    expect(rows.map((r) => [r.producerId, r.reason])).toEqual([[producerId, 'người thân của chủ thể']]);
  });
});
