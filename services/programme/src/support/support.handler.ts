import { Payload } from '@nestjs/microservices';
import {
  CreateSupportPolicyCommand,
  ListRewardsQuery,
  ListSupportPoliciesQuery,
  PayRewardCommand,
  ProgrammeSubjects as S,
  SupportPolicyIdQuery,
  type RewardView,
  type SupportPolicyView,
} from '@ocop/contracts';
import { Caller, Handles, RpcController, requireActor, type RpcContext } from '@ocop/messaging';
import { SupportUseCases } from './support.use-cases';

/** The bus edge of support policies and rewards. */
@RpcController()
export class SupportHandler {
  constructor(private readonly support: SupportUseCases) {}

  @Handles(S.policyCreate)
  create(@Payload() c: CreateSupportPolicyCommand, @Caller() call: RpcContext): Promise<SupportPolicyView> {
    return this.support.createPolicy(requireActor(call), c);
  }

  @Handles(S.policyList)
  list(@Payload() q: ListSupportPoliciesQuery, @Caller() call: RpcContext): Promise<SupportPolicyView[]> {
    return this.support.listPolicies(requireActor(call), q);
  }

  @Handles(S.policyGet)
  get(@Payload() q: SupportPolicyIdQuery, @Caller() call: RpcContext): Promise<SupportPolicyView> {
    return this.support.getPolicy(requireActor(call), q.policyId);
  }

  @Handles(S.rewardList)
  rewards(@Payload() q: ListRewardsQuery, @Caller() call: RpcContext): Promise<RewardView[]> {
    return this.support.rewards(requireActor(call), q);
  }

  @Handles(S.rewardPay)
  pay(@Payload() c: PayRewardCommand, @Caller() call: RpcContext): Promise<RewardView> {
    return this.support.pay(requireActor(call), c);
  }
}
