import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { DEFAULT_PAGE } from '@ocop/contracts';
import type { ReadScope } from '@ocop/auth';
import type { Tx } from '@ocop/persistence';
import { andInScope } from '../access/scoped-query';
import { SalesChannel } from './sales-channel.entity';

@Injectable()
export class SalesChannelsRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(tx: Tx, c: SalesChannel): Promise<void> {
    await tx.insert(SalesChannel, c);
  }

  /** The channel, or null when unknown or outside the scope. */
  get(scope: ReadScope, id: string, tx?: Tx): Promise<SalesChannel | null> {
    return andInScope((tx ?? this.ds.manager).createQueryBuilder(SalesChannel, 'c').where('c.id = :id', { id }), 'c', scope).getOne();
  }

  /** A page of the channels in scope, newest first. */
  list(
    scope: ReadScope,
    f: { producerId?: string; kind?: string; status?: string; limit?: number; offset?: number },
  ): Promise<SalesChannel[]> {
    const q = this.ds.manager
      .createQueryBuilder(SalesChannel, 'c')
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .limit(f.limit ?? DEFAULT_PAGE.limit)
      .offset(f.offset ?? DEFAULT_PAGE.offset);
    andInScope(q, 'c', scope);
    if (f.producerId) q.andWhere('c.producer_id = :producerId', { producerId: f.producerId });
    if (f.kind) q.andWhere('c.kind = :kind', { kind: f.kind });
    if (f.status) q.andWhere('c.status = :status', { status: f.status });
    return q.getMany();
  }

  /** The same, locked for the caller's transaction (a check or an end). */
  lock(scope: ReadScope, id: string, tx: Tx): Promise<SalesChannel | null> {
    return andInScope(tx.createQueryBuilder(SalesChannel, 'c').where('c.id = :id', { id }), 'c', scope)
      .setLock('pessimistic_write')
      .getOne();
  }

  async update(tx: Tx, id: string, changes: Partial<SalesChannel>): Promise<void> {
    await tx.update(SalesChannel, { id }, changes);
  }

  /** The checked channels of these producers current on `day` (a public read: only checked ones are shown). */
  currentChecked(producerIds: string[], day: string): Promise<SalesChannel[]> {
    if (!producerIds.length) return Promise.resolve([]);
    return this.ds.manager
      .createQueryBuilder(SalesChannel, 'c')
      .where({ producerId: In(producerIds) })
      .andWhere(`c.status = 'CHECKED' AND c.since <= :day AND (c.ended_on IS NULL OR c.ended_on > :day)`, { day })
      .orderBy('c.name', 'ASC')
      .getMany();
  }

  /**
   * The province's producers holding a valid OCOP certificate at `at`, and how many of them sell through each kind of
   * checked channel current on `day`.
   */
  async summary(
    provinceCode: string,
    at: Date,
    day: string,
  ): Promise<Record<'ocop' | 'modernRetail' | 'ecommerce' | 'export' | 'either', number>> {
    const [row]: { ocop: number; modern_retail: number; ecommerce: number; export: number; either: number }[] = await this.ds.query(
      `WITH ocop AS (SELECT DISTINCT producer_id FROM trade_promotion.certificate
                      WHERE province_code = $1 AND status IN ('ACTIVE','EXPIRING') AND valid_from <= $2 AND valid_to > $2),
            ch AS (SELECT c.producer_id, c.kind FROM trade_promotion.sales_channel c JOIN ocop o ON o.producer_id = c.producer_id
                    WHERE c.status = 'CHECKED' AND c.since <= $3::date AND (c.ended_on IS NULL OR c.ended_on > $3::date))
       SELECT (SELECT count(*)::int FROM ocop) AS ocop,
              (SELECT count(DISTINCT producer_id)::int FROM ch WHERE kind = 'MODERN_RETAIL') AS modern_retail,
              (SELECT count(DISTINCT producer_id)::int FROM ch WHERE kind = 'ECOMMERCE') AS ecommerce,
              (SELECT count(DISTINCT producer_id)::int FROM ch WHERE kind = 'EXPORT') AS export,
              (SELECT count(DISTINCT producer_id)::int FROM ch WHERE kind IN ('MODERN_RETAIL','ECOMMERCE')) AS either`,
      [provinceCode, at, day],
    );
    return { ocop: row!.ocop, modernRetail: row!.modern_retail, ecommerce: row!.ecommerce, export: row!.export, either: row!.either };
  }
}
