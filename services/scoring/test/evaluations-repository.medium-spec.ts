import { randomUUID } from 'node:crypto';
import { Role } from '@ocop/contracts';
import { EvaluationsRepository } from '../src/evaluations/evaluations.repository';
import { Evaluation } from '../src/evaluations/evaluation.entity';
import { POLICY_CHECKED, SYSTEM_SCOPE, readerScope } from '../src/access/scoring-scope.policy';
import {
  actor,
  insertCatalogueRevision,
  insertCouncil,
  insertEvaluation,
  insertSession,
  openScoringDb,
  schedule,
  withShortLockTimeout,
  type ScoringDb,
} from './support/scoring-db';

/** Scope filtering, the insert-once upsert, row locks and the district sweep of EvaluationsRepository, on real PostgreSQL. */
describe('EvaluationsRepository', () => {
  let db: ScoringDb;
  let repo: EvaluationsRepository;
  const ids = (rows: Evaluation[]) => rows.map((e) => e.id);

  beforeAll(async () => {
    db = await openScoringDb('scoring-evaluations-repo');
    repo = new EvaluationsRepository(db.ds);
  });

  afterAll(async () => {
    await db?.close();
  });

  it("lists a province office its province's evaluations and the national tier's, never another province's", async () => {
    const own = await insertEvaluation(db.ds, { provinceCode: '11', tier: 'PROVINCE' });
    const other = await insertEvaluation(db.ds, { provinceCode: '12', tier: 'PROVINCE' });
    const central = await insertEvaluation(db.ds, { provinceCode: '12', tier: 'CENTRAL' });
    const office = actor(Role.PROVINCE_OFFICE, { provinceCode: '11' });
    const listed = ids(await repo.list(readerScope(office), { limit: 500 }));
    expect(listed).toEqual(expect.arrayContaining([own.id, central.id]));
    expect(listed).not.toContain(other.id);
    expect(await repo.get(readerScope(office), other.id)).toBeNull();
    expect((await repo.get(readerScope(office), own.id))?.id).toBe(own.id);
  });

  it("keeps a province's admin to its province's tiers; the national admin reads everything", async () => {
    const own = await insertEvaluation(db.ds, { provinceCode: '13', tier: 'PROVINCE' });
    const other = await insertEvaluation(db.ds, { provinceCode: '14', tier: 'PROVINCE' });
    const central = await insertEvaluation(db.ds, { provinceCode: '13', tier: 'CENTRAL' });
    const provincial = ids(await repo.list(readerScope(actor(Role.ADMIN, { provinceCode: '13' })), { limit: 500 }));
    expect(provincial).toContain(own.id);
    expect(provincial).not.toContain(other.id);
    expect(provincial).not.toContain(central.id);
    const national = ids(await repo.list(readerScope(actor(Role.ADMIN, { provinceCode: '*' })), { limit: 500 }));
    expect(national).toEqual(expect.arrayContaining([own.id, other.id, central.id]));
  });

  it('gives a commune officer its commune only, a producer its own dossiers only', async () => {
    const mine = await insertEvaluation(db.ds, { provinceCode: '15', tier: 'PROVINCE', communeCode: '15001' });
    const neighbour = await insertEvaluation(db.ds, { provinceCode: '15', tier: 'PROVINCE', communeCode: '15002' });
    const commune = readerScope(actor(Role.COMMUNE_OFFICER, { provinceCode: '15', communeCode: '15001' }));
    expect(ids(await repo.list(commune, { limit: 500 }))).toEqual([mine.id]);
    expect(await repo.get(commune, neighbour.id)).toBeNull();
    const producer = readerScope(actor(Role.PRODUCER, { provinceCode: '15', producerId: neighbour.producerId }));
    expect(ids(await repo.list(producer, { limit: 500 }))).toEqual([neighbour.id]);
    expect(await repo.get(producer, mine.id)).toBeNull();
  });

  it("gives a council member the dossiers on its councils' agendas, not the province's waiting list", async () => {
    const userId = randomUUID();
    const { council } = await insertCouncil(db.ds, { tier: 'PROVINCE', unitCode: '16', provinceCode: '16', memberUserIds: [userId] });
    const session = await insertSession(db.ds, council.id);
    const revision = await insertCatalogueRevision(db.ds);
    const onAgenda = await insertEvaluation(db.ds, { provinceCode: '16', tier: 'PROVINCE' });
    await schedule(db.ds, session, onAgenda, revision.id);
    const waiting = await insertEvaluation(db.ds, { provinceCode: '16', tier: 'PROVINCE' });
    const member = readerScope(actor(Role.COUNCIL_MEMBER, { provinceCode: '16' }, userId));
    expect(ids(await repo.list(member, { limit: 500 }))).toEqual([onAgenda.id]);
    expect((await repo.get(member, onAgenda.id))?.id).toBe(onAgenda.id);
    expect(await repo.get(member, waiting.id)).toBeNull();
    const stranger = readerScope(actor(Role.COUNCIL_MEMBER, { provinceCode: '16' }));
    expect(await repo.get(stranger, onAgenda.id)).toBeNull();
    // The system and the policy-checked commands are not filtered.
    expect((await repo.get(SYSTEM_SCOPE, waiting.id))?.id).toBe(waiting.id);
    expect((await repo.get(POLICY_CHECKED, waiting.id))?.id).toBe(waiting.id);
  });

  it('inserts an evaluation once per dossier and tier, whatever the redeliveries', async () => {
    const first = await insertEvaluation(db.ds, { provinceCode: '17', tier: 'PROVINCE' });
    const again = Object.assign(new Evaluation(), { ...first, id: randomUUID(), createdAt: undefined });
    expect(await db.ds.transaction((tx) => repo.insertIfAbsent(tx, again))).toBe(false);
    const nextTier = Object.assign(new Evaluation(), { ...first, id: randomUUID(), tier: 'CENTRAL', unitCode: 'VN', createdAt: undefined });
    expect(await db.ds.transaction((tx) => repo.insertIfAbsent(tx, nextTier))).toBe(true);
    expect(await db.ds.getRepository(Evaluation).countBy({ dossierId: first.dossierId })).toBe(2);
  });

  it('holds an evaluation read for update until the transaction ends', async () => {
    const e = await insertEvaluation(db.ds, { provinceCode: '18', tier: 'PROVINCE', labState: 'PENDING' });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const first = db.ds.transaction(async (tx) => {
      await repo.getForUpdate(tx, SYSTEM_SCOPE, e.id);
      locked();
      await held;
      await repo.setLabState(tx, e.id, 'PASSED', 'KQ-1');
    });
    await isLocked;
    await expect(withShortLockTimeout(db.ds, (tx) => repo.getForUpdate(tx, SYSTEM_SCOPE, e.id))).rejects.toThrow(/lock timeout/);
    release();
    await first;
    const after = await withShortLockTimeout(db.ds, (tx) => repo.getForUpdate(tx, SYSTEM_SCOPE, e.id));
    expect(after).toMatchObject({ labState: 'PASSED', labReference: 'KQ-1' });
  });

  it('sweeps the district evaluations still waiting: on the list, or on an unclosed session', async () => {
    const { council } = await insertCouncil(db.ds, { tier: 'DISTRICT', unitCode: '191', provinceCode: '19' });
    const open = await insertSession(db.ds, council.id, 'OPEN');
    const closed = await insertSession(db.ds, council.id, 'CLOSED');
    const revision = await insertCatalogueRevision(db.ds);
    const district = { provinceCode: '19', districtCode: '191', tier: 'DISTRICT', unitCode: '191' };
    const waiting = await insertEvaluation(db.ds, district);
    const onOpen = await insertEvaluation(db.ds, district);
    await schedule(db.ds, open, onOpen, revision.id);
    const onClosed = await insertEvaluation(db.ds, district);
    await schedule(db.ds, closed, onClosed, revision.id);
    const completed = await insertEvaluation(db.ds, { ...district, status: 'COMPLETED' });
    const atProvince = await insertEvaluation(db.ds, { provinceCode: '19', districtCode: '191', tier: 'PROVINCE' });
    const swept = ids(await db.ds.transaction((tx) => repo.waitingAtDistrictsForUpdate(tx)));
    expect(swept).toEqual(expect.arrayContaining([waiting.id, onOpen.id]));
    for (const e of [onClosed, completed, atProvince]) expect(swept).not.toContain(e.id);
  });

  it("writes a closing session's outcomes back to each evaluation in one statement", async () => {
    const done = await insertEvaluation(db.ds, { provinceCode: '20', tier: 'PROVINCE', status: 'SCHEDULED' });
    const back = await insertEvaluation(db.ds, { provinceCode: '20', tier: 'PROVINCE', status: 'SCHEDULED' });
    const sessionId = randomUUID();
    const deferral = { sessionId, reasons: ['SHEETS_MISSING'], at: '2025-04-01T00:00:00.000Z' };
    await db.ds.transaction((tx) =>
      repo.applyCloseUpdates(tx, [
        { id: done.id, status: 'COMPLETED', session_id: null, result: { stars: 4 } as never, last_deferral: null },
        { id: back.id, status: 'AWAITING_SESSION', session_id: null, result: null, last_deferral: deferral },
      ]),
    );
    expect(await db.ds.manager.findOneByOrFail(Evaluation, { id: done.id })).toMatchObject({ status: 'COMPLETED', result: { stars: 4 } });
    expect(await db.ds.manager.findOneByOrFail(Evaluation, { id: back.id })).toMatchObject({
      status: 'AWAITING_SESSION',
      lastDeferral: deferral,
      result: null,
    });
  });
});
