import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AgencySdkModule, sdkOptionsOf } from '@ocop/agency-sdk';
import type { IndustryTradeAgencyConfig } from './config/industry-trade-agency.config';
import { HealthController } from './http/health.controller';
import { ProblemFilter } from './http/problem.filter';
import { validationPipe } from './http/validation.pipe';
import { INDUSTRY_TRADE_AGENCY_CONFIG } from './industry-trade-agency.tokens';
import { MarketSurveillanceModule } from './market-surveillance/market-surveillance.module';
import { SalesPointsModule } from './sales-points/sales-points.module';

/**
 * The service's root: its config (global, for every feature module), the agency SDK on the bus, its HTTP edge
 * (problem+json errors, validated bodies, probes) and its features.
 */
@Module({})
export class IndustryTradeAgencyModule {
  static with(config: IndustryTradeAgencyConfig): DynamicModule {
    return {
      module: IndustryTradeAgencyModule,
      global: true,
      controllers: [HealthController],
      providers: [
        { provide: INDUSTRY_TRADE_AGENCY_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useFactory: validationPipe },
      ],
      exports: [INDUSTRY_TRADE_AGENCY_CONFIG],
      imports: [AgencySdkModule.forRoot(sdkOptionsOf(config)), MarketSurveillanceModule, SalesPointsModule],
    };
  }
}
