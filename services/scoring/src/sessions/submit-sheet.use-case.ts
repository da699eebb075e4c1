import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, Role, type Actor, type SheetView, type SubmitSheetCommand } from '@ocop/contracts';
import { formatPoints } from '@ocop/domain';
import { scoreOnAgenda, sheetColumns } from './sheet-scoring';
import { now } from '@ocop/observability';
import { ScoreSheet } from './score-sheet.entity';
import { SessionsRepository } from './sessions.repository';
import { ScoreSheetsRepository } from './score-sheets.repository';
import { sheetView } from './score-sheet.view';
import { auditSessionChange } from './session.audit';
import { assertSheetsOpen, isWritten } from './written-consultation.policy';
import { EvaluationsRepository } from '../evaluations/evaluations.repository';
import { CatalogueLoader } from '../catalogue/catalogue.loader';
import { POLICY_CHECKED, readerScope } from '../access/scoring-scope.policy';

/**
 * A present scoring member submits, or corrects until the session closes, their one sheet for a dossier on the agenda; in
 * a written consultation every scoring member does, until the deadline of its sheets.
 */
@Injectable()
export class SubmitSheetUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly sessions: SessionsRepository,
    private readonly sheets: ScoreSheetsRepository,
    private readonly evaluations: EvaluationsRepository,
    private readonly catalogues: CatalogueLoader,
  ) {}

  async execute(actor: Actor, c: SubmitSheetCommand): Promise<SheetView> {
    return this.ds.transaction(async (tx) => {
      const state = await this.sessions.lockState(tx, readerScope(actor), c.sessionId, 'pessimistic_read');
      if (!state) throw AppError.notFound('SESSION_NOT_FOUND', 'no such session');
      const member = state.memberOf(actor);
      if (!member || actor.role !== Role.COUNCIL_MEMBER)
        throw AppError.forbidden('SESSION_NOT_A_MEMBER', 'only members of this council score in its sessions');
      if (!state.scoringMembers.some((m) => m.id === member.id)) {
        throw AppError.forbidden(
          'SESSION_MEMBER_NOT_SCORING',
          isWritten(state.session)
            ? `${member.fullName} is not a scoring member of this council`
            : `${member.fullName} is not recorded as a present scoring member of this session`,
        );
      }
      state.assertOpen();
      assertSheetsOpen(state.session, now());
      // The agenda item locked: sheets of one dossier are written one at a time, so the same sheet sent twice at once
      // (a double tap on a tablet) is one submission and one correction, never a duplicate-key error.
      const item = await this.sessions.lockItem(tx, state, c.evaluationId);
      if (!item) throw AppError.notFound('AGENDA_ITEM_NOT_FOUND', "this dossier is not on the session's agenda");
      // On the agenda of a session the member reads: the evaluation is theirs to score.
      const e = (await this.evaluations.get(POLICY_CHECKED, c.evaluationId, tx))!;
      if (state.conflicted(e.producerId).some((m) => m.id === member.id)) {
        throw AppError.forbidden('CONFLICT_OF_INTEREST', `${member.fullName} is linked to the producer and may not score this dossier`);
      }
      const missing = (await this.evaluations.missingOpinions(tx, [e])).get(e.id);
      if (missing) {
        throw AppError.rule(
          'AGENCY_OPINION_MISSING',
          `the province requires the written opinion of ${missing.join(', ')} on dossier ${e.dossierCode} before it is scored`,
        );
      }
      const scoredEntries = await scoreOnAgenda(this.catalogues, tx, item.catalogueRevisionId, e, c.entries);
      const existing = await this.sheets.lockOwn(tx, state, c.evaluationId, member.id);
      const where = { sessionId: c.sessionId, evaluationId: c.evaluationId, memberId: member.id };
      const sheet = Object.assign(existing ?? new ScoreSheet(), sheetColumns(existing, where, scoredEntries, now()));
      await this.sheets.save(tx, sheet, !existing);
      await auditSessionChange(tx, actor, existing ? 'score-sheet.correct' : 'score-sheet.submit', 'score_sheet', sheet.id, {
        sessionId: c.sessionId,
        evaluationId: c.evaluationId,
        memberId: member.id,
        total: formatPoints(sheet.total),
        previousTotal: existing ? formatPoints(existing.total) : null,
        revision: sheet.revision,
      });
      const eligible = new Set(state.eligible(e.producerId).map((m) => m.id));
      const totals = (await this.sheets.ofSession(state, tx, c.evaluationId)).filter((s) => eligible.has(s.memberId)).map((s) => s.total);
      const spread = state.spread(totals);
      if (spread?.exceeded && !item.spreadFlagged) {
        await this.sessions.flagSpread(tx, c.sessionId, c.evaluationId);
        await auditSessionChange(tx, actor, 'session.spread-flagged', 'session', c.sessionId, { evaluationId: c.evaluationId, spread });
      }
      return sheetView(sheet, member.fullName, spread);
    });
  }
}
