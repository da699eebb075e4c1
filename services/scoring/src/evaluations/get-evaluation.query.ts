import { Injectable } from '@nestjs/common';
import { AppError, type Actor, type EvaluationView } from '@ocop/contracts';
import { EvaluationsRepository } from './evaluations.repository';
import { evaluationView } from './evaluation.view';
import { readerScope } from '../access/scoring-scope.policy';

@Injectable()
export class GetEvaluationQuery {
  constructor(private readonly evaluations: EvaluationsRepository) {}

  async execute(actor: Actor, id: string): Promise<EvaluationView> {
    const e = await this.evaluations.get(readerScope(actor), id);
    if (!e) throw AppError.notFound('EVALUATION_NOT_FOUND', 'no such evaluation');
    return evaluationView(e);
  }
}
