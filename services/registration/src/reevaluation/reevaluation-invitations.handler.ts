import { Payload } from '@nestjs/microservices';
import { ListReevaluationInvitationsQuery, RegistrationSubjects as S, type ReevaluationInvitationView } from '@ocop/contracts';
import { Caller, Handles, RpcController, requireActor, type RpcContext } from '@ocop/messaging';
import { ReevaluationInvitationQueries } from './reevaluation-invitations.queries';

/** The NATS edge of re-evaluation invitations (who may read them: the registry's roles). */
@RpcController()
export class ReevaluationInvitationsHandler {
  constructor(private readonly invitations: ReevaluationInvitationQueries) {}

  @Handles(S.reevaluationInvitationList)
  list(@Payload() q: ListReevaluationInvitationsQuery, @Caller() call: RpcContext): Promise<ReevaluationInvitationView[]> {
    return this.invitations.list(requireActor(call), q);
  }
}
