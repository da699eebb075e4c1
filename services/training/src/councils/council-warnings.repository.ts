import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_PAGE } from '@ocop/contracts';
import type { Tx } from '@ocop/persistence';
import { CouncilWarning } from './council-warning.entity';

@Injectable()
export class CouncilWarningsRepository {
  constructor(private readonly ds: DataSource) {}

  /** Of these users, those who completed a council training class (any year). */
  async trained(tx: Tx, userIds: string[]): Promise<Set<string>> {
    if (!userIds.length) return new Set();
    const rows: { user_id: string }[] = await tx.query(
      `SELECT DISTINCT e.user_id FROM training.enrolment e JOIN training.training_class c ON c.id = e.class_id
        WHERE c.target_group = 'COUNCIL' AND e.status = 'COMPLETED' AND e.user_id = ANY($1::uuid[])`,
      [userIds],
    );
    return new Set(rows.map((r) => r.user_id));
  }

  async insertIfAbsent(tx: Tx, rows: CouncilWarning[]): Promise<void> {
    if (rows.length) await tx.createQueryBuilder().insert().into(CouncilWarning).values(rows).orIgnore().execute();
  }

  /** A page of a province's warnings (null: every province), of one council when given, newest first. */
  list(provinceCode: string | null, f: { councilId?: string; limit?: number; offset?: number }): Promise<CouncilWarning[]> {
    const where: Record<string, string> = {};
    if (provinceCode) where.provinceCode = provinceCode;
    if (f.councilId) where.councilId = f.councilId;
    return this.ds.manager.find(CouncilWarning, {
      where,
      order: { createdAt: 'DESC', userId: 'ASC' },
      take: f.limit ?? DEFAULT_PAGE.limit,
      skip: f.offset ?? DEFAULT_PAGE.offset,
    });
  }
}
