import { randomUUID } from 'node:crypto';
import { Role } from '@ocop/contracts';
import { CouncilsRepository } from '../src/councils/councils.repository';
import { SessionsRepository } from '../src/sessions/sessions.repository';
import { ScoreSheetsRepository } from '../src/sessions/score-sheets.repository';
import { SessionItem } from '../src/sessions/session-item.entity';
import { Session } from '../src/sessions/session.entity';
import { WrittenConsultationReminder } from '../src/sessions/written-consultation-reminder.entity';
import { ScoreSheet } from '../src/sessions/score-sheet.entity';
import { POLICY_CHECKED, readerScope } from '../src/access/scoring-scope.policy';
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

/** Session scope, the reference counter upsert and the agenda item lock that serialises score sheets, on real PostgreSQL. */
describe('SessionsRepository', () => {
  let db: ScoringDb;
  let repo: SessionsRepository;
  let sheets: ScoreSheetsRepository;

  beforeAll(async () => {
    db = await openScoringDb('scoring-sessions-repo');
    repo = new SessionsRepository(db.ds, new CouncilsRepository(db.ds));
    sheets = new ScoreSheetsRepository(db.ds);
  });

  afterAll(async () => {
    await db?.close();
  });

  it("reads and lists a session for its council's readers only", async () => {
    const { council } = await insertCouncil(db.ds, { tier: 'PROVINCE', unitCode: '31', provinceCode: '31' });
    const open = await insertSession(db.ds, council.id, 'OPEN');
    const closed = await insertSession(db.ds, council.id, 'CLOSED');
    const own = readerScope(actor(Role.PROVINCE_OFFICE, { provinceCode: '31' }));
    const other = readerScope(actor(Role.PROVINCE_OFFICE, { provinceCode: '32' }));
    expect((await repo.getState(own, open.id))?.council.council.id).toBe(council.id);
    expect(await repo.getState(other, open.id)).toBeNull();
    expect((await repo.list(own, { councilId: council.id })).map((s) => s.session.id).sort()).toEqual([open.id, closed.id].sort());
    expect((await repo.list(own, { councilId: council.id, status: 'CLOSED' })).map((s) => s.session.id)).toEqual([closed.id]);
    expect(await repo.list(other, { councilId: council.id })).toEqual([]);
  });

  it('numbers the references of each unit and year in sequence, also when sessions are created at once', async () => {
    const next = (scope: string) => db.ds.transaction((tx) => repo.nextReferenceNumber(tx, scope));
    expect(await next('331-2025')).toBe(1);
    expect(await next('331-2025')).toBe(2);
    expect(await next('332-2025')).toBe(1);
    const together = await Promise.all(Array.from({ length: 4 }, () => next('331-2025')));
    expect(together.sort()).toEqual([3, 4, 5, 6]);
  });

  it("serialises one dossier's sheets on its agenda item, not the other dossiers'", async () => {
    const { council } = await insertCouncil(db.ds, { tier: 'PROVINCE', unitCode: '34', provinceCode: '34' });
    const session = await insertSession(db.ds, council.id);
    const revision = await insertCatalogueRevision(db.ds);
    const a = await insertEvaluation(db.ds, { provinceCode: '34', tier: 'PROVINCE' });
    const b = await insertEvaluation(db.ds, { provinceCode: '34', tier: 'PROVINCE' });
    await schedule(db.ds, session, a, revision.id, 1);
    await schedule(db.ds, session, b, revision.id, 2);
    const state = (await repo.getState(POLICY_CHECKED, session.id))!;
    expect(await db.ds.transaction((tx) => repo.lockItem(tx, state, randomUUID()))).toBeNull();

    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const first = db.ds.transaction(async (tx) => {
      await repo.lockItem(tx, state, a.id);
      locked();
      await held;
      await repo.flagSpread(tx, session.id, a.id);
    });
    await isLocked;
    await expect(withShortLockTimeout(db.ds, (tx) => repo.lockItem(tx, state, a.id))).rejects.toThrow(/lock timeout/);
    expect((await withShortLockTimeout(db.ds, (tx) => repo.lockItem(tx, state, b.id)))?.evaluationId).toBe(b.id);
    release();
    await first;
    expect(await withShortLockTimeout(db.ds, (tx) => repo.lockItem(tx, state, a.id))).toMatchObject({
      evaluationId: a.id,
      spreadFlagged: true,
    });
  });

  it("writes a closing session's item outcomes in one statement, and reads the agenda in order", async () => {
    const { council, members } = await insertCouncil(db.ds, {
      tier: 'PROVINCE',
      unitCode: '35',
      provinceCode: '35',
      memberUserIds: [randomUUID(), randomUUID()],
    });
    const session = await insertSession(db.ds, council.id);
    const revision = await insertCatalogueRevision(db.ds);
    const a = await insertEvaluation(db.ds, { provinceCode: '35', tier: 'PROVINCE' });
    const b = await insertEvaluation(db.ds, { provinceCode: '35', tier: 'PROVINCE' });
    await schedule(db.ds, session, b, revision.id, 2);
    await schedule(db.ds, session, a, revision.id, 1);
    const state = (await repo.getState(POLICY_CHECKED, session.id))!;
    await db.ds.transaction((tx) =>
      repo.setOutcomes(tx, session.id, [
        { evaluationId: a.id, outcome: 'COMPLETED' },
        { evaluationId: b.id, outcome: 'DEFERRED' },
      ]),
    );
    expect((await repo.agenda(state)).map((i: SessionItem) => [i.evaluationId, i.outcome])).toEqual([
      [a.id, 'COMPLETED'],
      [b.id, 'DEFERRED'],
    ]);

    // A member's own sheets only, when the list is narrowed to the member.
    const sheet = (memberId: string, total: number) =>
      Object.assign(new ScoreSheet(), {
        id: randomUUID(),
        sessionId: session.id,
        evaluationId: a.id,
        memberId,
        entries: [],
        total,
        partTotals: {},
        criterionPoints: {},
        revision: 1,
        submittedAt: new Date(),
        updatedAt: new Date(),
      });
    const corrected = sheet(members[1]!.id, 6500);
    await db.ds.transaction(async (tx) => {
      await sheets.save(tx, sheet(members[0]!.id, 8000), true);
      await sheets.save(tx, corrected, true);
    });
    // A correction rewrites the member's one sheet in place.
    await db.ds.transaction((tx) => sheets.save(tx, Object.assign(corrected, { total: 7000, revision: 2 }), false));
    expect((await sheets.list(state, { memberId: members[1]!.id })).map((s) => [s.total, s.revision])).toEqual([[7000, 2]]);
    expect((await sheets.totals(state)).map((t) => t.total).sort()).toEqual([7000, 8000]);
  });

  it('finds the open written consultations due by an instant, skips one another sweep holds, and records reminders and the escalation once', async () => {
    const { council, members } = await insertCouncil(db.ds, {
      tier: 'PROVINCE',
      unitCode: '36',
      provinceCode: '36',
      memberUserIds: [randomUUID(), randomUUID()],
    });
    const written = async (dueAt: string, status = 'OPEN') => {
      const s = await insertSession(db.ds, council.id, status);
      await db.ds.manager.update(Session, { id: s.id }, { mode: 'WRITTEN', sheetsDueAt: new Date(dueAt) });
      return s;
    };
    const soon = await written('2025-06-10T10:00:00Z');
    const later = await written('2025-06-20T10:00:00Z');
    await written('2025-06-01T10:00:00Z', 'CLOSED');
    await insertSession(db.ds, council.id); // a meeting
    const due = (until: string) =>
      db.ds.transaction(async (tx) => (await repo.lockWrittenDueBy(tx, new Date(until))).map((s) => s.session.id));
    expect(await due('2025-06-12T00:00:00Z')).toEqual([soon.id]);
    expect(await due('2025-06-30T00:00:00Z')).toEqual([soon.id, later.id]);

    // A sweep holding `soon` makes another skip it rather than wait.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const first = db.ds.transaction(async (tx) => {
      await repo.lockWrittenDueBy(tx, new Date('2025-06-12T00:00:00Z'));
      locked();
      await held;
    });
    await isLocked;
    expect(
      await withShortLockTimeout(db.ds, async (tx) =>
        (await repo.lockWrittenDueBy(tx, new Date('2025-06-30T00:00:00Z'))).map((s) => s.session.id),
      ),
    ).toEqual([later.id]);
    release();
    await first;

    const reminder = (memberId: string) =>
      Object.assign(new WrittenConsultationReminder(), { sessionId: soon.id, memberId, remindedAt: new Date('2025-06-09T00:00:00Z') });
    const remind = (memberId: string) => db.ds.transaction((tx) => repo.addReminderIfAbsent(tx, reminder(memberId)));
    expect(await remind(members[0]!.id)).toBe(true);
    expect(await remind(members[0]!.id)).toBe(false);
    expect(await remind(members[1]!.id)).toBe(true);
    const escalate = () => db.ds.transaction((tx) => repo.markEscalated(tx, soon.id, new Date('2025-06-10T11:00:00Z')));
    expect(await escalate()).toBe(true);
    expect(await escalate()).toBe(false);
    // Escalated: no longer followed up.
    expect(await due('2025-06-30T00:00:00Z')).toEqual([later.id]);
  });
});
