import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AppError,
  InspectionEvents as E,
  Role,
  ScoringSubjects,
  type Actor,
  type EvaluationView,
  type IndicatorResultDto,
  type RecordResultBody,
  type SampleEventData,
  type SampleResultRecordedData,
  type SampleStepTakenData,
  type SampleView,
} from '@ocop/contracts';
import {
  SampleStage,
  canTakeStep,
  canonicalResult,
  defaultIndicators,
  isOpenStage,
  overallVerdict,
  stageDueAt,
  type SampleStep,
  vietnamYear,
} from '@ocop/domain';
import { EventOutbox, RpcClient } from '@ocop/messaging';
import { writeAudit, type ObjectStorage, type Tx } from '@ocop/persistence';
import { INSPECTION_CONFIG, RESULT_STORAGE } from '../inspection.tokens';
import type { InspectionConfig } from '../config/inspection.config';
import { LabsUseCases, type LabRow } from '../labs/labs.use-cases';
import { CampaignsUseCases } from '../campaigns/campaigns.use-cases';
import { InspectionTimers } from '../jobs/inspection-timers';

export interface SampleRow {
  id: string;
  code: string;
  stage: SampleStage;
  overdue: boolean;
  stageSince: Date;
  dueAt: Date | null;
  dossierId: string | null;
  evaluationId: string | null;
  inspectionTaskId: string | null;
  productId: string;
  productName: string;
  productSetCode: string;
  producerId: string;
  provinceCode: string;
  labId: string;
  labCode: string;
  labTurnaroundDays: number;
  indicators: string[];
  requestedAt: Date;
  collectedBy: string | null;
  collectedAt: Date | null;
  dispatchedAt: Date | null;
  receivedAt: Date | null;
  overall: 'PASS' | 'FAIL' | null;
  resultReference: string | null;
  indicatorResults: IndicatorResultDto[] | null;
  resultChecksum: string | null;
  resultSheetKey: string | null;
  recordedVia: 'API' | 'NATS' | null;
  resultRecordedAt: Date | null;
  cancelledReason: string | null;
}

const SAMPLE_COLUMNS = `s.id, s.code, s.stage, s.overdue, s.stage_since AS "stageSince", s.due_at AS "dueAt", s.dossier_id AS "dossierId", s.evaluation_id AS "evaluationId",
  s.inspection_task_id AS "inspectionTaskId", s.product_id AS "productId", s.product_name AS "productName", s.product_set_code AS "productSetCode",
  s.producer_id AS "producerId", s.province_code AS "provinceCode", s.lab_id AS "labId", l.code AS "labCode", l.turnaround_days AS "labTurnaroundDays",
  s.indicators, s.requested_at AS "requestedAt", s.collected_by AS "collectedBy", s.collected_at AS "collectedAt", s.dispatched_at AS "dispatchedAt",
  s.received_at AS "receivedAt", s.overall, s.result_reference AS "resultReference", s.indicator_results AS "indicatorResults", s.result_checksum AS "resultChecksum",
  s.result_sheet_key AS "resultSheetKey", s.recorded_via AS "recordedVia", s.result_recorded_at AS "resultRecordedAt", s.cancelled_reason AS "cancelledReason"`;
const FROM_SAMPLE = 'inspection.sample s JOIN inspection.lab l ON l.id = s.lab_id';

/** Who records a result: a lab user through the API, or the lab's own service on NATS (its credential already checked). */
export type ResultSource = { via: 'API'; actor: Actor } | { via: 'NATS'; lab: LabRow };

interface SampleTarget {
  dossierId: string | null;
  evaluationId: string | null;
  taskId: string | null;
  productId: string;
  productName: string;
  productSetCode: string;
  producerId: string;
  provinceCode: string;
}

/** The follow-up timers of a stage, for the jobs module. */
export interface StageTimers {
  sampleId: string;
  stage: SampleStage;
  reminderAt: Date;
  escalationAt: Date;
}

const PDF_MAGIC = Buffer.from('%PDF-');

/**
 * Samples for lab testing: requested by the standing office for a province-tier evaluation, collected,
 * dispatched, received by the lab, and closed by the lab's result (per indicator, overall PASS/FAIL), which
 * is published as `inspection.sample-result-recorded.v1`. The same result sent twice changes nothing; a
 * different one is refused. Each stage has a due time; its timers are (re)scheduled after every change.
 */
@Injectable()
export class SamplesUseCases {
  /** Set by the jobs module: schedules a stage's reminder and escalation after the change commits. */
  constructor(
    private readonly ds: DataSource,
    private readonly stageTimers: InspectionTimers,
    private readonly outbox: EventOutbox,
    private readonly labs: LabsUseCases,
    private readonly campaigns: CampaignsUseCases,
    @Inject(RpcClient) private readonly rpc: RpcClient,
    @Inject(RESULT_STORAGE) private readonly storage: ObjectStorage,
    @Inject(INSPECTION_CONFIG) private readonly config: InspectionConfig,
  ) {}

  async request(
    actor: Actor,
    c: { evaluationId?: string; taskId?: string; labId: string; indicators?: string[] },
    asOf: Date,
  ): Promise<SampleView> {
    this.assertOffice(actor);
    if (!c.evaluationId === !c.taskId)
      throw AppError.validation(
        'SAMPLE_TARGET',
        'a sample serves either an evaluation (evaluationId) or an inspection task (taskId)',
        'evaluationId',
      );
    const target = c.evaluationId ? await this.evaluationTarget(actor, c.evaluationId) : await this.taskTarget(actor, c.taskId as string);
    const lab = await this.labs.get(c.labId);
    const indicators = [...new Set(c.indicators ?? defaultIndicators(target.productSetCode))].sort();
    if (!indicators.length)
      throw AppError.validation(
        'INDICATORS_REQUIRED',
        `no default indicators for product set ${target.productSetCode}: name them`,
        'indicators',
      );
    const missing = indicators.filter((i) => !lab.indicators.includes(i));
    if (missing.length)
      throw AppError.rule('LAB_NOT_ACCREDITED', `lab ${lab.code} is not accredited for ${missing.join(', ')}`, 'indicators');
    const id = randomUUID();
    const dueAt = stageDueAt(SampleStage.REQUESTED, asOf, this.config, lab.turnaroundDays) as Date;
    await this.ds.transaction(async (tx) => {
      const year = vietnamYear(asOf);
      const seq: { last: number }[] = await tx.query(
        `INSERT INTO inspection.sample_counter (province_code, year, last) VALUES ($1, $2, 1)
         ON CONFLICT (province_code, year) DO UPDATE SET last = inspection.sample_counter.last + 1 RETURNING last`,
        [target.provinceCode, year],
      );
      const code = `MAU-${target.provinceCode}-${year}-${String(seq[0]!.last).padStart(4, '0')}`;
      await tx.query(
        `INSERT INTO inspection.sample (id, code, stage, stage_since, due_at, dossier_id, evaluation_id, inspection_task_id, product_id, product_name, product_set_code,
           producer_id, province_code, lab_id, indicators, requested_by, requested_at)
         VALUES ($1,$2,'REQUESTED',$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$3)`,
        [
          id,
          code,
          asOf,
          dueAt,
          target.dossierId,
          target.evaluationId,
          target.taskId,
          target.productId,
          target.productName,
          target.productSetCode,
          target.producerId,
          target.provinceCode,
          lab.id,
          indicators,
          actor.username,
        ],
      );
      const s = await this.lock(tx, id);
      await this.outbox.enqueue(tx, E.sampleRequested, id, { ...this.eventData(s), indicators, dueAt: dueAt.toISOString() });
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'sample.request',
        entityType: 'sample',
        entityId: id,
        details: { code, labId: lab.id, evaluationId: c.evaluationId ?? null, taskId: c.taskId ?? null },
      });
    });
    await this.scheduleStage(id, SampleStage.REQUESTED, dueAt);
    return this.view(await this.find(id));
  }

  /** What a sample for a province-tier evaluation is of (from scoring, in the caller's scope). */
  private async evaluationTarget(actor: Actor, evaluationId: string): Promise<SampleTarget> {
    const e = await this.rpc.request<EvaluationView>(ScoringSubjects.evaluationGet, { evaluationId }, { actor });
    if (e.labState === 'NOT_REQUIRED')
      throw AppError.rule('LAB_RESULT_NOT_REQUIRED', `evaluation ${evaluationId} needs no sample lab tests`, 'evaluationId');
    if (e.status === 'COMPLETED') throw AppError.conflict('EVALUATION_COMPLETED', 'the evaluation is already completed', 'evaluationId');
    return {
      dossierId: e.dossierId,
      evaluationId: e.id,
      taskId: null,
      productId: e.productId,
      productName: e.productName,
      productSetCode: e.productSetCode,
      producerId: e.producerId,
      provinceCode: e.provinceCode,
    };
  }

  /** What a sample taken during an inspection task is of (the certified product). */
  private async taskTarget(actor: Actor, taskId: string): Promise<SampleTarget> {
    const rows: {
      status: string;
      product_id: string;
      product_name: string;
      product_set_code: string;
      producer_id: string;
      province_code: string;
    }[] = await this.ds.query(
      `SELECT t.status, c.product_id, c.product_name, c.product_set_code, c.producer_id, c.province_code FROM inspection.task t
       JOIN inspection.certificate_pool c ON c.certificate_id = t.certificate_id WHERE t.id = $1`,
      [taskId],
    );
    const t = rows[0];
    if (!t || !(actor.scope.provinceCode === '*' || actor.scope.provinceCode === t.province_code))
      throw AppError.notFound('TASK_NOT_FOUND', `no task ${taskId}`);
    if (t.status !== 'OPEN') throw AppError.conflict('TASK_NOT_OPEN', `task ${taskId} is ${t.status}`, 'taskId');
    return {
      dossierId: null,
      evaluationId: null,
      taskId,
      productId: t.product_id,
      productName: t.product_name,
      productSetCode: t.product_set_code,
      producerId: t.producer_id,
      provinceCode: t.province_code,
    };
  }

  /** Collection and dispatch (the office), receipt (the lab or the office). */
  async step(
    actor: Actor,
    sampleId: string,
    step: Exclude<SampleStep, 'RESULT'>,
    asOf: Date,
    o: { collectedBy?: string; at?: Date } = {},
  ): Promise<SampleView> {
    const next = await this.ds.transaction(async (tx) => {
      const s = await this.lock(tx, sampleId);
      this.assertReadable(actor, s);
      if (step === 'RECEIVE' ? !(this.isOffice(actor, s) || this.isLabOf(actor, s)) : !this.isOffice(actor, s)) {
        throw AppError.forbidden('SAMPLE_STEP_FORBIDDEN', `${actor.role} ${actor.username} may not ${step.toLowerCase()} sample ${s.code}`);
      }
      if (!canTakeStep(s.stage, step))
        throw AppError.conflict('SAMPLE_STAGE', `sample ${s.code} is ${s.stage}: it cannot be ${step.toLowerCase()}ed now`);
      const at = o.at ?? asOf;
      const stage = { COLLECT: SampleStage.COLLECTED, DISPATCH: SampleStage.DISPATCHED, RECEIVE: SampleStage.RECEIVED_BY_LAB }[step];
      const dueAt = stageDueAt(stage, at, this.config, s.labTurnaroundDays) as Date;
      const column = { COLLECT: 'collected_at', DISPATCH: 'dispatched_at', RECEIVE: 'received_at' }[step];
      await tx.query(
        `UPDATE inspection.sample SET stage = $2, stage_since = $3, due_at = $4, overdue = false, ${column} = $3,
        collected_by = COALESCE($5, collected_by) WHERE id = $1`,
        [s.id, stage, at, dueAt, o.collectedBy ?? null],
      );
      const data: SampleStepTakenData = { ...this.eventData(s), step, stage, at: at.toISOString(), by: actor.username };
      await this.outbox.enqueue(tx, E.sampleStepTaken, s.id, data);
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: `sample.${step.toLowerCase()}`,
        entityType: 'sample',
        entityId: s.id,
        details: { from: s.stage, to: stage },
      });
      return { stage, dueAt };
    });
    await this.scheduleStage(sampleId, next.stage, next.dueAt);
    return this.view(await this.find(sampleId));
  }

  async cancel(actor: Actor, sampleId: string, reason: string, asOf: Date): Promise<SampleView> {
    await this.ds.transaction(async (tx) => {
      const s = await this.lock(tx, sampleId);
      this.assertReadable(actor, s);
      if (!this.isOffice(actor, s)) throw AppError.forbidden('SAMPLE_STEP_FORBIDDEN', `${actor.username} may not cancel sample ${s.code}`);
      if (!isOpenStage(s.stage)) throw AppError.conflict('SAMPLE_STAGE', `sample ${s.code} is ${s.stage}`);
      await tx.query(
        `UPDATE inspection.sample SET stage = 'CANCELLED', stage_since = $2, due_at = NULL, overdue = false, cancelled_reason = $3 WHERE id = $1`,
        [s.id, asOf, reason],
      );
      await this.outbox.enqueue(tx, E.sampleStepTaken, s.id, {
        ...this.eventData(s),
        step: 'CANCEL',
        stage: 'CANCELLED',
        at: asOf.toISOString(),
        by: actor.username,
      } satisfies SampleStepTakenData);
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'sample.cancel',
        entityType: 'sample',
        entityId: s.id,
        details: { reason },
      });
    });
    return this.view(await this.find(sampleId));
  }

  /**
   * The lab's result. Only the lab the sample was sent to may record it; the same result again is answered
   * with the stored one and changes nothing; a different one is refused (the first result stands).
   */
  async recordResult(source: ResultSource, sampleId: string, r: RecordResultBody, asOf: Date): Promise<SampleView> {
    const indicators = r.indicators.map((i) => ({
      code: i.code,
      value: i.value.trim(),
      unit: i.unit.trim(),
      limit: i.limit.trim(),
      verdict: i.verdict,
    }));
    if (new Set(indicators.map((i) => i.code)).size !== indicators.length)
      throw AppError.validation('INDICATOR_REPEATED', 'an indicator appears twice', 'indicators');
    const checksum = canonicalResult(r.reference, indicators);
    let sheet: Buffer | null = null;
    if (r.resultSheet) {
      sheet = Buffer.from(r.resultSheet.contentBase64, 'base64');
      if (sheet.length > 700 * 1024 || !sheet.subarray(0, 5).equals(PDF_MAGIC))
        throw AppError.validation('RESULT_SHEET_INVALID', 'the result sheet must be a PDF of at most 700 KB', 'resultSheet');
    }
    // Who may: decided before anything is stored.
    const before = await this.find(sampleId);
    const labCode = source.via === 'API' ? (source.actor.role === Role.LAB ? source.actor.scope.agencyCode : null) : source.lab.code;
    if (!labCode) throw AppError.forbidden('LAB_ONLY', 'results are recorded by the lab the sample was sent to');
    if (before.labCode !== labCode)
      throw AppError.forbidden('SAMPLE_NOT_SENT_TO_LAB', `sample ${before.code} was not sent to lab ${labCode}`);
    if (before.resultChecksum) return this.sameOrConflict(before, checksum);
    const stored = sheet ? await this.storage.put('lab-results', sheet) : null;
    try {
      const outcome = await this.ds.transaction(async (tx) => {
        const s = await this.lock(tx, sampleId);
        if (s.resultChecksum) return { repeat: s };
        if (!canTakeStep(s.stage, 'RESULT'))
          throw AppError.conflict('SAMPLE_STAGE', `sample ${s.code} is ${s.stage}: no result can be recorded now`);
        const missing = s.indicators.filter((code) => !indicators.some((i) => i.code === code));
        if (missing.length) throw AppError.validation('INDICATORS_MISSING', `the result lacks ${missing.join(', ')}`, 'indicators');
        const overall = overallVerdict(indicators);
        await tx.query(
          `UPDATE inspection.sample SET stage = 'RESULT_RECORDED', stage_since = $2, due_at = NULL, overdue = false, received_at = COALESCE(received_at, $2),
             overall = $3, result_reference = $4, indicator_results = $5, result_checksum = $6, result_sheet_key = $7, recorded_via = $8, result_recorded_at = $2
           WHERE id = $1`,
          [s.id, asOf, overall, r.reference, JSON.stringify(indicators), checksum, stored?.key ?? null, source.via],
        );
        const data: SampleResultRecordedData = {
          ...this.eventData(s),
          overall,
          reference: r.reference,
          indicators,
          recordedVia: source.via,
          recordedAt: asOf.toISOString(),
        };
        await this.outbox.enqueue(tx, E.sampleResultRecorded, s.id, data);
        // A failed sample of an inspection task is a violation that asks for revocation at once.
        if (s.inspectionTaskId && overall === 'FAIL')
          await this.campaigns.onLabFailure(
            tx,
            s.id,
            s.inspectionTaskId,
            s.code,
            indicators.filter((i) => i.verdict === 'FAIL').map((i) => i.code),
            asOf,
          );
        const actor = source.via === 'API' ? source.actor : { id: `lab:${source.lab.code}`, role: Role.LAB };
        await writeAudit(tx, {
          actorId: actor.id,
          actorRole: actor.role,
          action: 'sample.record-result',
          entityType: 'sample',
          entityId: s.id,
          details: { overall, reference: r.reference, via: source.via, sheet: stored?.key ?? null },
        });
        return { repeat: null };
      });
      if (outcome.repeat) {
        if (stored) await this.storage.delete(stored.key);
        return this.sameOrConflict(outcome.repeat, checksum);
      }
    } catch (err) {
      if (stored) await this.storage.delete(stored.key).catch(() => undefined);
      throw err;
    }
    return this.view(await this.find(sampleId));
  }

  private sameOrConflict(s: SampleRow, checksum: string): SampleView {
    if (s.resultChecksum !== checksum) {
      throw AppError.conflict(
        'RESULT_CONFLICT',
        `sample ${s.code} already has result ${s.resultReference} (${s.overall}); a different result is refused`,
      );
    }
    return this.view(s);
  }

  /**
   * Reminders and escalations due at `asOf` (one sample, or all): a reminder before a stage's due time, an
   * escalation to the standing office when it passes (the sample turns OVERDUE). Each once per stage: the
   * row in sample_follow_up is inserted with ON CONFLICT DO NOTHING in the transaction of its event.
   */
  async followUps(asOf: Date, sampleId?: string): Promise<{ reminders: number; escalations: number }> {
    return this.ds.transaction(async (tx) => {
      const only = sampleId ? 'AND s.id = $3' : '';
      const params: unknown[] = [asOf, this.config.reminderHoursBefore, ...(sampleId ? [sampleId] : [])];
      const rows: { sample_id: string; kind: 'REMINDER' | 'ESCALATION'; stage: string; due_at: Date }[] = await tx.query(
        `WITH due AS (
           SELECT s.id, s.stage, s.due_at, CASE WHEN s.due_at <= $1 THEN 'ESCALATION' ELSE 'REMINDER' END AS kind
           FROM inspection.sample s
           WHERE s.stage NOT IN ('RESULT_RECORDED','CANCELLED') AND s.due_at IS NOT NULL AND s.due_at - make_interval(hours => $2) <= $1 ${only})
         INSERT INTO inspection.sample_follow_up (sample_id, stage, kind, due_at, done_at)
         SELECT id, stage, kind, due_at, $1 FROM due ON CONFLICT DO NOTHING RETURNING sample_id, kind, stage, due_at`,
        params,
      );
      for (const r of rows) {
        const s = await this.lock(tx, r.sample_id);
        const data = { ...this.eventData(s), stage: r.stage, dueAt: r.due_at.toISOString(), at: asOf.toISOString() };
        if (r.kind === 'ESCALATION') await tx.query('UPDATE inspection.sample SET overdue = true WHERE id = $1', [s.id]);
        await this.outbox.enqueue(tx, r.kind === 'ESCALATION' ? E.sampleEscalated : E.sampleReminderSent, s.id, data);
        await writeAudit(tx, {
          actorId: 'system',
          actorRole: Role.ADMIN,
          action: `sample.${r.kind.toLowerCase()}`,
          entityType: 'sample',
          entityId: s.id,
          details: { stage: r.stage },
        });
      }
      return {
        reminders: rows.filter((r) => r.kind === 'REMINDER').length,
        escalations: rows.filter((r) => r.kind === 'ESCALATION').length,
      };
    });
  }

  /** Open samples' timers, for the sweep that recreates the jobs Redis lost. */
  async openTimers(): Promise<StageTimers[]> {
    const rows: { id: string; stage: SampleStage; due_at: Date }[] = await this.ds.query(
      `SELECT id, stage, due_at FROM inspection.sample WHERE stage NOT IN ('RESULT_RECORDED','CANCELLED') AND due_at IS NOT NULL`,
    );
    return rows.map((r) => this.timers(r.id, r.stage, r.due_at));
  }

  async list(actor: Actor, q: { status?: string; dossierId?: string; limit?: number; offset?: number }): Promise<SampleView[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (actor.role === Role.LAB) {
      params.push(actor.scope.agencyCode ?? '');
      where.push(`l.code = $${params.length}`);
    } else if (actor.role === Role.PRODUCER) {
      params.push(actor.scope.producerId ?? '00000000-0000-0000-0000-000000000000');
      where.push(`s.producer_id = $${params.length}`);
    } else if (actor.scope.provinceCode !== '*') {
      params.push(actor.scope.provinceCode);
      where.push(`s.province_code = $${params.length}`);
    }
    if (q.status === 'OVERDUE') where.push(`s.overdue AND s.stage NOT IN ('RESULT_RECORDED','CANCELLED')`);
    else if (q.status) {
      params.push(q.status);
      where.push(`s.stage = $${params.length}`);
    }
    if (q.dossierId) {
      params.push(q.dossierId);
      where.push(`s.dossier_id = $${params.length}`);
    }
    params.push(q.limit ?? 50, q.offset ?? 0);
    const rows: SampleRow[] = await this.ds.query(
      `SELECT ${SAMPLE_COLUMNS} FROM ${FROM_SAMPLE} WHERE ${where.length ? where.join(' AND ') : 'TRUE'}
      ORDER BY s.requested_at DESC, s.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return rows.map((r) => this.view(r));
  }

  async get(actor: Actor, id: string): Promise<SampleView> {
    const s = await this.find(id);
    this.assertReadable(actor, s);
    return this.view(s);
  }

  view(s: SampleRow): SampleView {
    return {
      id: s.id,
      code: s.code,
      status: s.overdue && isOpenStage(s.stage) ? 'OVERDUE' : s.stage,
      stage: s.stage,
      dossierId: s.dossierId,
      evaluationId: s.evaluationId,
      inspectionTaskId: s.inspectionTaskId,
      productId: s.productId,
      productName: s.productName,
      productSetCode: s.productSetCode,
      producerId: s.producerId,
      provinceCode: s.provinceCode,
      labId: s.labId,
      labCode: s.labCode,
      indicators: s.indicators,
      requestedAt: s.requestedAt.toISOString(),
      dueAt: s.dueAt?.toISOString() ?? null,
      collectedBy: s.collectedBy,
      collectedAt: s.collectedAt?.toISOString() ?? null,
      dispatchedAt: s.dispatchedAt?.toISOString() ?? null,
      receivedAt: s.receivedAt?.toISOString() ?? null,
      overall: s.overall,
      resultReference: s.resultReference,
      indicatorResults: s.indicatorResults,
      resultSheetKey: s.resultSheetKey,
      recordedVia: s.recordedVia,
      resultRecordedAt: s.resultRecordedAt?.toISOString() ?? null,
      cancelledReason: s.cancelledReason,
    };
  }

  private timers(sampleId: string, stage: SampleStage, dueAt: Date): StageTimers {
    return { sampleId, stage, reminderAt: new Date(dueAt.getTime() - this.config.reminderHoursBefore * 3600_000), escalationAt: dueAt };
  }

  private async scheduleStage(sampleId: string, stage: SampleStage, dueAt: Date): Promise<void> {
    await this.stageTimers.scheduleStage(this.timers(sampleId, stage, dueAt));
  }

  private eventData(s: SampleRow): SampleEventData {
    return {
      sampleId: s.id,
      sampleCode: s.code,
      dossierId: s.dossierId,
      evaluationId: s.evaluationId,
      inspectionTaskId: s.inspectionTaskId,
      productId: s.productId,
      producerId: s.producerId,
      provinceCode: s.provinceCode,
      labId: s.labId,
      labCode: s.labCode,
    };
  }

  private isOffice(actor: Actor, s: SampleRow): boolean {
    return (
      (actor.role === Role.PROVINCE_OFFICE || actor.role === Role.ADMIN) &&
      (actor.scope.provinceCode === '*' || actor.scope.provinceCode === s.provinceCode)
    );
  }

  private isLabOf(actor: Actor, s: SampleRow): boolean {
    return actor.role === Role.LAB && actor.scope.agencyCode === s.labCode;
  }

  private assertOffice(actor: Actor): void {
    if (actor.role !== Role.PROVINCE_OFFICE && actor.role !== Role.ADMIN)
      throw AppError.forbidden('ROLE_FORBIDDEN', 'samples are requested by the standing office');
  }

  private assertReadable(actor: Actor, s: SampleRow): void {
    const ok =
      this.isOffice(actor, s) ||
      this.isLabOf(actor, s) ||
      (actor.role === Role.PRODUCER && actor.scope.producerId === s.producerId) ||
      ([Role.INSPECTOR, Role.AGENCY_OFFICER, Role.COUNCIL_MEMBER].includes(actor.role) && actor.scope.provinceCode === s.provinceCode);
    if (!ok) throw AppError.notFound('SAMPLE_NOT_FOUND', `no sample ${s.id}`);
  }

  private async find(id: string): Promise<SampleRow> {
    const rows: SampleRow[] = await this.ds.query(`SELECT ${SAMPLE_COLUMNS} FROM ${FROM_SAMPLE} WHERE s.id = $1`, [id]);
    if (!rows[0]) throw AppError.notFound('SAMPLE_NOT_FOUND', `no sample ${id}`);
    return rows[0];
  }

  private async lock(tx: Tx, id: string): Promise<SampleRow> {
    const rows: SampleRow[] = await tx.query(`SELECT ${SAMPLE_COLUMNS} FROM ${FROM_SAMPLE} WHERE s.id = $1 FOR UPDATE OF s`, [id]);
    if (!rows[0]) throw AppError.notFound('SAMPLE_NOT_FOUND', `no sample ${id}`);
    return rows[0];
  }
}
