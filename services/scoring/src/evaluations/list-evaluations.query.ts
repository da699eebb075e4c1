import { Injectable } from '@nestjs/common';
import type { Actor, EvaluationView, ListEvaluationsQuery as ListEvaluationsRequest } from '@ocop/contracts';
import { EvaluationsRepository } from './evaluations.repository';
import { evaluationView } from './evaluation.view';
import { readerScope } from '../access/scoring-scope.policy';

@Injectable()
export class ListEvaluationsQuery {
  constructor(private readonly evaluations: EvaluationsRepository) {}

  async execute(actor: Actor, q: ListEvaluationsRequest): Promise<EvaluationView[]> {
    return (await this.evaluations.list(readerScope(actor), q)).map(evaluationView);
  }
}
