import { Payload } from '@nestjs/microservices';
import {
  ApplicationIdQuery,
  ApplyCommand,
  ListApplicationsQuery as ListQuery,
  ListMessagesQuery as MessagesQuery,
  TradePromotionSubjects as S,
  WithdrawApplicationCommand,
} from '@ocop/contracts';
import { Caller, Handles, RpcController, requireActor, type RpcContext } from '@ocop/messaging';
import { ListMessagesQuery } from '../messages/list-messages.query';
import { ApplyUseCase } from './apply.use-case';
import { ConfirmApplicationUseCase } from './confirm-application.use-case';
import { ListApplicationsQuery } from './list-applications.query';
import { WithdrawApplicationUseCase } from './withdraw-application.use-case';

/** The bus edge of applications: apply, list, withdraw, confirm; the organisers' messages. */
@RpcController()
export class ApplicationsHandler {
  constructor(
    private readonly apply: ApplyUseCase,
    private readonly listApplications: ListApplicationsQuery,
    private readonly withdrawApplication: WithdrawApplicationUseCase,
    private readonly confirmApplication: ConfirmApplicationUseCase,
    private readonly listMessages: ListMessagesQuery,
  ) {}

  @Handles(S.applicationCreate)
  create(@Payload() c: ApplyCommand, @Caller() call: RpcContext) {
    return this.apply.execute(requireActor(call), c, call.asOf);
  }

  @Handles(S.applicationList)
  list(@Payload() q: ListQuery, @Caller() call: RpcContext) {
    return this.listApplications.execute(requireActor(call), q);
  }

  @Handles(S.applicationWithdraw)
  withdraw(@Payload() c: WithdrawApplicationCommand, @Caller() call: RpcContext) {
    return this.withdrawApplication.execute(requireActor(call), c, call.asOf);
  }

  @Handles(S.applicationConfirm)
  confirm(@Payload() q: ApplicationIdQuery, @Caller() call: RpcContext) {
    return this.confirmApplication.execute(requireActor(call), q.applicationId, call.asOf);
  }

  @Handles(S.messageList)
  messages(@Payload() q: MessagesQuery, @Caller() call: RpcContext) {
    return this.listMessages.execute(requireActor(call), q);
  }
}
