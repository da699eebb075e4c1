import { Injectable } from '@nestjs/common';
import { AppError, type Actor, type EventResultsView } from '@ocop/contracts';
import { eventReadable } from '../access/promotion-access.policy';
import { ApplicationsRepository } from '../applications/applications.repository';
import { PromotionEventsRepository } from '../events/promotion-events.repository';
import { ParticipationResultsRepository } from './participation-results.repository';
import { participantResultView } from './participation-result.view';

/** An event's results: each participant's report and the totals (viewers and orders: livestreams only). */
@Injectable()
export class EventResultsQuery {
  constructor(
    private readonly events: PromotionEventsRepository,
    private readonly applications: ApplicationsRepository,
    private readonly results: ParticipationResultsRepository,
  ) {}

  async execute(actor: Actor, eventId: string): Promise<EventResultsView> {
    const event = await this.events.get(eventId);
    if (!event || !eventReadable(actor, event)) throw AppError.notFound('EVENT_NOT_FOUND', 'no such event');
    const rows = await this.results.ofEvent(eventId);
    const apps = await this.applications.producersOf(rows.map((r) => r.applicationId));
    const results = rows.map((r) => participantResultView(r, apps.get(r.applicationId)!));
    const livestream = event.kind === 'LIVESTREAM';
    const total = (f: (r: (typeof results)[number]) => number) => results.reduce((a, r) => a + f(r), 0);
    return {
      eventId,
      participants: event.participants,
      reported: results.length,
      salesVnd: total((r) => r.salesVnd),
      contracts: total((r) => r.contracts.length),
      contractsValueVnd: total((r) => r.contractsValueVnd),
      viewers: livestream ? total((r) => r.viewers ?? 0) : null,
      orders: livestream ? total((r) => r.orders ?? 0) : null,
      results,
    };
  }
}
