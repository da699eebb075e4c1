import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AddTargetsBody,
  CreatePlanTaskBody,
  PlanTaskEvidenceBody,
  PlanTaskView,
  UpdatePlanTaskBody,
  CreatePlanCommand,
  ImportTargetsBody,
  ListPlansQuery,
  PlanProgressView,
  PlanView,
  ProgrammeSubjects as S,
  CreateSupportPolicyCommand,
  ListSupportPoliciesQuery,
  SupportPolicyView,
  ListRewardsQuery,
  PayBody,
  RewardView,
  type Actor,
} from '@ocop/contracts';
import { CurrentActor, RolesOf } from '@ocop/auth';
import { RpcClient } from '@ocop/messaging';
import { ApiProblems } from '../http/api-problems.decorator';
import { UuidParam } from '../http/validation.pipe';

@ApiTags('programme: plans and targets')
@ApiProblems()
@Controller('programme/plans')
export class PlansController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post()
  @RolesOf(S.planCreate)
  @ApiCreatedResponse({ type: PlanView })
  create(@CurrentActor() actor: Actor, @Body() body: CreatePlanCommand): Promise<PlanView> {
    return this.rpc.request(S.planCreate, body, { actor });
  }

  @Get()
  @RolesOf(S.planList)
  @ApiOkResponse({ type: [PlanView] })
  list(@CurrentActor() actor: Actor, @Query() q: ListPlansQuery): Promise<PlanView[]> {
    return this.rpc.request(S.planList, q, { actor });
  }

  @Get(':id')
  @RolesOf(S.planGet)
  @ApiOkResponse({ type: PlanView })
  get(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<PlanView> {
    return this.rpc.request(S.planGet, { planId: id }, { actor });
  }

  @Put(':id/targets')
  @RolesOf(S.targetsAdd)
  @ApiOkResponse({ type: PlanView })
  setTargets(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string, @Body() body: AddTargetsBody): Promise<PlanView> {
    return this.rpc.request(S.targetsAdd, { ...body, planId: id }, { actor });
  }

  @Post(':id/targets/import')
  @HttpCode(200)
  @RolesOf(S.targetsImport)
  @ApiOkResponse({ type: PlanView })
  importTargets(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Body() body: ImportTargetsBody,
  ): Promise<PlanView> {
    return this.rpc.request(S.targetsImport, { ...body, planId: id }, { actor });
  }

  @Post(':id/tasks')
  @RolesOf(S.taskCreate)
  @ApiCreatedResponse({ type: PlanTaskView })
  createTask(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Body() body: CreatePlanTaskBody,
  ): Promise<PlanTaskView> {
    return this.rpc.request(S.taskCreate, { ...body, planId: id }, { actor });
  }

  @Get(':id/tasks')
  @RolesOf(S.taskList)
  @ApiOkResponse({ type: [PlanTaskView] })
  tasks(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<PlanTaskView[]> {
    return this.rpc.request(S.taskList, { planId: id }, { actor });
  }

  @Get(':id/progress')
  @RolesOf(S.progress)
  @ApiOkResponse({ type: PlanProgressView })
  progress(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<PlanProgressView> {
    return this.rpc.request(S.progress, { planId: id }, { actor });
  }
}

@ApiTags('programme: plans and targets')
@ApiProblems()
@Controller('programme/tasks')
export class PlanTasksController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Put(':id')
  @RolesOf(S.taskUpdate)
  @ApiOkResponse({ type: PlanTaskView })
  update(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string, @Body() body: UpdatePlanTaskBody): Promise<PlanTaskView> {
    return this.rpc.request(S.taskUpdate, { ...body, taskId: id }, { actor });
  }

  @Post(':id/evidence')
  @HttpCode(200)
  @RolesOf(S.taskAddEvidence)
  @ApiOkResponse({ type: PlanTaskView })
  evidence(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidParam()) id: string,
    @Body() body: PlanTaskEvidenceBody,
  ): Promise<PlanTaskView> {
    return this.rpc.request(S.taskAddEvidence, { ...body, taskId: id }, { actor });
  }
}

@ApiTags('programme: support and rewards')
@ApiProblems()
@Controller('programme/support-policies')
export class SupportPoliciesController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Post()
  @RolesOf(S.policyCreate)
  @ApiCreatedResponse({ type: SupportPolicyView })
  create(@CurrentActor() actor: Actor, @Body() body: CreateSupportPolicyCommand): Promise<SupportPolicyView> {
    return this.rpc.request(S.policyCreate, body, { actor });
  }

  @Get()
  @RolesOf(S.policyList)
  @ApiOkResponse({ type: [SupportPolicyView] })
  list(@CurrentActor() actor: Actor, @Query() q: ListSupportPoliciesQuery): Promise<SupportPolicyView[]> {
    return this.rpc.request(S.policyList, q, { actor });
  }

  @Get(':id')
  @RolesOf(S.policyGet)
  @ApiOkResponse({ type: SupportPolicyView })
  get(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string): Promise<SupportPolicyView> {
    return this.rpc.request(S.policyGet, { policyId: id }, { actor });
  }
}

@ApiTags('programme: support and rewards')
@ApiProblems()
@Controller('programme/rewards')
export class RewardsController {
  constructor(@Inject(RpcClient) private readonly rpc: RpcClient) {}

  @Get()
  @RolesOf(S.rewardList)
  @ApiOkResponse({ type: [RewardView] })
  list(@CurrentActor() actor: Actor, @Query() q: ListRewardsQuery): Promise<RewardView[]> {
    return this.rpc.request(S.rewardList, q, { actor });
  }

  @Post(':id/payment')
  @HttpCode(200)
  @RolesOf(S.rewardPay)
  @ApiOkResponse({ type: RewardView })
  pay(@CurrentActor() actor: Actor, @Param('id', new UuidParam()) id: string, @Body() body: PayBody): Promise<RewardView> {
    return this.rpc.request(S.rewardPay, { ...body, rewardId: id }, { actor });
  }
}
