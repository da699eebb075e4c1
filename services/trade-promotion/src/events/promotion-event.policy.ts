import { randomUUID } from 'node:crypto';
import { AppError, type Actor, type EventTemplateDto } from '@ocop/contracts';
import { PromotionEvent } from './promotion-event.entity';

export interface EventDates {
  startsAt: Date;
  endsAt: Date;
  applicationOpensAt: Date;
  applicationClosesAt: Date;
}

/**
 * What makes an event's fields coherent, for one event or a series' template (`at`: where the template sits in the
 * command, for the error's field path): a livestream has its channel; an event begins after it is planned, ends after
 * it begins, and takes applications in a window that closes by its start.
 */
export function checkEvent(t: EventTemplateDto, d: EventDates, asOf: Date, at = ''): void {
  if (t.kind === 'LIVESTREAM' && !t.channel)
    throw AppError.validation('CHANNEL_REQUIRED', 'a livestream session needs its platform and URL', `${at}channel`);
  if (d.startsAt <= asOf) throw AppError.validation('EVENT_IN_PAST', 'an event is planned before it begins', 'startsAt');
  if (d.endsAt < d.startsAt) throw AppError.validation('EVENT_ENDS_BEFORE_START', 'an event ends after it begins', 'endsAt');
  if (d.applicationOpensAt >= d.applicationClosesAt)
    throw AppError.validation('APPLICATION_WINDOW_EMPTY', 'applications close after they open', 'applicationClosesAt');
  if (d.applicationClosesAt > d.startsAt)
    throw AppError.validation('APPLICATION_WINDOW_AFTER_START', 'applications close by the time the event begins', 'applicationClosesAt');
}

/** The row of a new event of `provinceCode`, planned by `actor` at `asOf` (in a series when given). */
export function newEventRow(
  t: EventTemplateDto,
  d: EventDates,
  actor: Actor,
  provinceCode: string,
  asOf: Date,
  series?: { id: string; index: number; title: string },
): PromotionEvent {
  return Object.assign(new PromotionEvent(), {
    id: randomUUID(),
    seriesId: series?.id ?? null,
    seriesIndex: series?.index ?? null,
    provinceCode,
    kind: t.kind,
    title: series ? series.title : t.title,
    organiserKind: t.organiser.kind,
    organiserName: t.organiser.name,
    place: t.place ?? null,
    channelPlatform: t.channel?.platform ?? null,
    channelUrl: t.channel?.url ?? null,
    ...d,
    capacity: t.capacity,
    capacityUnit: t.capacityUnit,
    supportAmountVnd: t.support?.amountVnd === undefined ? null : String(t.support.amountVnd),
    supportCoversVi: t.support?.coversVi ?? null,
    categories: [...new Set(t.categories ?? ['OCOP'])],
    fairness: t.fairness ?? 'FEWEST_SLOTS_FIRST',
    status: 'SCHEDULED',
    seed: null,
    selectedAt: null,
    createdById: actor.id,
    createdBy: actor.username,
    createdAt: asOf,
  });
}
