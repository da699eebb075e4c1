import { Payload } from '@nestjs/microservices';
import {
  CouncilIdQuery,
  CreateCouncilCommand,
  DeclareConflictCommand,
  ListCouncilsQuery as ListCouncilsRequest,
  ScoringSubjects as S,
  type CouncilView,
} from '@ocop/contracts';
import { Caller, Handles, RpcController, requireActor, type RpcContext } from '@ocop/messaging';
import { CreateCouncilUseCase } from './create-council.use-case';
import { DeclareConflictUseCase } from './declare-conflict.use-case';
import { GetCouncilQuery } from './get-council.query';
import { ListCouncilsQuery } from './list-councils.query';

/** The NATS edge of councils. */
@RpcController()
export class CouncilsHandler {
  constructor(
    private readonly createCouncil: CreateCouncilUseCase,
    private readonly listCouncils: ListCouncilsQuery,
    private readonly getCouncil: GetCouncilQuery,
    private readonly declareConflict: DeclareConflictUseCase,
  ) {}

  @Handles(S.councilCreate)
  create(@Payload() c: CreateCouncilCommand, @Caller() call: RpcContext): Promise<CouncilView> {
    return this.createCouncil.execute(requireActor(call), c);
  }

  @Handles(S.councilList)
  list(@Payload() q: ListCouncilsRequest, @Caller() call: RpcContext): Promise<CouncilView[]> {
    return this.listCouncils.execute(requireActor(call), q);
  }

  @Handles(S.councilGet)
  get(@Payload() q: CouncilIdQuery, @Caller() call: RpcContext): Promise<CouncilView> {
    return this.getCouncil.execute(requireActor(call), q.councilId);
  }

  @Handles(S.councilDeclareConflict)
  declare(@Payload() c: DeclareConflictCommand, @Caller() call: RpcContext): Promise<CouncilView> {
    return this.declareConflict.execute(requireActor(call), c);
  }
}
