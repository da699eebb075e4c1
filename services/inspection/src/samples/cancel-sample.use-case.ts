import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, InspectionEvents as E, type Actor, type SampleStepTakenData, type SampleView } from '@ocop/contracts';
import { isOpenStage } from '@ocop/domain';
import { EventOutbox } from '@ocop/messaging';
import { writeAudit } from '@ocop/persistence';
import { SYSTEM_SCOPE } from '../province-scope.policy';
import { SamplesRepository } from './samples.repository';
import { isOfficeOf, sampleNotFound, sampleReadScopeOf } from './sample.policy';
import { sampleEventData, sampleView } from './sample.view';

/** The standing office cancels an open sample, with its reason. */
@Injectable()
export class CancelSampleUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly samples: SamplesRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async execute(actor: Actor, sampleId: string, reason: string, asOf: Date): Promise<SampleView> {
    await this.ds.transaction(async (tx) => {
      const s = await this.samples.getForUpdate(tx, sampleReadScopeOf(actor), sampleId);
      if (!s) throw sampleNotFound(sampleId);
      if (!isOfficeOf(actor, s)) throw AppError.forbidden('SAMPLE_STEP_FORBIDDEN', `${actor.username} may not cancel sample ${s.code}`);
      if (!isOpenStage(s.stage)) throw AppError.conflict('SAMPLE_STAGE', `sample ${s.code} is ${s.stage}`);
      await this.samples.cancel(tx, s.id, asOf, reason);
      await this.outbox.enqueueEvent(tx, E.sampleStepTaken, s.id, {
        ...sampleEventData(s),
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
    const s = await this.samples.get(SYSTEM_SCOPE, sampleId);
    if (!s) throw sampleNotFound(sampleId);
    return sampleView(s);
  }
}
