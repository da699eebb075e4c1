import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '@ocop/persistence';
import { ScoreSheet } from './score-sheet.entity';
import { AdvisorySheet } from './advisory-sheet.entity';
import type { SessionState } from './session-state.policy';

/** Score sheets, always read through their session (read in the caller's scope first). */
@Injectable()
export class ScoreSheetsRepository {
  constructor(private readonly ds: DataSource) {}

  /** The member's sheet for the dossier, locked for update (a correction), or null. */
  lockOwn(tx: Tx, state: SessionState, evaluationId: string, memberId: string): Promise<ScoreSheet | null> {
    return tx
      .getRepository(ScoreSheet)
      .createQueryBuilder('s')
      .where('s.session_id = :s AND s.evaluation_id = :e AND s.member_id = :m', { s: state.session.id, e: evaluationId, m: memberId })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** Writes a new sheet, or a correction of the one `lockOwn` returned (no read first: the caller knows which). */
  async save(tx: Tx, sheet: ScoreSheet, isNew: boolean): Promise<void> {
    if (isNew) await tx.insert(ScoreSheet, sheet);
    else await tx.update(ScoreSheet, { id: sheet.id }, sheet);
  }

  /** Every sheet of the session, or of one dossier on its agenda. */
  ofSession(state: SessionState, tx?: Tx, evaluationId?: string): Promise<ScoreSheet[]> {
    const where = evaluationId ? { sessionId: state.session.id, evaluationId } : { sessionId: state.session.id };
    return (tx ?? this.ds.manager).findBy(ScoreSheet, where);
  }

  /** The sheets a closed session counted for one dossier (its result names the session). */
  ofEvaluation(sessionId: string, evaluationId: string): Promise<ScoreSheet[]> {
    return this.ds.manager.findBy(ScoreSheet, { sessionId, evaluationId });
  }

  /** The advisor's pre-score for the dossier, locked for update, or null. */
  lockAdvisory(tx: Tx, sessionId: string, evaluationId: string, memberId: string): Promise<AdvisorySheet | null> {
    return tx
      .getRepository(AdvisorySheet)
      .createQueryBuilder('s')
      .where('s.session_id = :s AND s.evaluation_id = :e AND s.member_id = :m', { s: sessionId, e: evaluationId, m: memberId })
      .setLock('pessimistic_write')
      .getOne();
  }

  async saveAdvisory(tx: Tx, sheet: AdvisorySheet, isNew: boolean): Promise<void> {
    if (isNew) await tx.insert(AdvisorySheet, sheet);
    else await tx.update(AdvisorySheet, { id: sheet.id }, sheet);
  }

  /** The advisory team's pre-scores of the session (of one dossier, if given). */
  advisoryOf(state: SessionState, evaluationId?: string): Promise<AdvisorySheet[]> {
    const where = evaluationId ? { sessionId: state.session.id, evaluationId } : { sessionId: state.session.id };
    return this.ds.manager.find(AdvisorySheet, { where, order: { evaluationId: 'ASC', submittedAt: 'ASC' } });
  }

  /** Each sheet's total only (the session view's counts and spreads). */
  totals(state: SessionState): Promise<{ evaluationId: string; memberId: string; total: number }[]> {
    return this.ds
      .getRepository(ScoreSheet)
      .createQueryBuilder('s')
      .select(['s.evaluation_id AS "evaluationId"', 's.member_id AS "memberId"', 's.total AS total'])
      .where('s.session_id = :id', { id: state.session.id })
      .getRawMany();
  }

  /** The sheets a caller may see, oldest first: of one dossier and/or one member when given. */
  list(state: SessionState, f: { evaluationId?: string; memberId?: string }): Promise<ScoreSheet[]> {
    const where: Record<string, string> = { sessionId: state.session.id };
    if (f.evaluationId) where.evaluationId = f.evaluationId;
    if (f.memberId) where.memberId = f.memberId;
    return this.ds.getRepository(ScoreSheet).find({ where, order: { submittedAt: 'ASC' } });
  }
}
