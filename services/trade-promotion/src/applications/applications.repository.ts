import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { DEFAULT_PAGE } from '@ocop/contracts';
import type { ReadScope } from '@ocop/auth';
import type { SelectionOutcome } from '@ocop/domain';
import type { Tx } from '@ocop/persistence';
import { carryOverCertificate } from '../products/shown-product.columns';
import { PromotionEvent } from '../events/promotion-event.entity';
import { HOLDS_SLOT } from '../events/promotion-events.repository';
import { andInScope } from '../access/scoped-query';
import { Application } from './application.entity';
import { ApplicationProduct } from './application-product.entity';

/** An application with the products it brings. */
export type ApplicationWithProducts = Application & { products: ApplicationProduct[] };

export interface ApplicationFilter {
  eventId?: string;
  producerId?: string;
  status?: string;
  limit?: number;
  offset?: number;
}

/** An ACTIVE product of a certificate, on an application to an event that has not begun. */
export interface ProductOnUpcomingEvent {
  applicationId: string;
  productId: string;
  eventId: string;
  producerId: string;
}

@Injectable()
export class ApplicationsRepository {
  constructor(private readonly ds: DataSource) {}

  private async withProducts(m: Tx, apps: Application[]): Promise<ApplicationWithProducts[]> {
    if (!apps.length) return [];
    const products = await m.find(ApplicationProduct, {
      where: { applicationId: In(apps.map((a) => a.id)) },
      order: { productName: 'ASC' },
    });
    return apps.map((a) => Object.assign(a, { products: products.filter((p) => p.applicationId === a.id) }));
  }

  async insert(tx: Tx, a: Application, products: ApplicationProduct[]): Promise<void> {
    await tx.insert(Application, a);
    await tx.insert(ApplicationProduct, products);
  }

  /** The application with its products, or null when unknown or outside the scope. */
  async get(scope: ReadScope, id: string, tx?: Tx): Promise<ApplicationWithProducts | null> {
    const m = tx ?? this.ds.manager;
    const q = m.createQueryBuilder(Application, 'a').where('a.id = :id', { id });
    andInScope(q, 'a', scope);
    const a = await q.getOne();
    return a ? (await this.withProducts(m, [a]))[0]! : null;
  }

  /** A page of applications in scope, by event then selection order (unselected by application time). */
  async list(scope: ReadScope, f: ApplicationFilter): Promise<ApplicationWithProducts[]> {
    const q = this.ds.manager
      .createQueryBuilder(Application, 'a')
      .orderBy('a.event_id', 'ASC')
      .addOrderBy('a.position', 'ASC', 'NULLS LAST')
      .addOrderBy('a.applied_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .limit(f.limit ?? DEFAULT_PAGE.limit)
      .offset(f.offset ?? DEFAULT_PAGE.offset);
    andInScope(q, 'a', scope);
    if (f.eventId) q.andWhere('a.event_id = :eventId', { eventId: f.eventId });
    if (f.producerId) q.andWhere('a.producer_id = :producerId', { producerId: f.producerId });
    if (f.status) q.andWhere('a.status = :status', { status: f.status });
    return this.withProducts(this.ds.manager, await q.getMany());
  }

  /** The producers of these applications, by application id (system read). */
  async producersOf(ids: string[]): Promise<Map<string, Pick<Application, 'producerId' | 'producerName'>>> {
    if (!ids.length) return new Map();
    const rows = await this.ds.manager.find(Application, {
      select: { id: true, producerId: true, producerName: true },
      where: { id: In(ids) },
    });
    return new Map(rows.map((a) => [a.id, a]));
  }

  /** The coming events (not begun at `at`, not cancelled) where these products are shown by a participant holding a slot. */
  async upcomingEventsOf(productIds: string[], at: Date): Promise<{ productId: string; eventId: string; title: string; startsAt: Date }[]> {
    if (!productIds.length) return [];
    return this.ds.manager
      .createQueryBuilder(ApplicationProduct, 'p')
      .innerJoin(Application, 'a', 'a.id = p.application_id')
      .innerJoin(PromotionEvent, 'e', 'e.id = a.event_id')
      .select(['p.product_id AS "productId"', 'e.id AS "eventId"', 'e.title AS "title"', 'e.starts_at AS "startsAt"'])
      .where(`p.product_id IN (:...productIds) AND p.status = 'ACTIVE' AND a.status IN (:...holds)`, { productIds, holds: HOLDS_SLOT })
      .andWhere(`e.status <> 'CANCELLED' AND e.starts_at > :at`, { at })
      .orderBy('e.starts_at', 'ASC')
      .getRawMany();
  }

  /** Every application of an event with its products (a system read, the event locked by the caller). */
  async ofEvent(tx: Tx, eventId: string): Promise<ApplicationWithProducts[]> {
    const apps = await tx.find(Application, { where: { eventId }, order: { appliedAt: 'ASC', id: 'ASC' } });
    return this.withProducts(tx, apps);
  }

  /**
   * Slots each producer holds this year in the province's other selected events (those starting in [from, to)),
   * by producer id: what the fairness rule counts.
   */
  async slotsThisYear(
    tx: Tx,
    provinceCode: string,
    producerIds: string[],
    from: Date,
    to: Date,
    exceptEventId: string,
  ): Promise<Map<string, number>> {
    if (!producerIds.length) return new Map();
    const rows: { producer_id: string; n: number }[] = await tx
      .createQueryBuilder(Application, 'a')
      .innerJoin(PromotionEvent, 'e', 'e.id = a.event_id')
      .select('a.producer_id', 'producer_id')
      .addSelect('CAST(count(*) AS int)', 'n')
      .where('a.producer_id IN (:...producerIds) AND a.status IN (:...holds)', { producerIds, holds: HOLDS_SLOT })
      .andWhere('e.province_code = :provinceCode AND e.starts_at >= :from AND e.starts_at < :to AND e.id <> :exceptEventId', {
        provinceCode,
        from,
        to,
        exceptEventId,
      })
      .groupBy('a.producer_id')
      .getRawMany();
    return new Map(rows.map((r) => [r.producer_id, r.n]));
  }

  /** Writes a selection's outcome (status, place, reasons) in one statement. */
  async saveSelection(tx: Tx, outcomes: SelectionOutcome[], at: Date): Promise<void> {
    if (!outcomes.length) return;
    await tx.query(
      `UPDATE trade_promotion.application a SET status = v.status, position = v.position, reasons = v.reasons, decided_at = $2
       FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, status text, position int, reasons jsonb) WHERE a.id = v.id`,
      [JSON.stringify(outcomes.map((o) => ({ id: o.applicationId, status: o.status, position: o.position, reasons: o.reasons }))), at],
    );
  }

  async update(tx: Tx, id: string, changes: Partial<Application>): Promise<void> {
    await tx.update(Application, { id }, changes);
  }

  /** The first on the event's waiting list, locked (it is about to take a slot), or null. */
  firstWaitlisted(tx: Tx, eventId: string): Promise<Application | null> {
    return tx
      .getRepository(Application)
      .createQueryBuilder('a')
      .where(`a.event_id = :eventId AND a.status = 'WAITLISTED'`, { eventId })
      .orderBy('a.position', 'ASC')
      .setLock('pessimistic_write')
      .getOne();
  }

  /** The certificate's ACTIVE products on applications to events that have not begun at `at` (not cancelled, not withdrawn). */
  async onUpcomingEvents(tx: Tx, certificateId: string, at: Date): Promise<ProductOnUpcomingEvent[]> {
    return tx
      .createQueryBuilder(ApplicationProduct, 'p')
      .innerJoin(Application, 'a', 'a.id = p.application_id')
      .innerJoin(PromotionEvent, 'e', 'e.id = a.event_id')
      .select([
        'p.application_id AS "applicationId"',
        'p.product_id AS "productId"',
        'a.event_id AS "eventId"',
        'a.producer_id AS "producerId"',
      ])
      .where(`p.certificate_id = :certificateId AND p.status = 'ACTIVE'`, { certificateId })
      .andWhere(`a.status <> 'WITHDRAWN' AND e.status <> 'CANCELLED' AND e.starts_at > :at`, { at })
      .orderBy('a.event_id')
      .addOrderBy('p.application_id')
      .getRawMany();
  }

  async withdrawProduct(tx: Tx, applicationId: string, productId: string, reason: string, at: Date): Promise<void> {
    await tx.update(ApplicationProduct, { applicationId, productId }, { status: 'WITHDRAWN', withdrawnReason: reason, withdrawnAt: at });
  }

  /** A re-evaluated or upgraded product stays where it is shown, with the new certificate and stars. */
  carryOverCertificate(tx: Tx, oldCertificateId: string, next: { certificateId: string; code: string; stars: number }): Promise<void> {
    return carryOverCertificate(tx, ApplicationProduct, oldCertificateId, next);
  }

  /** The participants (holding a slot) of these events with their ACTIVE OCOP products, for the public list. */
  async publicParticipants(eventIds: string[]): Promise<ApplicationWithProducts[]> {
    if (!eventIds.length) return [];
    const apps = await this.ds.manager.find(Application, {
      where: { eventId: In(eventIds), status: In(HOLDS_SLOT) },
      order: { position: 'ASC' },
    });
    const all = await this.withProducts(this.ds.manager, apps);
    return all.map((a) =>
      Object.assign(a, { products: a.products.filter((p) => p.status === 'ACTIVE' && p.category === 'OCOP' && p.certificateCode) }),
    );
  }
}
