import { Payload } from '@nestjs/microservices';
import {
  CreatePlanTaskCommand,
  PlanIdQuery,
  PlanTaskEvidenceCommand,
  ProgrammeSubjects as S,
  UpdatePlanTaskCommand,
  type PlanTaskView,
} from '@ocop/contracts';
import { Caller, Handles, RpcController, requireActor, type RpcContext } from '@ocop/messaging';
import { PlanTasksUseCases } from './plan-tasks.use-cases';

/** The bus edge of plans' tasks. */
@RpcController()
export class PlanTasksHandler {
  constructor(private readonly tasks: PlanTasksUseCases) {}

  @Handles(S.taskCreate)
  create(@Payload() c: CreatePlanTaskCommand, @Caller() call: RpcContext): Promise<PlanTaskView> {
    return this.tasks.create(requireActor(call), c, call.asOf);
  }

  @Handles(S.taskList)
  list(@Payload() q: PlanIdQuery, @Caller() call: RpcContext): Promise<PlanTaskView[]> {
    return this.tasks.list(requireActor(call), q.planId, call.asOf);
  }

  @Handles(S.taskUpdate)
  update(@Payload() c: UpdatePlanTaskCommand, @Caller() call: RpcContext): Promise<PlanTaskView> {
    return this.tasks.update(requireActor(call), c, call.asOf);
  }

  @Handles(S.taskAddEvidence)
  evidence(@Payload() c: PlanTaskEvidenceCommand, @Caller() call: RpcContext): Promise<PlanTaskView> {
    return this.tasks.addEvidence(requireActor(call), c, call.asOf);
  }
}
