import type { PromotionEventView } from '@ocop/contracts';
import { PROMOTION_EVENT_KIND_VI } from '@ocop/domain';
import type { EventWithCounts } from './promotion-events.repository';

export function promotionEventView(e: EventWithCounts): PromotionEventView {
  return {
    id: e.id,
    seriesId: e.seriesId,
    seriesIndex: e.seriesIndex,
    provinceCode: e.provinceCode,
    kind: e.kind,
    kindVi: PROMOTION_EVENT_KIND_VI[e.kind] ?? e.kind,
    title: e.title,
    organiser: { kind: e.organiserKind, name: e.organiserName },
    place: e.place,
    channel: e.channelPlatform && e.channelUrl ? { platform: e.channelPlatform, url: e.channelUrl } : null,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    applicationOpensAt: e.applicationOpensAt.toISOString(),
    applicationClosesAt: e.applicationClosesAt.toISOString(),
    capacity: e.capacity,
    capacityUnit: e.capacityUnit,
    support: e.supportCoversVi
      ? { amountVnd: e.supportAmountVnd === null ? null : Number(e.supportAmountVnd), coversVi: e.supportCoversVi }
      : null,
    categories: e.categories,
    fairness: e.fairness,
    status: e.status,
    seed: e.seed,
    selectedAt: e.selectedAt?.toISOString() ?? null,
    participants: e.participants,
    waitlisted: e.waitlisted,
    createdBy: e.createdBy,
    createdAt: e.createdAt.toISOString(),
  };
}
