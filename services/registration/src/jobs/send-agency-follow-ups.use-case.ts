import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RegistrationEvents, SYSTEM_ACTOR } from '@ocop/contracts';
import type { Tx } from '@ocop/persistence';
import { DossiersRepository } from '../dossiers/dossiers.repository';
import { DossierWorkflow, type DossierEventType } from '../dossiers/dossier.workflow';
import { REGISTRATION_CONFIG } from '../registration.tokens';
import type { RegistrationConfig } from '../config/registration.config';
import { OpinionsRepository } from '../opinions/opinions.repository';
import { GuidanceRepository } from '../guidance/guidance.repository';

export interface AgencyFollowUps {
  opinionReminders: number;
  opinionEscalations: number;
  guidanceReminders: number;
  guidanceEscalations: number;
}

/** What a follow-up needs of a required opinion or an open guidance thread. */
interface Pending {
  dossierId: string;
  dueAt: Date | null;
  remindedAt: Date | null;
  escalatedAt: Date | null;
}

/**
 * What agencies owe and have not given as of `asOf`: required opinions and unanswered guidance questions. The agency is
 * reminded `AGENCY_REMINDER_DAYS` before the due time and the standing office told when it passes (`…-reminded.v1`,
 * `…-escalated.v1`), each once: the row's reminded_at / escalated_at is set in the transaction of its event, and the
 * sweep takes only rows still without it (SKIP LOCKED: two sweeps never take the same row).
 */
@Injectable()
export class SendAgencyFollowUpsUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly opinions: OpinionsRepository,
    private readonly guidance: GuidanceRepository,
    private readonly dossiers: DossiersRepository,
    private readonly workflow: DossierWorkflow,
    @Inject(REGISTRATION_CONFIG) private readonly config: RegistrationConfig,
  ) {}

  async execute(asOf: Date): Promise<AgencyFollowUps> {
    return this.ds.transaction(async (tx) => {
      const days = this.config.agencyReminderDaysBefore;
      const out: AgencyFollowUps = { opinionReminders: 0, opinionEscalations: 0, guidanceReminders: 0, guidanceEscalations: 0 };
      for (const o of await this.opinions.dueFollowUps(tx, asOf, days)) {
        const data = { opinionId: o.id, agencyCode: o.agencyCode, dueAt: o.dueAt!.toISOString(), at: asOf.toISOString() };
        const sent = await this.followUp(
          tx,
          o,
          asOf,
          data,
          'OPINION',
          RegistrationEvents.opinionReminded,
          RegistrationEvents.opinionEscalated,
        );
        out.opinionReminders += sent.reminded;
        out.opinionEscalations += sent.escalated;
        await this.opinions.save(tx, o);
      }
      for (const t of await this.guidance.dueFollowUps(tx, asOf, days)) {
        const data = { threadId: t.id, agencyCode: t.agencyCode, topic: t.topic, dueAt: t.dueAt.toISOString(), at: asOf.toISOString() };
        const sent = await this.followUp(
          tx,
          t,
          asOf,
          data,
          'GUIDANCE',
          RegistrationEvents.guidanceReminded,
          RegistrationEvents.guidanceEscalated,
        );
        out.guidanceReminders += sent.reminded;
        out.guidanceEscalations += sent.escalated;
        await this.guidance.saveThread(tx, t);
      }
      return out;
    });
  }

  /** The reminder and the escalation still due on one row, marked on it (the caller saves it). */
  private async followUp<R extends DossierEventType, E extends DossierEventType>(
    tx: Tx,
    row: Pending,
    asOf: Date,
    data: Record<string, unknown>,
    kind: 'OPINION' | 'GUIDANCE',
    reminded: R,
    escalated: E,
  ): Promise<{ reminded: number; escalated: number }> {
    const d = await this.dossiers.getForSystem(row.dossierId, tx);
    if (!d) return { reminded: 0, escalated: 0 };
    const sent = { reminded: 0, escalated: 0 };
    if (!row.remindedAt) {
      row.remindedAt = asOf;
      sent.reminded = 1;
      await this.workflow.record(tx, SYSTEM_ACTOR, d, `${kind}_REMINDER`, data, reminded, data as never);
    }
    if (!row.escalatedAt && row.dueAt! <= asOf) {
      row.escalatedAt = asOf;
      sent.escalated = 1;
      await this.workflow.record(tx, SYSTEM_ACTOR, d, `${kind}_ESCALATION`, data, escalated, data as never);
    }
    return sent;
  }
}
