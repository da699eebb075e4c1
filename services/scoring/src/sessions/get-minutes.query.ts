import { Injectable } from '@nestjs/common';
import { AppError, type Actor, type MinutesView } from '@ocop/contracts';
import { SessionsRepository } from './sessions.repository';
import { readerScope } from '../access/scoring-scope.policy';

/** The minutes of a closed session, as stored when the secretary closed it. */
@Injectable()
export class GetMinutesQuery {
  constructor(private readonly sessions: SessionsRepository) {}

  async execute(actor: Actor, sessionId: string): Promise<MinutesView> {
    const state = await this.sessions.getState(readerScope(actor), sessionId);
    if (!state) throw AppError.notFound('SESSION_NOT_FOUND', 'no such session');
    if (!state.session.minutes) throw AppError.conflict('SESSION_NOT_CLOSED', 'the minutes exist once the secretary closes the session');
    // Minutes stored before written consultations existed are a meeting's.
    return {
      ...state.session.minutes,
      mode: state.session.minutes.mode ?? 'MEETING',
      writtenConsultation: state.session.minutes.writtenConsultation ?? null,
    };
  }
}
