import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@ocop/contracts';
import type { Tx } from '@ocop/persistence';
import { UnrecoverableEventError } from '@ocop/messaging';
import { TimelineEntriesRepository } from './timeline-entries.repository';
import { TimelineEntry } from './timeline-entry.entity';

const UUID = /^[0-9a-f-]{36}$/i;

/**
 * Keeps each dossier's timeline from the event stream: any event of any service whose data names a
 * dossierId is an entry, so scoring, certification and inspection events appear without changes here.
 */
@Injectable()
export class TimelineProjection {
  constructor(private readonly timeline: TimelineEntriesRepository) {}

  async apply(event: EventEnvelope, tx: Tx): Promise<void> {
    const data = event.data as Record<string, unknown> | null;
    const dossierId = data && typeof data === 'object' ? data.dossierId : undefined;
    if (dossierId === undefined) return;
    if (typeof dossierId !== 'string' || !UUID.test(dossierId))
      throw new UnrecoverableEventError(`dossierId of ${event.type} is not a UUID`);
    const time = new Date(event.time);
    if (Number.isNaN(time.getTime())) throw new UnrecoverableEventError(`time of event ${event.id} is not a date`);
    await this.timeline.insertIfAbsent(
      tx,
      Object.assign(new TimelineEntry(), {
        eventId: event.id,
        dossierId,
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
