import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '@ocop/persistence';
import { TimelineEntry } from './timeline-entry.entity';

/** The dossiers' timelines (a projection of the event stream). */
@Injectable()
export class TimelineEntriesRepository {
  constructor(private readonly ds: DataSource) {}

  /** The timeline of a dossier the caller has already read inside its scope, oldest first. */
  ofDossier(dossierId: string): Promise<TimelineEntry[]> {
    return this.ds.getRepository(TimelineEntry).find({ where: { dossierId }, order: { occurredAt: 'ASC' } });
  }

  /** Adds the entry unless its event is already there (a redelivered event changes nothing). */
  async insertIfAbsent(tx: Tx, e: TimelineEntry): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(TimelineEntry)
      .values({ ...e, data: e.data as never })
      .orIgnore()
      .execute(); // jsonb column
  }
}
