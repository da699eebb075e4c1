import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { DEFAULT_PAGE, Role, type Actor } from '@ocop/contracts';
import { actsForProducer, spansAllProvinces } from '@ocop/auth';
import { Tier } from '@ocop/domain';
import type { Tx } from '@ocop/persistence';
import { Evaluation, type StoredResult } from './evaluation.entity';
import { ReceivedOpinion } from './received-opinion.entity';
import { Session } from '../sessions/session.entity';
import type { SessionItem } from '../sessions/session-item.entity';
import { CouncilMember } from '../councils/council-member.entity';
import { canReadEvaluation } from '../access/access.policy';
import type { ScoringScope } from '../access/scoring-scope.policy';

export interface EvaluationFilter {
  tier?: string;
  unitCode?: string;
  status?: string;
  dossierId?: string;
  limit?: number;
  offset?: number;
}

/** What closing a session writes back to one evaluation on its agenda. */
export interface EvaluationCloseUpdate {
  id: string;
  status: string;
  session_id: string | null;
  result: StoredResult | null;
  last_deferral: unknown;
}

@Injectable()
export class EvaluationsRepository {
  constructor(private readonly ds: DataSource) {}

  /** The evaluation, or null when unknown or outside the scope (callers answer 404 either way). */
  async get(scope: ScoringScope, id: string, tx?: Tx): Promise<Evaluation | null> {
    const e = await (tx ?? this.ds.manager).findOneBy(Evaluation, { id });
    if (!e) return null;
    if (scope.kind === 'reader' && !canReadEvaluation(scope.actor, e, await this.memberSessionIds(scope.actor, tx))) return null;
    return e;
  }

  /**
   * A page of evaluations in scope, oldest first. The scope is narrowed in SQL to what canReadEvaluation lets the reader
   * read, so the page is taken after the scope (the check stays the rule).
   */
  async list(scope: ScoringScope, f: EvaluationFilter): Promise<Evaluation[]> {
    const qb = this.ds
      .getRepository(Evaluation)
      .createQueryBuilder('e')
      .orderBy('e.created_at', 'ASC')
      .addOrderBy('e.dossier_code', 'ASC')
      .limit(f.limit ?? DEFAULT_PAGE.limit)
      .offset(f.offset ?? DEFAULT_PAGE.offset);
    if (f.tier) qb.andWhere('e.tier = :tier', { tier: f.tier });
    if (f.unitCode) qb.andWhere('e.unit_code = :unit', { unit: f.unitCode });
    if (f.status) qb.andWhere('e.status = :status', { status: f.status });
    if (f.dossierId) qb.andWhere('e.dossier_id = :dossierId', { dossierId: f.dossierId });
    if (scope.kind !== 'reader') return qb.getMany();
    const actor = scope.actor;
    const national = spansAllProvinces(actor);
    if (!national) qb.andWhere(`(e.province_code = :pc OR e.tier = 'CENTRAL')`, { pc: actor.scope.provinceCode });
    const sessions = await this.memberSessionIds(actor);
    if (actor.role === Role.PRODUCER || actor.role === Role.CONSULTANT)
      qb.andWhere('e.producer_id = :own', { own: actsForProducer(actor) });
    else if (actor.role === Role.COMMUNE_OFFICER) qb.andWhere('e.commune_code = :own', { own: actor.scope.communeCode ?? null });
    else if (actor.role === Role.DISTRICT_OFFICER) qb.andWhere('e.district_code = :own', { own: actor.scope.districtCode ?? null });
    else if (actor.role === Role.COUNCIL_MEMBER) qb.andWhere('e.session_id = ANY(:sessions)', { sessions: [...(sessions ?? [])] });
    else if (actor.role === Role.ADMIN && !national) qb.andWhere(`e.tier <> 'CENTRAL'`);
    return (await qb.getMany()).filter((e) => canReadEvaluation(actor, e, sessions));
  }

  /** Same as get, the row locked for update inside the caller's transaction. */
  async getForUpdate(tx: Tx, scope: ScoringScope, id: string): Promise<Evaluation | null> {
    const e = await tx.getRepository(Evaluation).createQueryBuilder('e').where('e.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!e) return null;
    if (scope.kind === 'reader' && !canReadEvaluation(scope.actor, e, await this.memberSessionIds(scope.actor, tx))) return null;
    return e;
  }

  /** The evaluations with these ids, locked for update (an agenda being filled); ids not found are left out. */
  async getManyForUpdate(tx: Tx, scope: ScoringScope, ids: string[]): Promise<Evaluation[]> {
    const rows = await tx
      .getRepository(Evaluation)
      .createQueryBuilder('e')
      .where('e.id IN (:...ids)', { ids })
      .setLock('pessimistic_write')
      .getMany();
    if (scope.kind !== 'reader') return rows;
    const sessions = await this.memberSessionIds(scope.actor, tx);
    return rows.filter((e) => canReadEvaluation(scope.actor, e, sessions));
  }

  /** The evaluations of these agenda items (read through their session, in the caller's scope: SessionsRepository.agenda). */
  onAgenda(items: SessionItem[], tx?: Tx): Promise<Evaluation[]> {
    const ids = items.map((i) => i.evaluationId);
    return ids.length ? (tx ?? this.ds.manager).findBy(Evaluation, { id: In(ids) }) : Promise.resolve([]);
  }

  /**
   * For the 2025 calendar's transfer (the system's own sweep): every district evaluation still waiting — on the list, or
   * on the agenda of a district session that never closed — oldest first, locked for update.
   */
  waitingAtDistrictsForUpdate(tx: Tx): Promise<Evaluation[]> {
    return tx
      .getRepository(Evaluation)
      .createQueryBuilder('e')
      .where(
        `e.tier = 'DISTRICT' AND (e.status = 'AWAITING_SESSION'
          OR (e.status = 'SCHEDULED' AND EXISTS (SELECT 1 FROM scoring.session s WHERE s.id = e.session_id AND s.status = 'OPEN')))`,
      )
      .orderBy('e.created_at', 'ASC')
      .setLock('pessimistic_write')
      .getMany();
  }

  /** Inserts the evaluation unless the dossier has one at this tier already; whether it was inserted. */
  async insertIfAbsent(tx: Tx, e: Evaluation): Promise<boolean> {
    const inserted = await tx.createQueryBuilder().insert().into(Evaluation).values(e).orIgnore().returning(['id']).execute();
    return (inserted.raw as unknown[]).length > 0;
  }

  /** Records an agency's opinion on a dossier unless it was heard already (a redelivery). */
  async recordOpinion(tx: Tx, o: ReceivedOpinion): Promise<void> {
    await tx.createQueryBuilder().insert().into(ReceivedOpinion).values(o).orIgnore().execute();
  }

  /** Per evaluation, the agencies whose required opinion on its dossier has not been heard (evaluations requiring none are absent). */
  async missingOpinions(tx: Tx, evaluations: Evaluation[]): Promise<Map<string, string[]>> {
    const requiring = evaluations.filter((e) => e.requiredOpinions.length);
    if (!requiring.length) return new Map();
    const heard = await tx.find(ReceivedOpinion, { where: { dossierId: In(requiring.map((e) => e.dossierId)) } });
    const missing = new Map<string, string[]>();
    for (const e of requiring) {
      const left = e.requiredOpinions.filter((a) => !heard.some((h) => h.dossierId === e.dossierId && h.agencyCode === a));
      if (left.length) missing.set(e.id, left);
    }
    return missing;
  }

  async setLabState(tx: Tx, id: string, labState: string, labReference: string | null): Promise<void> {
    await tx.update(Evaluation, { id }, { labState, labReference });
  }

  async schedule(tx: Tx, ids: string[], sessionId: string): Promise<void> {
    await tx.update(Evaluation, { id: In(ids) }, { status: 'SCHEDULED', sessionId });
  }

  /** Moves a district evaluation in place to its province's waiting list (same id). */
  async moveToProvince(tx: Tx, e: Evaluation, labState: string): Promise<void> {
    await tx.update(
      Evaluation,
      { id: e.id },
      { tier: Tier.PROVINCE, unitCode: e.provinceCode, status: 'AWAITING_SESSION', sessionId: null, labState },
    );
  }

  /** Writes every agenda evaluation's outcome of a closing session in one statement. */
  async applyCloseUpdates(tx: Tx, updates: EvaluationCloseUpdate[]): Promise<void> {
    await tx.query(
      `UPDATE scoring.evaluation e SET status = v.status, session_id = v.session_id, result = v.result, last_deferral = v.last_deferral
       FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, status text, session_id uuid, result jsonb, last_deferral jsonb) WHERE e.id = v.id`,
      [JSON.stringify(updates)],
    );
  }

  /** A council member's sessions (those of the councils they sit on); undefined for other roles. */
  private async memberSessionIds(actor: Actor, tx?: Tx): Promise<Set<string> | undefined> {
    if (actor.role !== Role.COUNCIL_MEMBER) return undefined;
    const rows = await (tx ?? this.ds.manager)
      .getRepository(Session)
      .createQueryBuilder('s')
      .select('s.id', 'id')
      .innerJoin(CouncilMember, 'm', 'm.council_id = s.council_id')
      .where('m.user_id = :userId', { userId: actor.id })
      .getRawMany<{ id: string }>();
    return new Set(rows.map((r) => r.id));
  }
}
