import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, type Actor, type ApplicationView, type WithdrawApplicationCommand } from '@ocop/contracts';
import { isOrganiserRole } from '../access/promotion-access.policy';
import { PromotionEventsRepository } from '../events/promotion-events.repository';
import { ApplicationAccess } from './application-access.policy';
import { ParticipationWorkflow } from './participation.workflow';
import { applicationView } from './application.view';

/** The producer (or its office) withdraws before the event begins, or the organiser takes it off; the waiting list moves up. */
@Injectable()
export class WithdrawApplicationUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly events: PromotionEventsRepository,
    private readonly access: ApplicationAccess,
    private readonly participation: ParticipationWorkflow,
  ) {}

  async execute(actor: Actor, c: WithdrawApplicationCommand, asOf: Date): Promise<ApplicationView> {
    const { eventId } = await this.access.require(actor, c.applicationId);
    await this.ds.transaction(async (tx) => {
      const event = (await this.events.lock(tx, eventId))!;
      const app = await this.access.require(actor, c.applicationId, tx); // read again under the event's lock
      if (app.status === 'WITHDRAWN') throw AppError.conflict('ALREADY_WITHDRAWN', 'the application is already withdrawn');
      if (asOf >= event.startsAt) throw AppError.conflict('EVENT_STARTED', 'the event has begun');
      await this.participation.withdraw(tx, actor, event, app, isOrganiserRole(actor) ? 'ORGANISER' : 'PRODUCER', c.reason, asOf);
    });
    return applicationView(await this.access.require(actor, c.applicationId));
  }
}
