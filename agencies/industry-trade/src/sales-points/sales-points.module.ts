import { Module } from '@nestjs/common';
import { PendingSalesPointChecks } from './pending-sales-point-checks';
import { SalesPointChecksHandler } from './sales-point-checks.handler';
import { SalesPointsController } from './sales-points.controller';
import { ScheduleSalesPointCheckUseCase } from './schedule-sales-point-check/schedule-sales-point-check.use-case';

@Module({
  controllers: [SalesPointsController],
  providers: [
    { provide: PendingSalesPointChecks, useValue: new PendingSalesPointChecks() },
    ScheduleSalesPointCheckUseCase,
    SalesPointChecksHandler,
  ],
})
export class SalesPointsModule {}
