import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, Role, type Actor, type SheetView, type SheetsQuery, type SubmitSheetCommand } from '@ocop/contracts';
import { formatPoints } from '@ocop/domain';
import { now } from '@ocop/observability';
import { POLICY_CHECKED, readerScope } from '../access/scoring-scope.policy';
import { CatalogueLoader } from '../catalogue/catalogue.loader';
import { EvaluationsRepository } from '../evaluations/evaluations.repository';
import { AdvisorySheet } from './advisory-sheet.entity';
import { ScoreSheetsRepository } from './score-sheets.repository';
import { sheetView } from './score-sheet.view';
import { auditSessionChange } from './session.audit';
import { SessionsRepository } from './sessions.repository';
import { scoreOnAgenda, sheetColumns } from './sheet-scoring';

/**
 * The advisory team's pre-scores (issue 18; Thanh Hóa: the province council decides on "the advisory team's scores"
 * among its inputs): an advisor of the council records, and may correct while the session is open, its own sheet per
 * dossier on the agenda; the council's members and organisers read them as input. They are kept apart from the score
 * sheets, so they never count in the mean, the quorum or the spread.
 */
@Injectable()
export class AdvisorySheetsUseCases {
  constructor(
    private readonly ds: DataSource,
    private readonly sessions: SessionsRepository,
    private readonly sheets: ScoreSheetsRepository,
    private readonly evaluations: EvaluationsRepository,
    private readonly catalogues: CatalogueLoader,
  ) {}

  async submit(actor: Actor, c: SubmitSheetCommand): Promise<SheetView> {
    return this.ds.transaction(async (tx) => {
      const state = await this.sessions.lockState(tx, readerScope(actor), c.sessionId, 'pessimistic_read');
      if (!state) throw AppError.notFound('SESSION_NOT_FOUND', 'no such session');
      const member = state.memberOf(actor);
      if (!member || actor.role !== Role.COUNCIL_MEMBER || member.role !== 'ADVISOR')
        throw AppError.forbidden('SESSION_NOT_ADVISORY', 'only the council’s advisory team records pre-scores');
      state.assertOpen();
      const item = await this.sessions.lockItem(tx, state, c.evaluationId);
      if (!item) throw AppError.notFound('AGENDA_ITEM_NOT_FOUND', "this dossier is not on the session's agenda");
      const e = (await this.evaluations.get(POLICY_CHECKED, c.evaluationId, tx))!;
      const scoredEntries = await scoreOnAgenda(this.catalogues, tx, item.catalogueRevisionId, e, c.entries);
      const existing = await this.sheets.lockAdvisory(tx, c.sessionId, c.evaluationId, member.id);
      const where = { sessionId: c.sessionId, evaluationId: c.evaluationId, memberId: member.id };
      const sheet = Object.assign(existing ?? new AdvisorySheet(), sheetColumns(existing, where, scoredEntries, now()));
      await this.sheets.saveAdvisory(tx, sheet, !existing);
      await auditSessionChange(tx, actor, existing ? 'advisory-sheet.correct' : 'advisory-sheet.submit', 'advisory_sheet', sheet.id, {
        sessionId: c.sessionId,
        evaluationId: c.evaluationId,
        memberId: member.id,
        total: formatPoints(sheet.total),
        revision: sheet.revision,
      });
      return sheetView(sheet, member.fullName, null);
    });
  }

  /** The pre-scores, for the council's members and the session's organisers (whoever reads the session as one of them). */
  async list(actor: Actor, q: SheetsQuery): Promise<SheetView[]> {
    const state = await this.sessions.getState(readerScope(actor), q.sessionId);
    if (!state) throw AppError.notFound('SESSION_NOT_FOUND', 'no such session');
    const names = new Map(state.council.members.map((m) => [m.id, m.fullName]));
    return (await this.sheets.advisoryOf(state, q.evaluationId)).map((s) => sheetView(s, names.get(s.memberId) ?? '', null));
  }
}
