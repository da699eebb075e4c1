import { Injectable } from '@nestjs/common';
import type { PublicEventView, PublicEventsQuery as Query } from '@ocop/contracts';
import { PROMOTION_EVENT_KIND_VI } from '@ocop/domain';
import { ApplicationsRepository } from '../applications/applications.repository';
import { PromotionEventsRepository } from '../events/promotion-events.repository';

/**
 * No login: the events that have not begun, soonest first, each with the producers holding a slot and their OCOP
 * products (a certificate's public facts: product, producer, stars, the code of its verification page). Products of
 * other categories and everything about applications stay private.
 */
@Injectable()
export class PublicEventsQuery {
  constructor(
    private readonly events: PromotionEventsRepository,
    private readonly applications: ApplicationsRepository,
  ) {}

  async execute(q: Query, asOf: Date): Promise<PublicEventView[]> {
    const events = await this.events.upcoming(q.provinceCode ?? null, asOf, q);
    const participants = await this.applications.publicParticipants(events.map((e) => e.id));
    return events.map((e) => ({
      id: e.id,
      provinceCode: e.provinceCode,
      kind: e.kind,
      kindVi: PROMOTION_EVENT_KIND_VI[e.kind] ?? e.kind,
      title: e.title,
      organiserName: e.organiserName,
      place: e.place,
      channel: e.channelPlatform && e.channelUrl ? { platform: e.channelPlatform, url: e.channelUrl } : null,
      startsAt: e.startsAt.toISOString(),
      endsAt: e.endsAt.toISOString(),
      participants: participants
        .filter((a) => a.eventId === e.id && a.products.length)
        .map((a) => ({
          producerName: a.producerName,
          products: a.products.map((p) => ({
            productName: p.productName,
            stars: p.stars!,
            certificateCode: p.certificateCode!,
            verifyUrl: `/verify/${p.certificateCode}`,
          })),
        })),
    }));
  }
}
