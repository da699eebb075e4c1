import { EventSubscriber, type EntitySubscriberInterface, type InsertEvent, type UpdateEvent } from 'typeorm';
import { now } from '@ocop/observability';
import { DeadLetterRow, InboxRow, OutboxRow } from './platform.entities';

/** The relay's and consumers' bookkeeping keeps the wall clock: its times order delivery, they are not facts of the domain. */
const WALL_CLOCK: ReadonlySet<unknown> = new Set([OutboxRow, InboxRow, DeadLetterRow]);

/**
 * Stamps every entity's @CreateDateColumn / @UpdateDateColumn with the context's "now" (a request's as-of instant,
 * the handled event's time, else the wall clock) instead of the database's now(), on save() and on query-builder
 * insert()/update() alike. A value the code set itself on insert is kept.
 */
@EventSubscriber() // TypeORM loads only decorated classes from the data source's `subscribers`
export class AsOfTimestampsSubscriber implements EntitySubscriberInterface {
  beforeInsert(event: InsertEvent<Record<string, unknown>>): void {
    const m = event.metadata;
    if (!event.entity || WALL_CLOCK.has(m.target)) return;
    const at = now();
    for (const column of [m.createDateColumn, m.updateDateColumn]) {
      if (column && column.getEntityValue(event.entity) === undefined) column.setEntityValue(event.entity, at);
    }
  }

  beforeUpdate(event: UpdateEvent<Record<string, unknown>>): void {
    const column = event.metadata.updateDateColumn;
    if (!event.entity || !column || WALL_CLOCK.has(event.metadata.target)) return;
    column.setEntityValue(event.entity as Record<string, unknown>, now());
  }
}
