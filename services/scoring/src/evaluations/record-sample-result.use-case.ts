import { Injectable } from '@nestjs/common';
import { SYSTEM_ACTOR, type EventEnvelope, type SampleResultRecordedData } from '@ocop/contracts';
import type { Tx } from '@ocop/persistence';
import { EvaluationsRepository } from './evaluations.repository';
import { EvaluationWorkflow } from './evaluation.workflow';
import { SYSTEM_SCOPE } from '../access/scoring-scope.policy';

/**
 * The lab's result from inspection (`inspection.sample-result-recorded.v1`) opens or blocks the gate of the
 * evaluation the sample served: PASS → PASSED, FAIL → FAILED. A completed evaluation is left as it is.
 */
@Injectable()
export class RecordSampleResultUseCase {
  constructor(
    private readonly evaluations: EvaluationsRepository,
    private readonly workflow: EvaluationWorkflow,
  ) {}

  async execute(event: EventEnvelope, tx: Tx): Promise<void> {
    // Validated by the consumer against SampleResultRecordedData: overall is PASS or FAIL, reference and sampleCode set.
    const d = event.data as SampleResultRecordedData;
    if (!d.evaluationId) return; // a sample for an inspection task, not an evaluation
    const e = await this.evaluations.getForUpdate(tx, SYSTEM_SCOPE, d.evaluationId);
    if (!e || e.labState === 'NOT_REQUIRED' || e.status === 'COMPLETED') return;
    await this.workflow.applyLabState(tx, SYSTEM_ACTOR, e, d.overall === 'PASS' ? 'PASSED' : 'FAILED', d.reference, event.id);
  }
}
