import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '@ocop/persistence';
import { DossierOpinion, OpinionRule } from './opinion.entity';

@Injectable()
export class OpinionsRepository {
  constructor(private readonly ds: DataSource) {}

  /** The province's rules, by product group and agency. */
  rulesOf(provinceCode: string, tx?: Tx): Promise<OpinionRule[]> {
    return (tx ?? this.ds.manager)
      .getRepository(OpinionRule)
      .find({ where: { provinceCode }, order: { productGroup: 'ASC', agencyCode: 'ASC' } });
  }

  /** The agencies whose opinion the province requires on a product group's dossiers. */
  rulesFor(tx: Tx, provinceCode: string, productGroup: string): Promise<OpinionRule[]> {
    return tx.getRepository(OpinionRule).find({ where: { provinceCode, productGroup }, order: { agencyCode: 'ASC' } });
  }

  /** The group's rule becomes exactly these agencies (none: switched off); the group's rows are locked while it changes. */
  async replaceRules(tx: Tx, provinceCode: string, productGroup: string, rules: OpinionRule[]): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('opinion_rule:' || $1 || ':' || $2))`, [provinceCode, productGroup]);
    await tx.delete(OpinionRule, { provinceCode, productGroup });
    if (rules.length) await tx.insert(OpinionRule, rules);
  }

  /** Inserts the request unless the agency already has an opinion row on the dossier; true when this call inserted it. */
  async insertIfAbsent(tx: Tx, o: DossierOpinion): Promise<boolean> {
    const res = await tx.createQueryBuilder().insert().into(DossierOpinion).values(o).orIgnore().returning('id').execute();
    return (res.raw as unknown[]).length > 0;
  }

  /** The agency's opinion on the dossier, locked for update (the dossier is locked first by the caller). */
  ofAgencyForUpdate(tx: Tx, dossierId: string, agencyCode: string): Promise<DossierOpinion | null> {
    return tx
      .getRepository(DossierOpinion)
      .createQueryBuilder('o')
      .where('o.dossier_id = :dossierId AND o.agency_code = :agencyCode', { dossierId, agencyCode })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** Whether the agency was asked for, or gave, an opinion on the dossier. */
  async concerns(dossierId: string, agencyCode: string): Promise<boolean> {
    return this.ds.getRepository(DossierOpinion).exists({ where: { dossierId, agencyCode } });
  }

  save(tx: Tx, o: DossierOpinion): Promise<DossierOpinion> {
    return tx.save(DossierOpinion, o);
  }

  ofDossier(dossierId: string): Promise<DossierOpinion[]> {
    return this.ds
      .getRepository(DossierOpinion)
      .find({ where: { dossierId }, order: { requestedAt: 'ASC', givenAt: 'ASC', agencyCode: 'ASC' } });
  }

  /**
   * Required opinions still requested whose reminder (`reminderDaysBefore` days before the due time) or escalation (at
   * the due time) is due as of `asOf` and not yet sent, locked (SKIP LOCKED: two sweeps never take the same row).
   */
  dueFollowUps(tx: Tx, asOf: Date, reminderDaysBefore: number, opinionId?: string): Promise<DossierOpinion[]> {
    const q = tx
      .getRepository(DossierOpinion)
      .createQueryBuilder('o')
      .where(`o.status = 'REQUESTED' AND o.required AND o.due_at IS NOT NULL`)
      .andWhere(
        `((o.reminded_at IS NULL AND o.due_at - make_interval(days => :days) <= :asOf) OR (o.escalated_at IS NULL AND o.due_at <= :asOf))`,
        { days: reminderDaysBefore, asOf },
      )
      .orderBy('o.due_at', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked');
    if (opinionId) q.andWhere('o.id = :opinionId', { opinionId });
    return q.getMany();
  }
}
