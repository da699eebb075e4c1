import { Ctx } from '@nestjs/microservices';
import { isEventType, type EventEnvelope } from '@ocop/contracts';
import type { Tx } from '@ocop/persistence';
import { EventContext, OnEvent, RpcController, UnrecoverableEventError, type EventConsumerSpec } from '@ocop/messaging';
import { TimelineEntriesRepository } from './timeline-entries.repository';
import { TimelineEntry } from './timeline-entry.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An event is a dossier's when its data names one; the others (a producer registered, a lab's credential) cost nothing. */
const namesDossier = (event: EventEnvelope): boolean => {
  const data = event.data as { dossierId?: unknown } | null;
  return typeof data === 'object' && data !== null && typeof data.dossierId === 'string';
};

/**
 * Keeps each dossier's timeline from the event stream: any event of any service whose data names a
 * dossierId is an entry, so scoring, certification and inspection events appear without changes here.
 * The consumer validated a registered type's data against its class (a dossierId there is a UUID); an event
 * whose data has no dossierId, or a null one (a sample taken for an inspection task), is not a dossier's.
 * A type outside the registry reaches this '*' handler unchecked, so its dossierId is checked here.
 */
/** Every event type; order does not matter (entries are keyed by event). */
const TIMELINE: EventConsumerSpec = { name: 'timeline', concurrency: 8 };

@RpcController()
export class TimelineProjection {
  constructor(private readonly timeline: TimelineEntriesRepository) {}

  @OnEvent(TIMELINE, '*', { when: namesDossier })
  project(@Ctx() ctx: EventContext): Promise<void> {
    return this.apply(ctx.event, ctx.tx);
  }

  async apply(event: EventEnvelope, tx: Tx): Promise<void> {
    if (!namesDossier(event)) return; // again: a dead letter's replay reaches apply without the consumer's `when`
    const data = event.data as { dossierId: string };
    if (!isEventType(event.type) && !UUID.test(data.dossierId))
      throw new UnrecoverableEventError(`dossierId of ${event.type} is not a UUID`);
    // The envelope's time is not part of the data the registry checks.
    const time = new Date(event.time);
    if (Number.isNaN(time.getTime())) throw new UnrecoverableEventError(`time of event ${event.id} is not a date`);
    await this.timeline.insertIfAbsent(
      tx,
      Object.assign(new TimelineEntry(), {
        eventId: event.id,
        dossierId: data.dossierId,
        type: event.type,
        source: event.source,
        occurredAt: time,
        actorId: event.actorid ?? null,
        actorRole: event.actorrole ?? null,
        data: data as Record<string, unknown>,
      }),
    );
  }
}
