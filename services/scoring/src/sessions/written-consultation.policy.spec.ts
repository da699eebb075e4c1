import { randomUUID } from 'node:crypto';
import { AppError } from '@ocop/contracts';
import { Council } from '../councils/council.entity';
import { CouncilMember } from '../councils/council-member.entity';
import { MemberConflict } from '../councils/member-conflict.entity';
import { Session } from './session.entity';
import { SessionState } from './session-state.policy';
import {
  assertMayCloseWritten,
  assertMeeting,
  assertSheetsOpen,
  assertWrittenAgendaItem,
  dossierQuorum,
  missingSheets,
  respondents,
  sessionSchedule,
  sheetsDuePassed,
  vietnamDeadline,
} from './written-consultation.policy';

/** The rules of a written consultation, on plain objects. */
describe('written consultation policy', () => {
  const asOf = new Date('2025-06-01T03:00:00Z');
  const due = new Date('2025-06-10T10:00:00Z');
  const council = Object.assign(new Council(), { id: randomUUID(), quorum: 2, chairRequired: true, spreadLimit: 1000 });
  const member = (role: string, position: number) =>
    Object.assign(new CouncilMember(), {
      id: randomUUID(),
      councilId: council.id,
      userId: randomUUID(),
      fullName: `${role} ${position}`,
      role,
      position,
    });
  const [chair, m1, m2, secretary, advisor] = [
    member('CHAIR', 1),
    member('MEMBER', 2),
    member('MEMBER', 3),
    member('SECRETARY', 4),
    member('ADVISOR', 5),
  ];
  const a = { evaluationId: randomUUID(), producerId: randomUUID(), dossierCode: 'HS-A' };
  const b = { evaluationId: randomUUID(), producerId: randomUUID(), dossierCode: 'HS-B' };
  const session = (o: Partial<Session> = {}) =>
    Object.assign(new Session(), {
      id: randomUUID(),
      reference: 'BB-38-2025-0002',
      mode: 'WRITTEN',
      sheetsDueAt: due,
      presentMemberIds: [],
      ...o,
    });
  const stateOf = (s: Session, conflicts: MemberConflict[] = []) =>
    new SessionState(s, { council, members: [chair, m1, m2, secretary, advisor], conflicts });
  const conflict = (m: CouncilMember, producerId: string) => Object.assign(new MemberConflict(), { memberId: m.id, producerId });
  const sent = (d: { evaluationId: string }, ...ms: CouncilMember[]) => ms.map((m) => ({ evaluationId: d.evaluationId, memberId: m.id }));
  const errorOf = (fn: () => unknown): AppError => {
    try {
      fn();
    } catch (e) {
      return e as AppError;
    }
    throw new Error('no error');
  };

  describe('sessionSchedule', () => {
    it('keeps a meeting by default and refuses a deadline on one', () => {
      expect(sessionSchedule({}, asOf)).toEqual({ mode: 'MEETING', sheetsDueAt: null });
      expect(errorOf(() => sessionSchedule({ mode: 'MEETING', sheetsDueAt: due.toISOString() }, asOf))).toMatchObject({
        kind: 'VALIDATION',
        code: 'SESSION_SHEETS_DUE_MEETING',
        field: 'sheetsDueAt',
      });
    });

    it('requires a written consultation’s deadline, after the as-of instant', () => {
      expect(sessionSchedule({ mode: 'WRITTEN', sheetsDueAt: due.toISOString() }, asOf)).toEqual({ mode: 'WRITTEN', sheetsDueAt: due });
      expect(errorOf(() => sessionSchedule({ mode: 'WRITTEN' }, asOf))).toMatchObject({
        code: 'SESSION_SHEETS_DUE_REQUIRED',
        field: 'sheetsDueAt',
      });
      expect(errorOf(() => sessionSchedule({ mode: 'WRITTEN', sheetsDueAt: asOf.toISOString() }, asOf))).toMatchObject({
        code: 'SESSION_SHEETS_DUE_PAST',
        field: 'sheetsDueAt',
      });
    });
  });

  it('takes sheets until the deadline, inclusive; a meeting has none', () => {
    expect(sheetsDuePassed(session(), due)).toBe(false);
    expect(sheetsDuePassed(session(), new Date(due.getTime() + 1))).toBe(true);
    expect(sheetsDuePassed(session({ mode: 'MEETING', sheetsDueAt: null }), new Date('2030-01-01T00:00:00Z'))).toBe(false);
    expect(errorOf(() => assertSheetsOpen(session(), new Date(due.getTime() + 1)))).toMatchObject({
      kind: 'CONFLICT',
      code: 'SESSION_SHEETS_DUE_PASSED',
    });
  });

  it('records no attendance and takes re-evaluation dossiers only', () => {
    expect(errorOf(() => assertMeeting(session()))).toMatchObject({ kind: 'CONFLICT', code: 'SESSION_WRITTEN_NO_ATTENDANCE' });
    expect(() => assertMeeting(session({ mode: 'MEETING', sheetsDueAt: null }))).not.toThrow();
    expect(errorOf(() => assertWrittenAgendaItem(session(), { dossierKind: 'NEW', dossierCode: 'HS-1' }, 'evaluationIds.0'))).toMatchObject(
      {
        kind: 'RULE',
        code: 'SESSION_WRITTEN_REEVALUATION_ONLY',
        field: 'evaluationIds.0',
      },
    );
    expect(() =>
      assertWrittenAgendaItem(session(), { dossierKind: 'RE_EVALUATION', dossierCode: 'HS-1' }, 'evaluationIds.0'),
    ).not.toThrow();
    expect(() =>
      assertWrittenAgendaItem(session({ mode: 'MEETING', sheetsDueAt: null }), { dossierKind: 'NEW', dossierCode: 'HS-1' }, 'x'),
    ).not.toThrow();
  });

  it('asks every scoring member, without attendance, for the dossiers they are not linked to', () => {
    const state = stateOf(session(), [conflict(m2, b.producerId)]);
    expect(state.scoringMembers).toEqual([chair, m1, m2]);
    const missing = missingSheets(state, [a, b], [...sent(a, chair, m1), ...sent(b, chair)]);
    expect([...missing].map(([m, ds]) => [m.fullName, ds.map((d) => d.dossierCode)])).toEqual([
      [m1.fullName, ['HS-B']],
      [m2.fullName, ['HS-A']],
    ]);
    expect(respondents(state, [...sent(a, chair), ...sent(b, m1)])).toEqual([chair, m1]);
  });

  it("counts each dossier's quorum on the sheets received, a member linked to its producer counting when they took part", () => {
    const state = stateOf(session(), [conflict(chair, b.producerId)]);
    // Two sheets, the chair's among them: met.
    expect(dossierQuorum(state, a, sent(a, chair, m1))).toMatchObject({ present: 2, chairPresent: true, met: true });
    // Two sheets without the chair, who sent none at all: not met (the chair is required).
    expect(dossierQuorum(state, a, sent(a, m1, m2))).toMatchObject({ present: 2, chairPresent: false, met: false });
    // One sheet: not met.
    expect(dossierQuorum(state, a, sent(a, chair))).toMatchObject({ present: 1, met: false });
    // The chair, excluded from B for a conflict, took part by sending A's sheet: counted for B, as present at a meeting.
    expect(dossierQuorum(state, b, [...sent(a, chair), ...sent(b, m1)])).toMatchObject({ present: 2, chairPresent: true, met: true });
    expect(dossierQuorum(state, b, sent(b, m1, m2))).toMatchObject({ present: 2, chairPresent: false, met: false });
  });

  it('closes before the deadline only when nothing is missing, and any time after it', () => {
    const s = session();
    const state = stateOf(s);
    const missing = missingSheets(state, [a], sent(a, chair, m1));
    expect(errorOf(() => assertMayCloseWritten(s, asOf, missing))).toMatchObject({ kind: 'CONFLICT', code: 'SESSION_SHEETS_OUTSTANDING' });
    expect(() => assertMayCloseWritten(s, new Date(due.getTime() + 1), missing)).not.toThrow();
    expect(() => assertMayCloseWritten(s, asOf, missingSheets(state, [a], sent(a, chair, m1, m2)))).not.toThrow();
  });

  it('prints the deadline as dd/mm/yyyy HH:mm in Vietnam time', () => {
    expect(vietnamDeadline(due)).toBe('10/06/2025 17:00');
    expect(vietnamDeadline('2025-12-31T17:05:00Z')).toBe('01/01/2026 00:05');
  });
});
