import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ViolationsRepository } from './violations.repository';
import { ViolationWorkflow } from './violation.workflow';

/** Corrective deadlines passed at `asOf` without correction: one revocation request each. */
@Injectable()
export class RequestOverdueRevocationsUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly violations: ViolationsRepository,
    private readonly workflow: ViolationWorkflow,
  ) {}

  async execute(asOf: Date): Promise<{ revocationRequests: number }> {
    return this.ds.transaction(async (tx) => {
      let n = 0;
      for (const id of await this.violations.lockOverdueForSystem(tx, asOf)) if (await this.workflow.requestRevocation(tx, id, asOf)) n++;
      return { revocationRequests: n };
    });
  }
}
