import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, type Actor, type ParticipantResultView, type ReportResultsCommand } from '@ocop/contracts';
import { writeAudit } from '@ocop/persistence';
import { ApplicationAccess } from '../applications/application-access.policy';
import { HOLDS_SLOT, PromotionEventsRepository } from '../events/promotion-events.repository';
import { ParticipationResult } from './participation-result.entity';
import { ParticipationResultsRepository } from './participation-results.repository';
import { participantResultView } from './participation-result.view';

/**
 * A participant (or its office, or the organiser) reports what the event brought it, once the event has begun:
 * sales, contracts with their values, and for a livestream viewers and orders. Checked for plausibility: no negative
 * figure (the contract), a stated contracts' total equal to the sum of the contracts, viewers and orders only for a
 * livestream and no more orders than viewers. A later report replaces the earlier one (its revision counts).
 */
@Injectable()
export class ReportResultsUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly access: ApplicationAccess,
    private readonly events: PromotionEventsRepository,
    private readonly results: ParticipationResultsRepository,
  ) {}

  async execute(actor: Actor, c: ReportResultsCommand, asOf: Date): Promise<ParticipantResultView> {
    const app = await this.access.require(actor, c.applicationId);
    const event = (await this.events.get(app.eventId))!;
    if (!HOLDS_SLOT.includes(app.status))
      throw AppError.conflict('NOT_A_PARTICIPANT', `only a participant reports results (this application is ${app.status})`);
    if (asOf < event.startsAt) throw AppError.conflict('EVENT_NOT_STARTED', 'results are reported once the event has begun');
    const livestream = event.kind === 'LIVESTREAM';
    for (const f of ['viewers', 'orders'] as const)
      if (!livestream && c[f] !== undefined)
        throw AppError.validation('LIVESTREAM_ONLY', `${f} are reported for a livestream session only`, f);
    if (c.viewers !== undefined && c.orders !== undefined && c.orders > c.viewers)
      throw AppError.validation('ORDERS_EXCEED_VIEWERS', 'a livestream has no more orders than viewers', 'orders');
    const sum = c.contracts.reduce((a, x) => a + x.valueVnd, 0);
    if (c.contractsValueVnd !== undefined && c.contractsValueVnd !== sum)
      throw AppError.validation('SUMS_DIFFER', `the contracts add up to ${sum} đồng, not ${c.contractsValueVnd}`, 'contractsValueVnd');
    const saved = await this.ds.transaction(async (tx) => {
      const before = await this.results.lock(tx, app.id);
      const r: ParticipationResult = Object.assign(new ParticipationResult(), {
        applicationId: app.id,
        eventId: app.eventId,
        salesVnd: String(c.salesVnd),
        contracts: c.contracts.map((x) => ({ partner: x.partner, valueVnd: x.valueVnd })),
        contractsValueVnd: String(sum),
        viewers: c.viewers ?? null,
        orders: c.orders ?? null,
        reportedBy: actor.username,
        reportedAt: asOf,
        revision: (before?.revision ?? 0) + 1,
      });
      await this.results.save(tx, r, !before);
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: before ? 'results.correct' : 'results.report',
        entityType: 'application',
        entityId: app.id,
        details: { salesVnd: c.salesVnd, contracts: c.contracts.length, contractsValueVnd: sum, viewers: r.viewers, orders: r.orders },
      });
      return r;
    });
    return participantResultView(saved, app);
  }
}
