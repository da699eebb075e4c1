import { Injectable } from '@nestjs/common';
import { AppError, Role, type Actor, type SheetView, type SheetsQuery } from '@ocop/contracts';
import { SessionsRepository } from './sessions.repository';
import { ScoreSheetsRepository } from './score-sheets.repository';
import { sheetView } from './score-sheet.view';
import { isOrganiser } from './session.policy';
import { readerScope } from '../access/scoring-scope.policy';

@Injectable()
export class ListSheetsQuery {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly sheets: ScoreSheetsRepository,
  ) {}

  async execute(actor: Actor, q: SheetsQuery): Promise<SheetView[]> {
    const state = await this.sessions.getState(readerScope(actor), q.sessionId);
    if (!state) throw AppError.notFound('SESSION_NOT_FOUND', 'no such session');
    const member = state.memberOf(actor);
    const organiser = isOrganiser(actor, state);
    // Each member scores alone: a member sees their own sheets; the organisers (the unit's office, the secretary) see
    // every sheet, and so does the chair once the session is closed. Everyone else who reads the session sees the
    // totals in the session view and the minutes, not the sheets.
    const chairAfterClosing = state.session.status !== 'OPEN' && actor.role === Role.COUNCIL_MEMBER && member?.role === 'CHAIR';
    let memberId: string | undefined;
    if (!organiser && !chairAfterClosing) {
      if (!member) throw AppError.notFound('SESSION_NOT_FOUND', 'no such session');
      memberId = member.id;
    }
    const names = new Map(state.council.members.map((m) => [m.id, m.fullName]));
    return (await this.sheets.list(state, { evaluationId: q.evaluationId, memberId })).map((s) =>
      sheetView(s, names.get(s.memberId) ?? '', null),
    );
  }
}
