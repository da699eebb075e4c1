import { AppError, type QuorumView } from '@ocop/contracts';
import { vietnamClock } from '@ocop/domain';
import type { CouncilMember } from '../councils/council-member.entity';
import type { Session } from './session.entity';
import type { SessionState } from './session-state.policy';

/**
 * Re-evaluation by written consultation (issue 18; Ninh Bình: "hoặc lấy ý kiến bằng văn bản về phiếu đánh giá"): the
 * council scores re-evaluation dossiers without meeting. There is no attendance: every scoring member (chair, vice-chair,
 * member) is asked for a sheet per dossier of the agenda they may score (not linked to its producer), sends and corrects
 * it until `sheetsDueAt` (inclusive), and none is taken after it.
 *
 * The quorum is counted on the sheets received, per dossier, the way a meeting counts who is present: for one dossier,
 * the members who took part are those who sent its sheet, and those excluded from it for a conflict of interest who sent
 * sheets for other dossiers of the consultation (present but not scoring, at a meeting). The council's rule applies to
 * them unchanged: at least `quorum` of them, the chair among them when `chairRequired`. A dossier whose sheets are
 * incomplete is still finalised on the sheets received (their mean) when its quorum is met, and deferred with
 * SHEETS_MISSING only when it is not. The session's quorum (view and minutes) counts the members who sent any sheet.
 */
export const WRITTEN_FORM_VI = 'Hình thức: lấy ý kiến bằng văn bản về phiếu đánh giá';

export interface AgendaDossier {
  evaluationId: string;
  producerId: string;
  dossierCode: string;
}

export interface SentSheet {
  evaluationId: string;
  memberId: string;
}

/** The mode and deadline of a new session, from its command: a conditional field is checked here, with its path. */
export function sessionSchedule(c: { mode?: string; sheetsDueAt?: string }, asOf: Date): Pick<Session, 'mode' | 'sheetsDueAt'> {
  const mode = c.mode === 'WRITTEN' ? 'WRITTEN' : 'MEETING';
  if (mode === 'MEETING') {
    if (c.sheetsDueAt !== undefined)
      throw AppError.validation('SESSION_SHEETS_DUE_MEETING', 'a deadline for sheets is set on a written consultation only', 'sheetsDueAt');
    return { mode, sheetsDueAt: null };
  }
  if (c.sheetsDueAt === undefined)
    throw AppError.validation('SESSION_SHEETS_DUE_REQUIRED', 'a written consultation needs the deadline of its sheets', 'sheetsDueAt');
  const due = new Date(c.sheetsDueAt);
  if (due.getTime() <= asOf.getTime())
    throw AppError.validation('SESSION_SHEETS_DUE_PAST', `the deadline must be after ${asOf.toISOString()}`, 'sheetsDueAt');
  return { mode, sheetsDueAt: due };
}

export function isWritten(session: Pick<Session, 'mode'>): boolean {
  return session.mode === 'WRITTEN';
}

/** A written consultation's deadline has passed at `at` (sheets are taken until it, inclusive). */
export function sheetsDuePassed(session: Pick<Session, 'mode' | 'sheetsDueAt'>, at: Date): boolean {
  return isWritten(session) && session.sheetsDueAt !== null && at.getTime() > session.sheetsDueAt.getTime();
}

export function assertSheetsOpen(session: Session, at: Date): void {
  if (sheetsDuePassed(session, at))
    throw AppError.conflict(
      'SESSION_SHEETS_DUE_PASSED',
      `the sheets of written consultation ${session.reference} were due by ${session.sheetsDueAt!.toISOString()}`,
    );
}

/** Attendance is a meeting's: a written consultation has none. */
export function assertMeeting(session: Session): void {
  if (isWritten(session))
    throw AppError.conflict(
      'SESSION_WRITTEN_NO_ATTENDANCE',
      `session ${session.reference} is a written consultation: no attendance is recorded`,
    );
}

/** Only re-evaluation dossiers are scored by written consultation. */
export function assertWrittenAgendaItem(session: Session, e: { dossierKind: string; dossierCode: string }, field: string): void {
  if (isWritten(session) && e.dossierKind !== 'RE_EVALUATION')
    throw AppError.rule(
      'SESSION_WRITTEN_REEVALUATION_ONLY',
      `dossier ${e.dossierCode} is a ${e.dossierKind} dossier: a written consultation scores re-evaluation dossiers only`,
      field,
    );
}

/**
 * Per scoring member who owes any, in the council's order, the dossiers of the agenda they may score and have not sent a
 * sheet for, in agenda order.
 */
export function missingSheets(state: SessionState, agenda: AgendaDossier[], sheets: SentSheet[]): Map<CouncilMember, AgendaDossier[]> {
  const sent = new Set(sheets.map((s) => `${s.evaluationId}:${s.memberId}`));
  const out = new Map<CouncilMember, AgendaDossier[]>();
  for (const m of state.scoringMembers) {
    const owed = agenda.filter((d) => state.eligible(d.producerId).includes(m) && !sent.has(`${d.evaluationId}:${m.id}`));
    if (owed.length) out.set(m, owed);
  }
  return out;
}

/** The scoring members who sent at least one sheet (the session's "present"). */
export function respondents(state: SessionState, sheets: SentSheet[]): CouncilMember[] {
  const senders = new Set(sheets.map((s) => s.memberId));
  return state.scoringMembers.filter((m) => senders.has(m.id));
}

/** The quorum of one dossier on the sheets received (see the file's comment). */
export function dossierQuorum(state: SessionState, d: Pick<AgendaDossier, 'evaluationId' | 'producerId'>, sheets: SentSheet[]): QuorumView {
  const took = new Set(respondents(state, sheets).map((m) => m.id));
  const ownSenders = new Set(sheets.filter((s) => s.evaluationId === d.evaluationId).map((s) => s.memberId));
  const excluded = new Set(state.conflicted(d.producerId).map((m) => m.id));
  const counted = state.scoringMembers.filter((m) => (excluded.has(m.id) ? took.has(m.id) : ownSenders.has(m.id)));
  return state.quorumOf(counted);
}

/** Before the deadline the secretary closes a written consultation only once every sheet owed has arrived. */
export function assertMayCloseWritten(session: Session, asOf: Date, missing: Map<CouncilMember, AgendaDossier[]>): void {
  if (!isWritten(session) || sheetsDuePassed(session, asOf) || missing.size === 0) return;
  const names = [...missing.keys()].map((m) => m.fullName).join(', ');
  throw AppError.conflict(
    'SESSION_SHEETS_OUTSTANDING',
    `sheets are due until ${session.sheetsDueAt!.toISOString()} and still missing from ${names}: close after the deadline or once all have arrived`,
  );
}

const two = (n: number): string => String(n).padStart(2, '0');

/** 'dd/mm/yyyy HH:mm' in Vietnam time. */
export function vietnamDeadline(at: Date | string): string {
  const c = vietnamClock(at);
  return `${two(c.day)}/${two(c.month)}/${c.year} ${two(c.hour)}:${two(c.minute)}`;
}
