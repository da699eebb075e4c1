import { Payload } from '@nestjs/microservices';
import {
  ApplySupportCommand,
  DecideSupportCommand,
  FundingQuery,
  ListSupportApplicationsQuery,
  PaySupportCommand,
  ProgrammeSubjects as S,
  RecordSettlementCommand,
  SetBudgetNormsCommand,
  type BudgetEstimateView,
  type FundingView,
  type SupportApplicationView,
} from '@ocop/contracts';
import { Caller, Handles, RpcController, requireActor, type RpcContext } from '@ocop/messaging';
import { FundingUseCases } from './funding.use-cases';

/** The bus edge of support applications, funding, settlements and the budget estimate. */
@RpcController()
export class FundingHandler {
  constructor(private readonly funding: FundingUseCases) {}

  @Handles(S.applicationSubmit)
  apply(@Payload() c: ApplySupportCommand, @Caller() call: RpcContext): Promise<SupportApplicationView> {
    return this.funding.apply(requireActor(call), c, call.asOf);
  }

  @Handles(S.applicationList)
  list(@Payload() q: ListSupportApplicationsQuery, @Caller() call: RpcContext): Promise<SupportApplicationView[]> {
    return this.funding.list(requireActor(call), q);
  }

  @Handles(S.applicationDecide)
  decide(@Payload() c: DecideSupportCommand, @Caller() call: RpcContext): Promise<SupportApplicationView> {
    return this.funding.decide(requireActor(call), c, call.asOf);
  }

  @Handles(S.applicationPay)
  pay(@Payload() c: PaySupportCommand, @Caller() call: RpcContext): Promise<SupportApplicationView> {
    return this.funding.pay(requireActor(call), c, call.asOf);
  }

  @Handles(S.settlementRecord)
  settle(@Payload() c: RecordSettlementCommand, @Caller() call: RpcContext): Promise<FundingView> {
    return this.funding.settle(requireActor(call), c, call.asOf);
  }

  @Handles(S.funding)
  fundingOf(@Payload() q: FundingQuery, @Caller() call: RpcContext): Promise<FundingView> {
    return this.funding.fundingOf(requireActor(call), q, call.asOf);
  }

  @Handles(S.budgetNormsSet)
  setNorms(@Payload() c: SetBudgetNormsCommand, @Caller() call: RpcContext): Promise<BudgetEstimateView> {
    return this.funding.setNorms(requireActor(call), c);
  }

  @Handles(S.budgetEstimate)
  estimate(@Payload() q: FundingQuery, @Caller() call: RpcContext): Promise<BudgetEstimateView> {
    return this.funding.estimate(requireActor(call), q, call.asOf);
  }
}
