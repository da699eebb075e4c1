import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RegistrationEvents, SYSTEM_ACTOR } from '@ocop/contracts';
import { DossiersRepository } from '../dossiers/dossiers.repository';
import { DossierWorkflow } from '../dossiers/dossier.workflow';
import { REGISTRATION_CONFIG } from '../registration.tokens';
import type { RegistrationConfig } from '../config/registration.config';
import { OpinionsRepository } from './opinions.repository';

/**
 * Required opinions not yet given: the agency is reminded `OPINION_REMINDER_DAYS` before the due time, and the standing
 * office is told when it passes (`registration.opinion-reminded.v1`, `…-escalated.v1`), each once: the row's
 * reminded_at / escalated_at is set in the transaction of its event, and the sweep takes only rows still without it.
 */
@Injectable()
export class SendOpinionFollowUpsUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly opinions: OpinionsRepository,
    private readonly dossiers: DossiersRepository,
    private readonly workflow: DossierWorkflow,
    @Inject(REGISTRATION_CONFIG) private readonly config: RegistrationConfig,
  ) {}

  async execute(asOf: Date): Promise<{ reminders: number; escalations: number }> {
    return this.ds.transaction(async (tx) => {
      let reminders = 0;
      let escalations = 0;
      for (const o of await this.opinions.dueFollowUps(tx, asOf, this.config.opinionReminderDaysBefore)) {
        const d = await this.dossiers.getForSystem(o.dossierId, tx);
        if (!d) continue;
        const data = { opinionId: o.id, agencyCode: o.agencyCode, dueAt: o.dueAt!.toISOString(), at: asOf.toISOString() };
        if (!o.remindedAt) {
          o.remindedAt = asOf;
          reminders++;
          await this.workflow.record(tx, SYSTEM_ACTOR, d, 'OPINION_REMINDER', data, RegistrationEvents.opinionReminded, data);
        }
        if (!o.escalatedAt && o.dueAt! <= asOf) {
          o.escalatedAt = asOf;
          escalations++;
          await this.workflow.record(tx, SYSTEM_ACTOR, d, 'OPINION_ESCALATION', data, RegistrationEvents.opinionEscalated, data);
        }
        await this.opinions.save(tx, o);
      }
      return { reminders, escalations };
    });
  }
}
