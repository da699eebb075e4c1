import { Module, type DynamicModule } from '@nestjs/common';
import { AgencySdkModule, sdkOptionsOf } from '@ocop/agency-sdk';
import type { HealthAgencyConfig } from './config/health-agency.config';
import { HEALTH_AGENCY_CONFIG } from './health-agency.tokens';
import { OpinionsModule } from './opinions/opinions.module';

/** The service's root: its config (global, for every feature module), the agency SDK on the bus, its features. */
@Module({})
export class HealthAgencyModule {
  static with(config: HealthAgencyConfig): DynamicModule {
    return {
      module: HealthAgencyModule,
      global: true,
      providers: [{ provide: HEALTH_AGENCY_CONFIG, useValue: config }],
      exports: [HEALTH_AGENCY_CONFIG],
      imports: [AgencySdkModule.forRoot(sdkOptionsOf(config)), OpinionsModule],
    };
  }
}
