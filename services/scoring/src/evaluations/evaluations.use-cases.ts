import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  AppError,
  DEFAULT_PAGE,
  Role,
  SYSTEM_ACTOR,
  ScoringEvents,
  type Actor,
  type EvaluationOpenedData,
  type EvaluationView,
  type EventEnvelope,
  type ListEvaluationsQuery,
  type SampleResultRecordedData,
  type SetLabResultCommand,
} from '@ocop/contracts';
import { productSetNeedsSamples, tierModelFor, type CommuneAssessmentEntry, type LegalVersionCode, type Tier } from '@ocop/domain';
import { EventOutbox, UnrecoverableEventError } from '@ocop/messaging';
import { writeAudit, type Tx } from '@ocop/persistence';
import { currentContext } from '@ocop/observability';
import { Evaluation } from './evaluation.entity';
import { assertManages, canReadEvaluation } from '../access/access';

/** What registration's `dossier-proposed` event carries that scoring needs (version 1). */
interface ProposedDossier {
  dossierId: string;
  dossierCode: string;
  productId: string;
  producerId: string;
  communeCode: string;
  provinceCode: string;
  districtCode?: string | null;
  tier: string;
  toUnitCode: string;
  legalVersion: string;
  filedAt?: string;
  kind?: string;
  productName?: string;
  productSetCode?: string;
  producerName?: string;
  communeAssessment?: { entries: CommuneAssessmentEntry[] } | null;
}

/** The unit whose council evaluates at `tier`: the dossier's district, its province, or the ministry ("VN"). */
export function unitAtTier(tier: string, e: { provinceCode: string; districtCode: string | null }): string | null {
  return tier === 'DISTRICT' ? e.districtCode : tier === 'PROVINCE' ? e.provinceCode : 'VN';
}

@Injectable()
export class EvaluationsUseCases {
  constructor(
    private readonly ds: DataSource,
    private readonly outbox: EventOutbox,
  ) {}

  /** A dossier proposed by its commune enters the proposal tier's list of dossiers awaiting a session. */
  async onDossierProposed(event: EventEnvelope, tx: Tx): Promise<void> {
    const d = event.data as ProposedDossier;
    for (const k of [
      'dossierId',
      'dossierCode',
      'productId',
      'producerId',
      'communeCode',
      'provinceCode',
      'tier',
      'toUnitCode',
      'legalVersion',
      'filedAt',
      'productName',
      'productSetCode',
      'producerName',
    ] as const) {
      if (typeof d[k] !== 'string') throw new UnrecoverableEventError(`${event.type} ${event.id} lacks ${k}`);
    }
    const e = Object.assign(new Evaluation(), {
      id: randomUUID(),
      dossierId: d.dossierId,
      dossierCode: d.dossierCode,
      dossierKind: d.kind ?? 'NEW',
      productId: d.productId,
      productName: d.productName,
      productSetCode: d.productSetCode,
      producerId: d.producerId,
      producerName: d.producerName,
      tier: d.tier,
      unitCode: d.toUnitCode,
      provinceCode: d.provinceCode,
      districtCode: d.districtCode ?? null,
      communeCode: d.communeCode,
      legalVersion: d.legalVersion,
      filedAt: new Date(d.filedAt!),
      communeAssessment: d.communeAssessment?.entries ?? null,
      labState: 'NOT_REQUIRED',
      labReference: null,
      status: 'AWAITING_SESSION',
      sessionId: null,
      forwardedFrom: null,
      lastDeferral: null,
      result: null,
    });
    await this.open(tx, e);
  }

  /** Inserts an evaluation at its tier (once per dossier and tier, whatever the redeliveries) and announces it. */
  async open(tx: Tx, e: Evaluation): Promise<void> {
    const step = tierModelFor(e.legalVersion as LegalVersionCode).steps.find((s) => s.tier === (e.tier as Tier));
    if (!step) throw new UnrecoverableEventError(`tier ${e.tier} is not part of legal version ${e.legalVersion}`);
    if (step.requiresLabResults && productSetNeedsSamples(e.productSetCode)) {
      if (e.labState === 'NOT_REQUIRED') e.labState = 'PENDING';
    } else {
      e.labState = 'NOT_REQUIRED';
    }
    const inserted = await tx.createQueryBuilder().insert().into(Evaluation).values(e).orIgnore().returning(['id']).execute();
    if ((inserted.raw as unknown[]).length === 0) return; // the dossier already has an evaluation at this tier
    const data: EvaluationOpenedData = { ...this.eventData(e), legalVersion: e.legalVersion, forwardedFrom: e.forwardedFrom };
    await this.outbox.enqueue(tx, ScoringEvents.evaluationOpened, e.dossierId, data);
  }

  eventData(e: Evaluation) {
    return {
      dossierId: e.dossierId,
      dossierCode: e.dossierCode,
      evaluationId: e.id,
      productId: e.productId,
      producerId: e.producerId,
      tier: e.tier,
      unitCode: e.unitCode,
      provinceCode: e.provinceCode,
    };
  }

  async list(actor: Actor, q: ListEvaluationsQuery): Promise<EvaluationView[]> {
    const qb = this.ds
      .getRepository(Evaluation)
      .createQueryBuilder('e')
      .orderBy('e.created_at', 'ASC')
      .addOrderBy('e.dossier_code', 'ASC')
      .limit(q.limit ?? DEFAULT_PAGE.limit)
      .offset(q.offset ?? DEFAULT_PAGE.offset);
    if (q.tier) qb.andWhere('e.tier = :tier', { tier: q.tier });
    if (q.unitCode) qb.andWhere('e.unit_code = :unit', { unit: q.unitCode });
    if (q.status) qb.andWhere('e.status = :status', { status: q.status });
    if (q.dossierId) qb.andWhere('e.dossier_id = :dossierId', { dossierId: q.dossierId });
    if (actor.scope.provinceCode !== '*') qb.andWhere(`(e.province_code = :pc OR e.tier = 'CENTRAL')`, { pc: actor.scope.provinceCode });
    // Narrow in SQL to what canReadEvaluation lets the caller read, so the page is taken after the scope (the check stays the rule).
    const sessions = await this.memberSessionIds(actor);
    if (actor.role === Role.PRODUCER) qb.andWhere('e.producer_id = :own', { own: actor.scope.producerId ?? null });
    else if (actor.role === Role.COMMUNE_OFFICER) qb.andWhere('e.commune_code = :own', { own: actor.scope.communeCode ?? null });
    else if (actor.role === Role.DISTRICT_OFFICER) qb.andWhere('e.district_code = :own', { own: actor.scope.districtCode ?? null });
    else if (actor.role === Role.COUNCIL_MEMBER) qb.andWhere('e.session_id = ANY(:sessions)', { sessions: [...(sessions ?? [])] });
    else if (actor.role === Role.ADMIN && actor.scope.provinceCode !== '*') qb.andWhere(`e.tier <> 'CENTRAL'`);
    return (await qb.getMany()).filter((e) => canReadEvaluation(actor, e, sessions)).map((e) => this.view(e));
  }

  async get(actor: Actor, id: string, tx?: Tx): Promise<Evaluation> {
    const e = await (tx ?? this.ds.manager).findOneBy(Evaluation, { id });
    if (!e || !canReadEvaluation(actor, e, await this.memberSessionIds(actor, tx)))
      throw AppError.notFound('EVALUATION_NOT_FOUND', 'no such evaluation');
    return e;
  }

  /** A council member's sessions (those of the councils they sit on); undefined for other roles. */
  private async memberSessionIds(actor: Actor, tx?: Tx): Promise<Set<string> | undefined> {
    if (actor.role !== Role.COUNCIL_MEMBER) return undefined;
    const rows: { id: string }[] = await (tx ?? this.ds.manager).query(
      'SELECT s.id FROM scoring.session s JOIN scoring.council_member m ON m.council_id = s.council_id WHERE m.user_id = $1',
      [actor.id],
    );
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Records the state of the sample lab tests for a dossier at a tier that requires them. Until the lab-testing
   * workflow (services/inspection) publishes results, the office records them here.
   */
  async setLabResult(actor: Actor, c: SetLabResultCommand): Promise<EvaluationView> {
    return this.ds.transaction(async (tx) => {
      const e = await this.lockEvaluation(tx, c.evaluationId);
      if (!e || !canReadEvaluation(actor, e)) throw AppError.notFound('EVALUATION_NOT_FOUND', 'no such evaluation');
      assertManages(actor, e, 'lab results');
      if (e.labState === 'NOT_REQUIRED')
        throw AppError.rule('LAB_RESULT_NOT_REQUIRED', `no sample lab tests are required for this dossier at the ${e.tier} tier`);
      if (e.status === 'COMPLETED') throw AppError.conflict('EVALUATION_COMPLETED', 'the evaluation is already completed');
      await this.applyLabState(tx, actor, e, c.state, c.reference ?? null);
      return this.view(e);
    });
  }

  /**
   * The lab's result from inspection (`inspection.sample-result-recorded.v1`) opens or blocks the gate of the
   * evaluation the sample served: PASS → PASSED, FAIL → FAILED. A completed evaluation is left as it is.
   */
  async onSampleResult(event: EventEnvelope, tx: Tx): Promise<void> {
    const d = event.data as Partial<SampleResultRecordedData>;
    if (!d.evaluationId) return; // a sample for an inspection task, not an evaluation
    if (d.overall !== 'PASS' && d.overall !== 'FAIL')
      throw new UnrecoverableEventError(`${event.type} ${event.id}: overall must be PASS or FAIL`);
    const e = await this.lockEvaluation(tx, d.evaluationId);
    if (!e || e.labState === 'NOT_REQUIRED' || e.status === 'COMPLETED') return;
    await this.applyLabState(
      tx,
      SYSTEM_ACTOR,
      e,
      d.overall === 'PASS' ? 'PASSED' : 'FAILED',
      d.reference ?? d.sampleCode ?? null,
      event.id,
    );
  }

  private lockEvaluation(tx: Tx, id: string): Promise<Evaluation | null> {
    return tx.getRepository(Evaluation).createQueryBuilder('e').where('e.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  private async applyLabState(
    tx: Tx,
    actor: Actor,
    e: Evaluation,
    state: string,
    reference: string | null,
    causedBy?: string,
  ): Promise<void> {
    const from = e.labState;
    e.labState = state;
    e.labReference = reference;
    await tx.update(Evaluation, { id: e.id }, { labState: e.labState, labReference: e.labReference });
    await writeAudit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: 'evaluation.lab-result',
      entityType: 'evaluation',
      entityId: e.id,
      details: { from, to: state, reference, causedBy: causedBy ?? null },
      correlationId: currentContext()?.correlationId,
    });
    await this.outbox.enqueue(tx, ScoringEvents.labResultRecorded, e.dossierId, {
      ...this.eventData(e),
      labState: e.labState,
      reference: e.labReference,
    });
  }

  view(e: Evaluation): EvaluationView {
    return {
      id: e.id,
      dossierId: e.dossierId,
      dossierCode: e.dossierCode,
      dossierKind: e.dossierKind,
      productId: e.productId,
      productName: e.productName,
      productSetCode: e.productSetCode,
      producerId: e.producerId,
      producerName: e.producerName,
      tier: e.tier,
      unitCode: e.unitCode,
      provinceCode: e.provinceCode,
      districtCode: e.districtCode,
      legalVersion: e.legalVersion,
      status: e.status,
      labState: e.labState,
      labReference: e.labReference,
      communeAssessment: e.communeAssessment,
      sessionId: e.sessionId,
      forwardedFrom: e.forwardedFrom,
      result: e.result,
      lastDeferral: e.lastDeferral,
      createdAt: e.createdAt.toISOString(),
    };
  }
}
