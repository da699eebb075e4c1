import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InspectionEvents as E, Role } from '@ocop/contracts';
import { EventOutbox } from '@ocop/messaging';
import { writeAudit } from '@ocop/persistence';
import { INSPECTION_CONFIG } from '../inspection.tokens';
import type { InspectionConfig } from '../config/inspection.config';
import { SYSTEM_SCOPE } from '../province-scope.policy';
import { SamplesRepository } from './samples.repository';
import { sampleNotFound } from './sample.policy';
import { sampleEventData } from './sample.view';

/**
 * Reminders and escalations due at `asOf` (one sample, or all): a reminder before a stage's due time, an
 * escalation to the standing office when it passes (the sample turns OVERDUE). Each once per stage: the
 * row in sample_follow_up is inserted with ON CONFLICT DO NOTHING in the transaction of its event.
 */
@Injectable()
export class SendSampleFollowUpsUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly samples: SamplesRepository,
    private readonly outbox: EventOutbox,
    @Inject(INSPECTION_CONFIG) private readonly config: InspectionConfig,
  ) {}

  async execute(asOf: Date, sampleId?: string): Promise<{ reminders: number; escalations: number }> {
    return this.ds.transaction(async (tx) => {
      const rows = await this.samples.recordDueFollowUps(tx, asOf, this.config.reminderHoursBefore, sampleId);
      for (const r of rows) {
        const s = await this.samples.getForUpdate(tx, SYSTEM_SCOPE, r.sample_id);
        if (!s) throw sampleNotFound(r.sample_id);
        const data = { ...sampleEventData(s), stage: r.stage, dueAt: r.due_at.toISOString(), at: asOf.toISOString() };
        if (r.kind === 'ESCALATION') await this.samples.markOverdue(tx, s.id);
        await this.outbox.enqueueEvent(tx, r.kind === 'ESCALATION' ? E.sampleEscalated : E.sampleReminderSent, s.id, data);
        await writeAudit(tx, {
          actorId: 'system',
          actorRole: Role.ADMIN,
          action: `sample.${r.kind.toLowerCase()}`,
          entityType: 'sample',
          entityId: s.id,
          details: { stage: r.stage },
        });
      }
      return {
        reminders: rows.filter((r) => r.kind === 'REMINDER').length,
        escalations: rows.filter((r) => r.kind === 'ESCALATION').length,
      };
    });
  }
}
