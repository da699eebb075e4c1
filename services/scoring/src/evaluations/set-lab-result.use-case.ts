import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, type Actor, type EvaluationView, type SetLabResultCommand } from '@ocop/contracts';
import { EvaluationsRepository } from './evaluations.repository';
import { EvaluationWorkflow } from './evaluation.workflow';
import { evaluationView } from './evaluation.view';
import { assertManages, canReadEvaluation } from '../access/access.policy';
import { POLICY_CHECKED } from '../access/scoring-scope.policy';

/**
 * Records the state of the sample lab tests for a dossier at a tier that requires them. Until the lab-testing
 * workflow (services/inspection) publishes results, the office records them here.
 */
@Injectable()
export class SetLabResultUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly evaluations: EvaluationsRepository,
    private readonly workflow: EvaluationWorkflow,
  ) {}

  async execute(actor: Actor, c: SetLabResultCommand): Promise<EvaluationView> {
    return this.ds.transaction(async (tx) => {
      // Read by office, not by council seat: a council member gets 404 here, a reader that does not manage the unit 403.
      const e = await this.evaluations.getForUpdate(tx, POLICY_CHECKED, c.evaluationId);
      if (!e || !canReadEvaluation(actor, e)) throw AppError.notFound('EVALUATION_NOT_FOUND', 'no such evaluation');
      assertManages(actor, e, 'lab results');
      if (e.labState === 'NOT_REQUIRED')
        throw AppError.rule('LAB_RESULT_NOT_REQUIRED', `no sample lab tests are required for this dossier at the ${e.tier} tier`);
      if (e.status === 'COMPLETED') throw AppError.conflict('EVALUATION_COMPLETED', 'the evaluation is already completed');
      await this.workflow.applyLabState(tx, actor, e, c.state, c.reference ?? null);
      return evaluationView(e);
    });
  }
}
