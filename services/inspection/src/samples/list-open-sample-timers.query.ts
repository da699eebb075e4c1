import { Inject, Injectable } from '@nestjs/common';
import { INSPECTION_CONFIG } from '../inspection.tokens';
import type { InspectionConfig } from '../config/inspection.config';
import { SamplesRepository } from './samples.repository';
import { stageTimersOf, type StageTimers } from './sample.view';

/** Open samples' timers, for the sweep that recreates the jobs Redis lost. */
@Injectable()
export class ListOpenSampleTimersQuery {
  constructor(
    private readonly samples: SamplesRepository,
    @Inject(INSPECTION_CONFIG) private readonly config: InspectionConfig,
  ) {}

  async execute(): Promise<StageTimers[]> {
    return (await this.samples.openStagesForSystem()).map((r) => stageTimersOf(r.id, r.stage, r.dueAt, this.config.reminderHoursBefore));
  }
}
