import { Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { DEFAULT_PAGE } from '@ocop/contracts';
import type { Tx } from '@ocop/persistence';
import { Application } from '../applications/application.entity';
import { EventSeries } from './event-series.entity';
import { PromotionEvent } from './promotion-event.entity';

/** An event with the number of producers holding a slot and on its waiting list. */
export type EventWithCounts = PromotionEvent & { participants: number; waitlisted: number };

export interface EventFilter {
  kind?: string;
  seriesId?: string;
  status?: string;
  limit?: number;
  offset?: number;
}

/** Producers holding a slot: selected, or selected and confirmed. */
export const HOLDS_SLOT = ['SELECTED', 'CONFIRMED'];

@Injectable()
export class PromotionEventsRepository {
  constructor(private readonly ds: DataSource) {}

  private withCounts(m: Tx): SelectQueryBuilder<PromotionEvent> {
    return m
      .createQueryBuilder(PromotionEvent, 'e')
      .addSelect(
        (sub) =>
          sub.select('CAST(count(*) AS int)').from(Application, 'a').where(`a.event_id = e.id AND a.status IN ('SELECTED','CONFIRMED')`),
        'participants',
      )
      .addSelect(
        (sub) => sub.select('CAST(count(*) AS int)').from(Application, 'a').where(`a.event_id = e.id AND a.status = 'WAITLISTED'`),
        'waitlisted',
      );
  }

  private async rows(q: SelectQueryBuilder<PromotionEvent>): Promise<EventWithCounts[]> {
    const { entities, raw } = await q.getRawAndEntities<{ participants: number; waitlisted: number }>();
    return entities.map((e, i) => Object.assign(e, { participants: raw[i]!.participants, waitlisted: raw[i]!.waitlisted }));
  }

  async insertSeries(tx: Tx, s: EventSeries): Promise<void> {
    await tx.insert(EventSeries, s);
  }

  async insertEvents(tx: Tx, events: PromotionEvent[]): Promise<void> {
    await tx.insert(PromotionEvent, events);
  }

  /** The event with its counts, or null (the caller checks the reader's province). */
  async get(id: string, tx?: Tx): Promise<EventWithCounts | null> {
    const [e] = await this.rows(this.withCounts(tx ?? this.ds.manager).where('e.id = :id', { id }));
    return e ?? null;
  }

  /** The event row locked for the caller's transaction (selection, applications and withdrawals serialise on it). */
  lock(tx: Tx, id: string): Promise<PromotionEvent | null> {
    return tx.getRepository(PromotionEvent).createQueryBuilder('e').where('e.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  /** A page of a province's events (null: every province), soonest first. */
  list(provinceCode: string | null, f: EventFilter): Promise<EventWithCounts[]> {
    const q = this.withCounts(this.ds.manager)
      .orderBy('e.starts_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .limit(f.limit ?? DEFAULT_PAGE.limit)
      .offset(f.offset ?? DEFAULT_PAGE.offset);
    if (provinceCode) q.andWhere('e.province_code = :provinceCode', { provinceCode });
    if (f.kind) q.andWhere('e.kind = :kind', { kind: f.kind });
    if (f.seriesId) q.andWhere('e.series_id = :seriesId', { seriesId: f.seriesId });
    if (f.status) q.andWhere('e.status = :status', { status: f.status });
    return this.rows(q);
  }

  /** A page of the events not yet begun at `at` and not cancelled (the public list), soonest first. */
  upcoming(provinceCode: string | null, at: Date, page: { limit?: number; offset?: number }): Promise<PromotionEvent[]> {
    const q = this.ds.manager
      .createQueryBuilder(PromotionEvent, 'e')
      .where(`e.starts_at > :at AND e.status <> 'CANCELLED'`, { at })
      .orderBy('e.starts_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .limit(page.limit ?? DEFAULT_PAGE.limit)
      .offset(page.offset ?? DEFAULT_PAGE.offset);
    if (provinceCode) q.andWhere('e.province_code = :provinceCode', { provinceCode });
    return q.getMany();
  }

  async markSelected(tx: Tx, id: string, seed: string, at: Date): Promise<void> {
    await tx.update(PromotionEvent, { id }, { status: 'SELECTED', seed, selectedAt: at });
  }
}
