import { Module } from '@nestjs/common';
import { MarketSurveillanceReportsController } from './market-surveillance-reports.controller';
import { ReportMarketSurveillanceUseCase } from './report-market-surveillance/report-market-surveillance.use-case';

@Module({ controllers: [MarketSurveillanceReportsController], providers: [ReportMarketSurveillanceUseCase] })
export class MarketSurveillanceModule {}
