import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, type Actor, type CreateRecurrenceCommand, type RecurrenceView } from '@ocop/contracts';
import { UserDirectory } from '@ocop/messaging';
import { writeAudit } from '@ocop/persistence';
import { InspectionTimers } from '../jobs/inspection.timers';
import { checkTemplate, planningProvince, requireInspectors } from '../campaigns/campaign-planning.policy';
import { provinceScopeOf } from '../province-scope.policy';
import { RecurrencesRepository } from './recurrences.repository';
import { recurrenceView } from './recurrence.view';

/** A recurring campaign (e.g. quarterly): its BullMQ job scheduler creates and selects one campaign per period. */
@Injectable()
export class CreateRecurrenceUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly recurrences: RecurrencesRepository,
    private readonly timers: InspectionTimers,
    private readonly users: UserDirectory,
  ) {}

  async execute(actor: Actor, r: CreateRecurrenceCommand, asOf: Date): Promise<RecurrenceView> {
    const provinceCode = planningProvince(actor);
    checkTemplate(r.template, false);
    await requireInspectors(this.users, actor, r.template.team.inspectorUserIds, provinceCode, 'template.team.inspectorUserIds');
    const id = randomUUID();
    await this.ds.transaction(async (tx) => {
      await this.recurrences.insert(tx, {
        id,
        name: r.name,
        provinceCode,
        cron: r.cron,
        periodDays: r.periodDays,
        template: r.template,
        createdBy: actor.username,
        createdAt: asOf,
      });
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'recurrence.create',
        entityType: 'campaign_recurrence',
        entityId: id,
        details: { cron: r.cron },
      });
    });
    try {
      await this.timers.upsertRecurrence({ id, cron: r.cron });
    } catch (err) {
      // An invalid cron pattern: nothing may remain of the recurrence.
      await this.ds.transaction(async (tx) => {
        await this.recurrences.delete(tx, id);
        await writeAudit(tx, {
          actorId: actor.id,
          actorRole: actor.role,
          action: 'recurrence.refuse',
          entityType: 'campaign_recurrence',
          entityId: id,
          details: { cron: r.cron },
        });
      });
      throw AppError.validation('CRON_INVALID', `cron pattern refused: ${(err as Error).message}`, 'cron');
    }
    return (await this.recurrences.list(provinceScopeOf(actor))).map(recurrenceView).find((x) => x.id === id) as RecurrenceView;
  }
}
