import { Injectable } from '@nestjs/common';
import { OnPlatformEvent, type EventEnvelope, type SalesPointRegisteredData } from '@ocop/agency-sdk';
import { ScheduleSalesPointCheckUseCase } from './schedule-sales-point-check/schedule-sales-point-check.use-case';

/** The bus edge: every sales point registered on the platform reaches the use case. */
@Injectable()
export class SalesPointChecksHandler {
  constructor(private readonly scheduleCheck: ScheduleSalesPointCheckUseCase) {}

  /** Durable consumer `agency-<CODE>-sales-points`. */
  @OnPlatformEvent('trade-promotion.sales-point-registered.v1')
  onSalesPointRegistered(data: SalesPointRegisteredData, envelope: EventEnvelope<SalesPointRegisteredData>): void {
    this.scheduleCheck.execute(data, envelope);
  }
}
