import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { DEFAULT_PAGE } from '@ocop/contracts';
import type { Tx } from '@ocop/persistence';
import { SalesPoint } from './sales-point.entity';
import { SalesPointReminder } from './sales-point-reminder.entity';

export interface SalesPointFilter {
  level?: string;
  locationType?: string;
  limit?: number;
  offset?: number;
}

@Injectable()
export class SalesPointsRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(tx: Tx, p: SalesPoint): Promise<void> {
    await tx.insert(SalesPoint, p);
  }

  /** The point, or null (the caller checks the reader's province). */
  get(id: string, tx?: Tx): Promise<SalesPoint | null> {
    return (tx ?? this.ds.manager).findOneBy(SalesPoint, { id });
  }

  /** A page of a province's points (null: every province), by name. */
  list(provinceCode: string | null, f: SalesPointFilter): Promise<SalesPoint[]> {
    const where: Record<string, string> = {};
    if (provinceCode) where.provinceCode = provinceCode;
    if (f.level) where.level = f.level;
    if (f.locationType) where.locationType = f.locationType;
    return this.ds.manager.find(SalesPoint, {
      where,
      order: { name: 'ASC', id: 'ASC' },
      take: f.limit ?? DEFAULT_PAGE.limit,
      skip: f.offset ?? DEFAULT_PAGE.offset,
    });
  }

  /**
   * Points whose operating obligation has a milestone (`daysBefore` its end) on or before `day` that no sweep has
   * recorded yet, locked so two sweeps at once record each once. A system read of every province.
   */
  async dueMilestones(tx: Tx, day: string, daysBefore: number[]): Promise<{ point: SalesPoint; daysBefore: number }[]> {
    const rows: { id: string; days_before: number }[] = await tx.query(
      `SELECT p.id, d.days_before FROM trade_promotion.sales_point p CROSS JOIN unnest($2::int[]) AS d(days_before)
       WHERE p.obligation_ends_on IS NOT NULL AND p.obligation_ends_on - d.days_before <= $1::date AND p.obligation_ends_on >= $1::date
         AND NOT EXISTS (SELECT 1 FROM trade_promotion.sales_point_reminder r WHERE r.sales_point_id = p.id AND r.days_before = d.days_before)
       ORDER BY p.id, d.days_before FOR UPDATE OF p`,
      [day, daysBefore],
    );
    if (!rows.length) return [];
    const points = await tx.find(SalesPoint, { where: { id: In([...new Set(rows.map((r) => r.id))]) } });
    return rows.map((r) => ({ point: points.find((p) => p.id === r.id)!, daysBefore: r.days_before }));
  }

  async recordReminders(tx: Tx, rows: SalesPointReminder[]): Promise<void> {
    if (rows.length) await tx.createQueryBuilder().insert().into(SalesPointReminder).values(rows).orIgnore().execute();
  }
}
