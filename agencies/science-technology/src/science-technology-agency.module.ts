import { Module, type DynamicModule } from '@nestjs/common';
import { AgencySdkModule, sdkOptionsOf } from '@ocop/agency-sdk';
import type { ScienceTechnologyAgencyConfig } from './config/science-technology-agency.config';
import { SCIENCE_TECHNOLOGY_AGENCY_CONFIG } from './science-technology-agency.tokens';
import { TraceabilityOpinions } from './opinions/traceability-opinion';
import { GuidanceAnswers } from './guidance/guidance-answers';

/** The service's root: its config, the agency SDK on the bus, its opinions on dossiers and its answers to guidance questions. */
@Module({})
export class ScienceTechnologyAgencyModule {
  static with(config: ScienceTechnologyAgencyConfig): DynamicModule {
    return {
      module: ScienceTechnologyAgencyModule,
      providers: [{ provide: SCIENCE_TECHNOLOGY_AGENCY_CONFIG, useValue: config }, TraceabilityOpinions, GuidanceAnswers],
      imports: [AgencySdkModule.forRoot(sdkOptionsOf(config))],
    };
  }
}
