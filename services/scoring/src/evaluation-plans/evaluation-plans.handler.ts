import { Payload } from '@nestjs/microservices';
import {
  AssignExpertCommand,
  ListEvaluationPlansQuery,
  ScoringSubjects as S,
  SetEvaluationPlanCommand,
  type EvaluationPlanView,
} from '@ocop/contracts';
import { Caller, Handles, RpcController, requireActor, type RpcContext } from '@ocop/messaging';
import { EvaluationPlansUseCases } from './evaluation-plans.use-cases';

/** The bus edge of districts' evaluation plans. */
@RpcController()
export class EvaluationPlansHandler {
  constructor(private readonly plans: EvaluationPlansUseCases) {}

  @Handles(S.evaluationPlanSet)
  set(@Payload() c: SetEvaluationPlanCommand, @Caller() call: RpcContext): Promise<EvaluationPlanView> {
    return this.plans.set(requireActor(call), c);
  }

  @Handles(S.evaluationPlanList)
  list(@Payload() q: ListEvaluationPlansQuery, @Caller() call: RpcContext): Promise<EvaluationPlanView[]> {
    return this.plans.list(requireActor(call), q);
  }

  @Handles(S.evaluationPlanAssign)
  assign(@Payload() c: AssignExpertCommand, @Caller() call: RpcContext): Promise<EvaluationPlanView> {
    return this.plans.assign(requireActor(call), c);
  }
}
