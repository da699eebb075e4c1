import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_PAGE, type InvitationView } from '@ocop/contracts';
import type { Tx } from '@ocop/persistence';
import { TrainingClass } from '../classes/training-class.entity';
import { Invitation } from './invitation.entity';

@Injectable()
export class InvitationsRepository {
  constructor(private readonly ds: DataSource) {}

  /** Stores the invitation unless the producer already has one for the same cause; whether it did. */
  async insertIfNew(tx: Tx, i: Invitation): Promise<boolean> {
    const r = await tx.createQueryBuilder().insert().into(Invitation).values(i).orIgnore().returning(['id']).execute();
    return (r.raw as unknown[]).length > 0;
  }

  /** A page of a province's invitations (null: every province), of one producer when given, newest first. */
  async list(provinceCode: string | null, f: { producerId?: string; limit?: number; offset?: number }): Promise<InvitationView[]> {
    const q = this.ds.manager
      .createQueryBuilder(Invitation, 'i')
      .innerJoin(TrainingClass, 'c', 'c.id = i.class_id')
      .select([
        'i.id AS "id"',
        'i.producer_id AS "producerId"',
        'i.class_id AS "classId"',
        'c.title AS "classTitle"',
        'i.reason AS "reason"',
        'i.created_at AS "createdAt"',
      ])
      .orderBy('i.created_at', 'DESC')
      .addOrderBy('i.id', 'ASC')
      .limit(f.limit ?? DEFAULT_PAGE.limit)
      .offset(f.offset ?? DEFAULT_PAGE.offset);
    if (provinceCode) q.andWhere('i.province_code = :provinceCode', { provinceCode });
    if (f.producerId !== undefined)
      q.andWhere('i.producer_id = :producerId', { producerId: f.producerId || '00000000-0000-0000-0000-000000000000' });
    const rows: (Omit<InvitationView, 'createdAt'> & { createdAt: Date })[] = await q.getRawMany();
    return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
  }
}
