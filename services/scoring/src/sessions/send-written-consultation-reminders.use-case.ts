import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR, ScoringEvents, type EventPayload } from '@ocop/contracts';
import { EventOutbox } from '@ocop/messaging';
import type { Tx } from '@ocop/persistence';
import { SCORING_CONFIG } from '../scoring.tokens';
import type { ScoringConfig } from '../config/scoring.config';
import { EvaluationsRepository } from '../evaluations/evaluations.repository';
import { ScoreSheetsRepository } from './score-sheets.repository';
import { SessionsRepository } from './sessions.repository';
import type { SessionState } from './session-state.policy';
import { auditSessionChange } from './session.audit';
import { WrittenConsultationReminder } from './written-consultation-reminder.entity';
import { missingSheets, sheetsDuePassed, vietnamDeadline } from './written-consultation.policy';

const HOUR = 3_600_000;

export interface WrittenConsultationSweep {
  asOf: string;
  /** Members reminded by this run. */
  reminders: number;
  /** Sessions escalated by this run. */
  escalations: number;
}

type FollowUpData = EventPayload<typeof ScoringEvents.writtenConsultationReminder>;

/**
 * The sweep of written consultations (hourly, and an admin's run as of an instant): for each open one whose sheets are
 * due within WRITTEN_CONSULTATION_REMINDER_HOURS, each scoring member with sheets still missing is reminded, once
 * (`scoring.written-consultation-reminder.v1`); once the deadline has passed with sheets missing, the chair and the
 * organiser are told, once (`scoring.written-consultation-escalated.v1`, the members and their dossiers listed). No
 * reminder is sent after the deadline: sheets are no longer taken. PostgreSQL says who was reminded (a row per member)
 * and whether the session was escalated (its sheets_escalated_at), each written with its event and audit record, so a
 * sweep run twice, or by two replicas at once, sends nothing twice.
 */
@Injectable()
export class SendWrittenConsultationRemindersUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly outbox: EventOutbox,
    private readonly sessions: SessionsRepository,
    private readonly sheets: ScoreSheetsRepository,
    private readonly evaluations: EvaluationsRepository,
    @Inject(SCORING_CONFIG) private readonly config: ScoringConfig,
  ) {}

  async execute(asOf: Date): Promise<WrittenConsultationSweep> {
    return this.ds.transaction(async (tx) => {
      const out: WrittenConsultationSweep = { asOf: asOf.toISOString(), reminders: 0, escalations: 0 };
      const until = new Date(asOf.getTime() + this.config.writtenConsultationReminderHours * HOUR);
      for (const state of await this.sessions.lockWrittenDueBy(tx, until)) {
        const sent = await this.followUp(tx, state, asOf);
        out.reminders += sent.reminders;
        out.escalations += sent.escalations;
      }
      return out;
    });
  }

  private async followUp(tx: Tx, state: SessionState, asOf: Date): Promise<{ reminders: number; escalations: number }> {
    const session = state.session;
    const { council, members } = state.council;
    const items = await this.sessions.agenda(state, tx);
    const evaluations = new Map((await this.evaluations.onAgenda(items, tx)).map((e) => [e.id, e]));
    const agenda = items
      .map((i) => evaluations.get(i.evaluationId)!)
      .map((e) => ({ evaluationId: e.id, producerId: e.producerId, dossierCode: e.dossierCode }));
    const missing = missingSheets(state, agenda, await this.sheets.ofSession(state, tx));
    const sent = { reminders: 0, escalations: 0 };
    if (missing.size === 0) return sent;
    const due = vietnamDeadline(session.sheetsDueAt!);
    const base = {
      sessionId: session.id,
      reference: session.reference,
      councilId: council.id,
      councilName: council.name,
      tier: council.tier,
      unitCode: council.unitCode,
      provinceCode: council.provinceCode,
      sheetsDueAt: session.sheetsDueAt!.toISOString(),
      at: asOf.toISOString(),
    };
    if (!sheetsDuePassed(session, asOf)) {
      for (const [m, dossiers] of missing) {
        const recorded = await this.sessions.addReminderIfAbsent(
          tx,
          Object.assign(new WrittenConsultationReminder(), { sessionId: session.id, memberId: m.id, remindedAt: asOf }),
        );
        if (!recorded) continue;
        const dossierCodes = dossiers.map((d) => d.dossierCode);
        const data: FollowUpData = {
          ...base,
          memberId: m.id,
          userId: m.userId,
          fullName: m.fullName,
          dossierCodes,
          messageVi:
            `Kính gửi ${m.fullName}: ${council.name} lấy ý kiến bằng văn bản về phiếu đánh giá (${session.reference}). ` +
            `Đề nghị gửi phiếu đánh giá các hồ sơ ${dossierCodes.join(', ')} trước ${due} (giờ Việt Nam).`,
        };
        await this.outbox.enqueueEvent(tx, ScoringEvents.writtenConsultationReminder, session.id, data);
        await auditSessionChange(tx, SYSTEM_ACTOR, 'session.written-reminder', 'session', session.id, {
          memberId: m.id,
          dossierCodes,
          sheetsDueAt: base.sheetsDueAt,
        });
        sent.reminders++;
      }
      return sent;
    }
    if (!(await this.sessions.markEscalated(tx, session.id, asOf))) return sent;
    const missingList = [...missing].map(([m, dossiers]) => ({
      memberId: m.id,
      userId: m.userId,
      fullName: m.fullName,
      dossierCodes: dossiers.map((d) => d.dossierCode),
    }));
    const chair = members.find((m) => m.role === 'CHAIR');
    await this.outbox.enqueueEvent(tx, ScoringEvents.writtenConsultationEscalated, session.id, {
      ...base,
      chairUserId: chair?.userId ?? null,
      secretaryUserId: state.secretary()?.userId ?? null,
      missing: missingList,
      messageVi:
        `${council.name}: đã hết hạn gửi phiếu đánh giá (${due}, giờ Việt Nam) của đợt lấy ý kiến bằng văn bản ${session.reference}; ` +
        `còn thiếu phiếu của ${missingList.map((x) => `${x.fullName} (${x.dossierCodes.join(', ')})`).join('; ')}.`,
    });
    await auditSessionChange(tx, SYSTEM_ACTOR, 'session.written-escalation', 'session', session.id, {
      sheetsDueAt: base.sheetsDueAt,
      missing: missingList.map((x) => ({ memberId: x.memberId, dossierCodes: x.dossierCodes })),
    });
    sent.escalations++;
    return sent;
  }
}
