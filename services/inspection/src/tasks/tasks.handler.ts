import { Payload } from '@nestjs/microservices';
import {
  AssignTaskCommand,
  AttachEvidenceCommand,
  CompleteTaskCommand,
  InspectionSubjects as S,
  ListTasksQuery as ListTasksRequest,
} from '@ocop/contracts';
import { Caller, Handles, RpcController, requireActor, type RpcContext } from '@ocop/messaging';
import { AssignTaskUseCase } from './assign-task.use-case';
import { AttachEvidenceUseCase } from './attach-evidence.use-case';
import { CompleteTaskUseCase } from './complete-task.use-case';
import { ListTasksQuery } from './list-tasks.query';

/** The NATS edge of inspection tasks: assignment, evidence, completion. */
@RpcController()
export class TasksHandler {
  constructor(
    private readonly listTasks: ListTasksQuery,
    private readonly attachEvidence: AttachEvidenceUseCase,
    private readonly assignTask: AssignTaskUseCase,
    private readonly completeTask: CompleteTaskUseCase,
  ) {}

  @Handles(S.taskList)
  list(@Payload() q: ListTasksRequest, @Caller() call: RpcContext) {
    return this.listTasks.execute(requireActor(call), q);
  }

  @Handles(S.taskAttachEvidence)
  attach(@Payload() c: AttachEvidenceCommand, @Caller() call: RpcContext) {
    return this.attachEvidence.execute(requireActor(call), c, call.asOf);
  }

  @Handles(S.taskAssign)
  assign(@Payload() c: AssignTaskCommand, @Caller() call: RpcContext) {
    return this.assignTask.execute(requireActor(call), c.taskId, c.inspectorUserId);
  }

  @Handles(S.taskComplete)
  complete(@Payload() c: CompleteTaskCommand, @Caller() call: RpcContext) {
    return this.completeTask.execute(requireActor(call), c.taskId, c, call.asOf);
  }
}
