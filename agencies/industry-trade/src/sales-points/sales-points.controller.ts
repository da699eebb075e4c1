import { Controller, Get } from '@nestjs/common';
import { PendingSalesPointChecks, type PendingSalesPointCheck } from './pending-sales-point-checks';

@Controller('sales-points')
export class SalesPointsController {
  constructor(private readonly pending: PendingSalesPointChecks) {}

  /** The sales points whose check the department has scheduled (since this process started). */
  @Get('pending-checks')
  pendingChecks(): PendingSalesPointCheck[] {
    return this.pending.list();
  }
}
