import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { Tx } from '@ocop/persistence';
import { GuidanceMessage, GuidanceThread } from './guidance.entity';

export interface GuidanceListFilter {
  agencyCode?: string;
  provinceCode?: string;
  status?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class GuidanceRepository {
  constructor(private readonly ds: DataSource) {}

  async insertThread(tx: Tx, t: GuidanceThread): Promise<void> {
    await tx.insert(GuidanceThread, t);
  }

  /** Inserts the message unless the thread has one with its reference already; true when this call inserted it. */
  async insertMessage(tx: Tx, m: GuidanceMessage): Promise<boolean> {
    const res = await tx.createQueryBuilder().insert().into(GuidanceMessage).values(m).orIgnore().returning('id').execute();
    return (res.raw as unknown[]).length > 0;
  }

  threadForUpdate(tx: Tx, id: string): Promise<GuidanceThread | null> {
    return tx.getRepository(GuidanceThread).createQueryBuilder('t').where('t.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  saveThread(tx: Tx, t: GuidanceThread): Promise<GuidanceThread> {
    return tx.save(GuidanceThread, t);
  }

  /** Whether a thread of the dossier is addressed to the agency. */
  async concerns(dossierId: string, agencyCode: string): Promise<boolean> {
    return this.ds.getRepository(GuidanceThread).exists({ where: { dossierId, agencyCode } });
  }

  ofDossier(dossierId: string): Promise<GuidanceThread[]> {
    return this.ds.getRepository(GuidanceThread).find({ where: { dossierId }, order: { askedAt: 'ASC', id: 'ASC' } });
  }

  /** An agency's threads (its inbox), or a province's (the standing office), oldest question first. */
  list(f: GuidanceListFilter): Promise<GuidanceThread[]> {
    const q = this.ds.getRepository(GuidanceThread).createQueryBuilder('t').orderBy('t.asked_at', 'ASC').addOrderBy('t.id', 'ASC');
    if (f.agencyCode) q.andWhere('t.agency_code = :agency', { agency: f.agencyCode });
    if (f.provinceCode) q.andWhere('t.province_code = :province', { province: f.provinceCode });
    if (f.status) q.andWhere('t.status = :status', { status: f.status });
    return q.limit(f.limit).offset(f.offset).getMany();
  }

  /** The messages of these threads, in order (tx: inside the caller's transaction). */
  messagesOf(threadIds: string[], tx?: Tx): Promise<GuidanceMessage[]> {
    if (!threadIds.length) return Promise.resolve([]);
    return (tx ?? this.ds.manager).find(GuidanceMessage, { where: { threadId: In(threadIds) }, order: { at: 'ASC', id: 'ASC' } });
  }

  /** Open threads whose reminder or escalation is due as of `asOf` and not yet sent, locked (SKIP LOCKED). */
  dueFollowUps(tx: Tx, asOf: Date, reminderDaysBefore: number): Promise<GuidanceThread[]> {
    return tx
      .getRepository(GuidanceThread)
      .createQueryBuilder('t')
      .where(`t.status = 'OPEN'`)
      .andWhere(
        `((t.reminded_at IS NULL AND t.due_at - make_interval(days => :days) <= :asOf) OR (t.escalated_at IS NULL AND t.due_at <= :asOf))`,
        { days: reminderDaysBefore, asOf },
      )
      .orderBy('t.due_at', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }
}
