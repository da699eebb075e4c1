import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, type Actor, type ApplicationView } from '@ocop/contracts';
import { writeAudit } from '@ocop/persistence';
import { PromotionEventsRepository } from '../events/promotion-events.repository';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationAccess } from './application-access.policy';
import { applicationView } from './application.view';

/** A selected producer (or its office) confirms it will take part. */
@Injectable()
export class ConfirmApplicationUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly events: PromotionEventsRepository,
    private readonly applications: ApplicationsRepository,
    private readonly access: ApplicationAccess,
  ) {}

  async execute(actor: Actor, applicationId: string, asOf: Date): Promise<ApplicationView> {
    const { eventId } = await this.access.require(actor, applicationId);
    await this.ds.transaction(async (tx) => {
      const event = (await this.events.lock(tx, eventId))!;
      const app = await this.access.require(actor, applicationId, tx);
      if (app.status === 'CONFIRMED') return;
      if (app.status !== 'SELECTED')
        throw AppError.conflict('NOT_SELECTED', `only a selected application is confirmed (this one is ${app.status})`);
      if (asOf >= event.startsAt) throw AppError.conflict('EVENT_STARTED', 'the event has begun');
      await this.applications.update(tx, app.id, { status: 'CONFIRMED', confirmedAt: asOf });
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'application.confirm',
        entityType: 'application',
        entityId: app.id,
        details: { eventId: app.eventId },
      });
    });
    return applicationView(await this.access.require(actor, applicationId));
  }
}
