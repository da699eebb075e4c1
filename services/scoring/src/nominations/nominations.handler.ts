import { Payload } from '@nestjs/microservices';
import {
  ListNominationsQuery,
  NominateMemberCommand,
  NominationIdCommand,
  RejectNominationCommand,
  ScoringSubjects as S,
  type NominationView,
} from '@ocop/contracts';
import { Caller, Handles, RpcController, requireActor, type RpcContext } from '@ocop/messaging';
import { DecideNominationUseCase, ListNominationsUseCase, NominateMemberUseCase } from './nominations.use-cases';

/** The bus edge of agencies' nominations for councils' seats. */
@RpcController()
export class NominationsHandler {
  constructor(
    private readonly nominate: NominateMemberUseCase,
    private readonly decide: DecideNominationUseCase,
    private readonly listNominations: ListNominationsUseCase,
  ) {}

  @Handles(S.nominationCreate)
  create(@Payload() c: NominateMemberCommand, @Caller() call: RpcContext): Promise<NominationView> {
    return this.nominate.execute(requireActor(call), c);
  }

  @Handles(S.nominationList)
  list(@Payload() q: ListNominationsQuery, @Caller() call: RpcContext): Promise<NominationView[]> {
    return this.listNominations.execute(requireActor(call), q);
  }

  @Handles(S.nominationAccept)
  accept(@Payload() c: NominationIdCommand, @Caller() call: RpcContext): Promise<NominationView> {
    return this.decide.accept(requireActor(call), c.nominationId);
  }

  @Handles(S.nominationReject)
  reject(@Payload() c: RejectNominationCommand, @Caller() call: RpcContext): Promise<NominationView> {
    return this.decide.reject(requireActor(call), c);
  }
}
