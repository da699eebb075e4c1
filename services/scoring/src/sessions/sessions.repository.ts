import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { DEFAULT_PAGE } from '@ocop/contracts';
import type { Tx } from '@ocop/persistence';
import { Session } from './session.entity';
import { SessionItem } from './session-item.entity';
import { SessionState } from './session-state.policy';
import { WrittenConsultationReminder } from './written-consultation-reminder.entity';
import { CouncilsRepository } from '../councils/councils.repository';
import { POLICY_CHECKED, SYSTEM_SCOPE, type ScoringScope } from '../access/scoring-scope.policy';

export interface SessionFilter {
  councilId?: string;
  status?: string;
  limit?: number;
  offset?: number;
}

/**
 * Sessions and their agendas. A session is in a reader's scope when its council is (see CouncilsRepository.get);
 * its agenda is read through a session so read.
 */
@Injectable()
export class SessionsRepository {
  constructor(
    private readonly ds: DataSource,
    private readonly councils: CouncilsRepository,
  ) {}

  /** The session with its council, or null when unknown or outside the scope. */
  async getState(scope: ScoringScope, id: string, tx?: Tx): Promise<SessionState | null> {
    const session = await (tx ?? this.ds.manager).findOneBy(Session, { id });
    return session ? this.withCouncil(scope, session, tx) : null;
  }

  /** Same, the session row locked (share: sheets; update: agenda, attendance, closing) inside the caller's transaction. */
  async lockState(tx: Tx, scope: ScoringScope, id: string, lock: 'pessimistic_read' | 'pessimistic_write'): Promise<SessionState | null> {
    const session = await tx.getRepository(Session).createQueryBuilder('s').where('s.id = :id', { id }).setLock(lock).getOne();
    return session ? this.withCouncil(scope, session, tx) : null;
  }

  /** A page of the sessions of the councils in scope, newest first: scope first, then the page, so none is cut off by an unreadable one. */
  async list(scope: ScoringScope, f: SessionFilter): Promise<SessionState[]> {
    const readable = (await this.councils.list(scope)).map((c) => c.id).filter((id) => !f.councilId || id === f.councilId);
    if (!readable.length) return [];
    const where: Record<string, unknown> = { councilId: In(readable) };
    if (f.status) where.status = f.status;
    const sessions = await this.ds.getRepository(Session).find({
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      take: f.limit ?? DEFAULT_PAGE.limit,
      skip: f.offset ?? DEFAULT_PAGE.offset,
    });
    const out: SessionState[] = [];
    const councils = new Map<string, SessionState['council']>(); // a page's sessions share few councils: load each once
    for (const s of sessions) {
      // Each council was just read in the caller's scope.
      const council = councils.get(s.councilId) ?? (await this.councils.get(POLICY_CHECKED, s.councilId))!;
      councils.set(s.councilId, council);
      out.push(new SessionState(s, council));
    }
    return out;
  }

  /**
   * The next number of the session references of a unit and cycle year (`BB-<unit>-<year>-<n>`): an upsert, so two
   * sessions created at once never get the same number.
   */
  async nextReferenceNumber(tx: Tx, counterScope: string): Promise<number> {
    const [{ last_number: n }] = (await tx.query(
      `INSERT INTO scoring.session_reference_counter (scope, last_number) VALUES ($1, 1)
       ON CONFLICT (scope) DO UPDATE SET last_number = session_reference_counter.last_number + 1 RETURNING last_number`,
      [counterScope],
    )) as { last_number: number }[];
    return n;
  }

  async insert(tx: Tx, s: Session): Promise<void> {
    await tx.insert(Session, s);
  }

  async setAttendance(tx: Tx, id: string, presentMemberIds: string[]): Promise<void> {
    await tx.update(Session, { id }, { presentMemberIds });
  }

  async close(tx: Tx, id: string, c: Pick<Session, 'closedAt' | 'closedBy' | 'minutes'>): Promise<void> {
    await tx.update(Session, { id }, { status: 'CLOSED', closedAt: c.closedAt, closedBy: c.closedBy, minutes: c.minutes });
  }

  /** The session's agenda in order (the session read in the caller's scope first). */
  agenda(state: SessionState, tx?: Tx): Promise<SessionItem[]> {
    return (tx ?? this.ds.manager).find(SessionItem, { where: { sessionId: state.session.id }, order: { position: 'ASC' } });
  }

  agendaLength(tx: Tx, sessionId: string): Promise<number> {
    return tx.count(SessionItem, { where: { sessionId } });
  }

  /**
   * One agenda item locked for update: sheets of one dossier are written one at a time through it (see
   * SubmitSheetUseCase). Null when the dossier is not on the agenda.
   */
  lockItem(tx: Tx, state: SessionState, evaluationId: string): Promise<SessionItem | null> {
    return tx.findOne(SessionItem, { where: { sessionId: state.session.id, evaluationId }, lock: { mode: 'pessimistic_write' } });
  }

  async insertItems(tx: Tx, items: SessionItem[]): Promise<void> {
    await tx.insert(SessionItem, items);
  }

  async flagSpread(tx: Tx, sessionId: string, evaluationId: string): Promise<void> {
    await tx.update(SessionItem, { sessionId, evaluationId }, { spreadFlagged: true });
  }

  /** Takes a dossier off an unclosed session's agenda (the 2025 district transfer). */
  async removeItem(tx: Tx, sessionId: string, evaluationId: string): Promise<void> {
    await tx.delete(SessionItem, { sessionId, evaluationId });
  }

  /** Writes every agenda item's outcome of a closing session in one statement. */
  async setOutcomes(tx: Tx, sessionId: string, items: Pick<SessionItem, 'evaluationId' | 'outcome'>[]): Promise<void> {
    await tx.query(
      `UPDATE scoring.session_item i SET outcome = v.outcome
       FROM jsonb_to_recordset($2::jsonb) AS v(evaluation_id uuid, outcome text) WHERE i.session_id = $1 AND i.evaluation_id = v.evaluation_id`,
      [sessionId, JSON.stringify(items.map((i) => ({ evaluation_id: i.evaluationId, outcome: i.outcome })))],
    );
  }

  /**
   * For the sweep of written consultations (the system's own): the open ones whose sheets are due by `until` and whose
   * missing sheets were not escalated yet, locked for update; a row another sweep holds is skipped (SKIP LOCKED), so two
   * sweeps never follow up the same session at once.
   */
  async lockWrittenDueBy(tx: Tx, until: Date): Promise<SessionState[]> {
    const sessions = await tx
      .getRepository(Session)
      .createQueryBuilder('s')
      .where(`s.mode = 'WRITTEN' AND s.status = 'OPEN' AND s.sheets_escalated_at IS NULL AND s.sheets_due_at <= :until`, { until })
      .orderBy('s.sheets_due_at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    const out: SessionState[] = [];
    for (const s of sessions) out.push((await this.withCouncil(SYSTEM_SCOPE, s, tx))!);
    return out;
  }

  /** Records a member's reminder unless one was recorded for the session already: true when this call recorded it. */
  async addReminderIfAbsent(tx: Tx, r: WrittenConsultationReminder): Promise<boolean> {
    const res = await tx
      .createQueryBuilder()
      .insert()
      .into(WrittenConsultationReminder)
      .values(r)
      .orIgnore()
      .returning('session_id')
      .execute();
    return (res.raw as unknown[]).length > 0;
  }

  /** Marks a written consultation's missing sheets escalated (once): true when this call marked it. */
  async markEscalated(tx: Tx, id: string, at: Date): Promise<boolean> {
    const res = await tx
      .createQueryBuilder()
      .update(Session)
      .set({ sheetsEscalatedAt: at })
      .where('id = :id AND sheets_escalated_at IS NULL', { id })
      .execute();
    return (res.affected ?? 0) > 0;
  }

  private async withCouncil(scope: ScoringScope, session: Session, tx?: Tx): Promise<SessionState | null> {
    const council = await this.councils.get(scope, session.councilId, tx);
    return council ? new SessionState(session, council) : null;
  }
}
