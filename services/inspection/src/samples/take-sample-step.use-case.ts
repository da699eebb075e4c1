import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, InspectionEvents as E, type Actor, type SampleStepTakenData, type SampleView } from '@ocop/contracts';
import { SampleStage, canTakeStep, stageDueAt, type SampleStep } from '@ocop/domain';
import { EventOutbox } from '@ocop/messaging';
import { writeAudit } from '@ocop/persistence';
import { INSPECTION_CONFIG } from '../inspection.tokens';
import type { InspectionConfig } from '../config/inspection.config';
import { InspectionTimers } from '../jobs/inspection.timers';
import { SYSTEM_SCOPE } from '../province-scope.policy';
import { SamplesRepository } from './samples.repository';
import { isLabOf, isOfficeOf, sampleNotFound, sampleReadScopeOf } from './sample.policy';
import { sampleEventData, sampleView, stageTimersOf } from './sample.view';

const STAGE_OF = { COLLECT: SampleStage.COLLECTED, DISPATCH: SampleStage.DISPATCHED, RECEIVE: SampleStage.RECEIVED_BY_LAB } as const;
const COLUMN_OF = { COLLECT: 'collectedAt', DISPATCH: 'dispatchedAt', RECEIVE: 'receivedAt' } as const;

/** Collection and dispatch (the office), receipt (the lab or the office); the next stage's timers follow. */
@Injectable()
export class TakeSampleStepUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly samples: SamplesRepository,
    private readonly timers: InspectionTimers,
    private readonly outbox: EventOutbox,
    @Inject(INSPECTION_CONFIG) private readonly config: InspectionConfig,
  ) {}

  async execute(
    actor: Actor,
    sampleId: string,
    step: Exclude<SampleStep, 'RESULT'>,
    asOf: Date,
    o: { collectedBy?: string; at?: Date } = {},
  ): Promise<SampleView> {
    const next = await this.ds.transaction(async (tx) => {
      const s = await this.samples.getForUpdate(tx, sampleReadScopeOf(actor), sampleId);
      if (!s) throw sampleNotFound(sampleId);
      if (step === 'RECEIVE' ? !(isOfficeOf(actor, s) || isLabOf(actor, s)) : !isOfficeOf(actor, s)) {
        throw AppError.forbidden('SAMPLE_STEP_FORBIDDEN', `${actor.role} ${actor.username} may not ${step.toLowerCase()} sample ${s.code}`);
      }
      if (!canTakeStep(s.stage, step))
        throw AppError.conflict('SAMPLE_STAGE', `sample ${s.code} is ${s.stage}: it cannot be ${step.toLowerCase()}ed now`);
      const at = o.at ?? asOf;
      const stage = STAGE_OF[step];
      const dueAt = stageDueAt(stage, at, this.config, s.labTurnaroundDays) as Date;
      await this.samples.moveToStage(tx, s.id, { stage, at, dueAt, stepColumn: COLUMN_OF[step], collectedBy: o.collectedBy });
      const data: SampleStepTakenData = { ...sampleEventData(s), step, stage, at: at.toISOString(), by: actor.username };
      await this.outbox.enqueueEvent(tx, E.sampleStepTaken, s.id, data);
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
    await this.timers.scheduleStage(stageTimersOf(sampleId, next.stage, next.dueAt, this.config.reminderHoursBefore));
    const s = await this.samples.get(SYSTEM_SCOPE, sampleId);
    if (!s) throw sampleNotFound(sampleId);
    return sampleView(s);
  }
}
