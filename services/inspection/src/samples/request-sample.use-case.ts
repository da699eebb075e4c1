import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, InspectionEvents as E, ScoringSubjects, type Actor, type EvaluationView, type SampleView } from '@ocop/contracts';
import { SampleStage, defaultIndicators, stageDueAt, vietnamYear } from '@ocop/domain';
import { EventOutbox, RpcClient } from '@ocop/messaging';
import { writeAudit } from '@ocop/persistence';
import { INSPECTION_CONFIG } from '../inspection.tokens';
import type { InspectionConfig } from '../config/inspection.config';
import { InspectionTimers } from '../jobs/inspection.timers';
import { LabsRepository, WHOLE_REGISTER } from '../labs/labs.repository';
import { TasksRepository } from '../tasks/tasks.repository';
import { SYSTEM_SCOPE, provinceScopeOf } from '../province-scope.policy';
import { SamplesRepository } from './samples.repository';
import { sampleNotFound } from './sample.policy';
import { sampleEventData, sampleView, stageTimersOf } from './sample.view';

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

/**
 * The standing office requests a sample for lab testing, for a province-tier evaluation or an inspection task;
 * it is numbered per province and year, and its collection is due (timers scheduled once it commits).
 */
@Injectable()
export class RequestSampleUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly samples: SamplesRepository,
    private readonly labs: LabsRepository,
    private readonly tasks: TasksRepository,
    private readonly timers: InspectionTimers,
    private readonly outbox: EventOutbox,
    @Inject(RpcClient) private readonly rpc: RpcClient,
    @Inject(INSPECTION_CONFIG) private readonly config: InspectionConfig,
  ) {}

  async execute(
    actor: Actor,
    c: { evaluationId?: string; taskId?: string; labId: string; indicators?: string[] },
    asOf: Date,
  ): Promise<SampleView> {
    if (!c.evaluationId === !c.taskId)
      throw AppError.validation(
        'SAMPLE_TARGET',
        'a sample serves either an evaluation (evaluationId) or an inspection task (taskId)',
        'evaluationId',
      );
    const target = c.evaluationId ? await this.evaluationTarget(actor, c.evaluationId) : await this.taskTarget(actor, c.taskId as string);
    const lab = await this.labs.get(WHOLE_REGISTER, c.labId);
    if (!lab) throw AppError.notFound('LAB_NOT_FOUND', `no lab ${c.labId}`);
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
      const n = await this.samples.nextNumber(tx, target.provinceCode, year);
      const code = `MAU-${target.provinceCode}-${year}-${String(n).padStart(4, '0')}`;
      await this.samples.insert(tx, {
        id,
        code,
        stage: SampleStage.REQUESTED,
        stageSince: asOf,
        dueAt,
        dossierId: target.dossierId,
        evaluationId: target.evaluationId,
        inspectionTaskId: target.taskId,
        productId: target.productId,
        productName: target.productName,
        productSetCode: target.productSetCode,
        producerId: target.producerId,
        provinceCode: target.provinceCode,
        labId: lab.id,
        indicators,
        requestedBy: actor.username,
        requestedAt: asOf,
      });
      const s = await this.samples.getForUpdate(tx, SYSTEM_SCOPE, id);
      if (!s) throw sampleNotFound(id);
      await this.outbox.enqueueEvent(tx, E.sampleRequested, id, { ...sampleEventData(s), indicators, dueAt: dueAt.toISOString() });
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'sample.request',
        entityType: 'sample',
        entityId: id,
        details: { code, labId: lab.id, evaluationId: c.evaluationId ?? null, taskId: c.taskId ?? null },
      });
    });
    await this.timers.scheduleStage(stageTimersOf(id, SampleStage.REQUESTED, dueAt, this.config.reminderHoursBefore));
    const s = await this.samples.get(SYSTEM_SCOPE, id);
    if (!s) throw sampleNotFound(id);
    return sampleView(s);
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
    const t = await this.tasks.certifiedProductOf(provinceScopeOf(actor), taskId);
    if (!t) throw AppError.notFound('TASK_NOT_FOUND', `no task ${taskId}`);
    if (t.status !== 'OPEN') throw AppError.conflict('TASK_NOT_OPEN', `task ${taskId} is ${t.status}`, 'taskId');
    return {
      dossierId: null,
      evaluationId: null,
      taskId,
      productId: t.productId,
      productName: t.productName,
      productSetCode: t.productSetCode,
      producerId: t.producerId,
      provinceCode: t.provinceCode,
    };
  }
}
