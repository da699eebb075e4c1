import { Payload } from '@nestjs/microservices';
import {
  CheckConsultantGrantQuery,
  ConsultantGrantIdCommand,
  ConsultantIdQuery,
  CreateConsultantCommand,
  GrantConsultantCommand,
  ListConsultantGrantsQuery,
  ListConsultantsQuery,
  RegistrationSubjects as S,
  type ConsultantGrantView,
  type ConsultantView,
} from '@ocop/contracts';
import { Caller, Handles, RpcController, requireActor, type RpcContext } from '@ocop/messaging';
import { ConsultantsUseCases } from './consultants.use-cases';

/** The bus edge of the consultants' register and the producers' grants (and the gateway's check of a grant). */
@RpcController()
export class ConsultantsHandler {
  constructor(private readonly consultants: ConsultantsUseCases) {}

  @Handles(S.consultantCreate)
  create(@Payload() c: CreateConsultantCommand, @Caller() call: RpcContext): Promise<ConsultantView> {
    return this.consultants.create(requireActor(call), c, call.asOf);
  }

  @Handles(S.consultantList)
  list(@Payload() q: ListConsultantsQuery, @Caller() call: RpcContext): Promise<ConsultantView[]> {
    return this.consultants.list(requireActor(call), q);
  }

  @Handles(S.consultantGet)
  get(@Payload() q: ConsultantIdQuery, @Caller() call: RpcContext): Promise<ConsultantView> {
    return this.consultants.get(requireActor(call), q.consultantId);
  }

  @Handles(S.consultantGrant)
  grant(@Payload() c: GrantConsultantCommand, @Caller() call: RpcContext): Promise<ConsultantGrantView> {
    return this.consultants.grant(requireActor(call), c, call.asOf);
  }

  @Handles(S.consultantGrantRevoke)
  revoke(@Payload() c: ConsultantGrantIdCommand, @Caller() call: RpcContext): Promise<ConsultantGrantView> {
    return this.consultants.revoke(requireActor(call), c.grantId, call.asOf);
  }

  @Handles(S.consultantGrantList)
  grants(@Payload() q: ListConsultantGrantsQuery, @Caller() call: RpcContext): Promise<ConsultantGrantView[]> {
    return this.consultants.grants(requireActor(call), q);
  }

  @Handles(S.consultantGrantCheck)
  check(@Payload() q: CheckConsultantGrantQuery, @Caller() call: RpcContext): Promise<{ producerId: string; grantId: string }> {
    return this.consultants.check(requireActor(call), q.producerId);
  }
}
