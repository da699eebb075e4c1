import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, type Actor, type AttendanceCommand, type SessionView } from '@ocop/contracts';
import { SessionsRepository } from './sessions.repository';
import { GetSessionQuery } from './get-session.query';
import { assertOrganiser } from './session.policy';
import { auditSessionChange } from './session.audit';
import { assertMeeting } from './written-consultation.policy';
import { POLICY_CHECKED } from '../access/scoring-scope.policy';

/** Records who is present (replaces the list). Members marked absent keep their sheets, which no longer count. */
@Injectable()
export class RecordAttendanceUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly sessions: SessionsRepository,
    private readonly getSession: GetSessionQuery,
  ) {}

  async execute(actor: Actor, c: AttendanceCommand): Promise<SessionView> {
    await this.ds.transaction(async (tx) => {
      const state = await this.sessions.lockState(tx, POLICY_CHECKED, c.sessionId, 'pessimistic_write');
      if (!state) throw AppError.notFound('SESSION_NOT_FOUND', 'no such session');
      assertOrganiser(actor, state);
      state.assertOpen();
      assertMeeting(state.session);
      const members = new Set(state.council.members.map((m) => m.id));
      c.presentMemberIds.forEach((id, i) => {
        if (!members.has(id)) throw AppError.validation('COUNCIL_MEMBER_UNKNOWN', 'not a member of this council', `presentMemberIds.${i}`);
      });
      const present = [...new Set(c.presentMemberIds)];
      await this.sessions.setAttendance(tx, c.sessionId, present);
      await auditSessionChange(tx, actor, 'session.attendance', 'session', c.sessionId, {
        from: state.session.presentMemberIds,
        to: present,
      });
    });
    return this.getSession.execute(actor, c.sessionId);
  }
}
