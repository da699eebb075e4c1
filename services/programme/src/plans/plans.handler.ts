import { Payload } from '@nestjs/microservices';
import {
  AddTargetsCommand,
  CreatePlanCommand,
  ImportTargetsCommand,
  ListPlansQuery,
  PlanIdQuery,
  ProgrammeSubjects as S,
  type PlanProgressView,
  type PlanRollupView,
  type PlanView,
} from '@ocop/contracts';
import { Caller, Handles, RpcController, requireActor, type RpcContext } from '@ocop/messaging';
import { PlansUseCases } from './plans.use-cases';

/** The bus edge of plans, their targets and their progress. */
@RpcController()
export class PlansHandler {
  constructor(private readonly plans: PlansUseCases) {}

  @Handles(S.planCreate)
  create(@Payload() c: CreatePlanCommand, @Caller() call: RpcContext): Promise<PlanView> {
    return this.plans.create(requireActor(call), c);
  }

  @Handles(S.planList)
  list(@Payload() q: ListPlansQuery, @Caller() call: RpcContext): Promise<PlanView[]> {
    return this.plans.list(requireActor(call), q);
  }

  @Handles(S.planGet)
  get(@Payload() q: PlanIdQuery, @Caller() call: RpcContext): Promise<PlanView> {
    return this.plans.get(requireActor(call), q.planId);
  }

  @Handles(S.targetsAdd)
  add(@Payload() c: AddTargetsCommand, @Caller() call: RpcContext): Promise<PlanView> {
    return this.plans.addTargets(requireActor(call), c);
  }

  @Handles(S.targetsImport)
  import(@Payload() c: ImportTargetsCommand, @Caller() call: RpcContext): Promise<PlanView> {
    return this.plans.importTargets(requireActor(call), c);
  }

  @Handles(S.planRollup)
  rollup(@Payload() q: PlanIdQuery, @Caller() call: RpcContext): Promise<PlanRollupView> {
    return this.plans.rollup(requireActor(call), q.planId, call.asOf);
  }

  @Handles(S.progress)
  progress(@Payload() q: PlanIdQuery, @Caller() call: RpcContext): Promise<PlanProgressView> {
    return this.plans.progress(requireActor(call), q.planId, call.asOf);
  }
}
