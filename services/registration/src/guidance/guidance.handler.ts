import { Payload } from '@nestjs/microservices';
import {
  AskGuidanceCommand,
  DossierGuidanceQuery,
  GuidanceMessageCommand,
  ListGuidanceQuery,
  RegistrationSubjects as S,
  type GuidanceThreadView,
} from '@ocop/contracts';
import { Caller, Handles, RpcController, requireActor, type RpcContext } from '@ocop/messaging';
import { AskGuidanceUseCase, PostGuidanceMessageUseCase } from './guidance.use-cases';
import { GuidanceQueries } from './guidance.queries';

/** The bus edge of guidance threads through the gateway (agencies' services: AgencyRequestsListener). */
@RpcController()
export class GuidanceHandler {
  constructor(
    private readonly ask: AskGuidanceUseCase,
    private readonly post: PostGuidanceMessageUseCase,
    private readonly queries: GuidanceQueries,
  ) {}

  @Handles(S.dossierAskGuidance)
  askGuidance(@Payload() c: AskGuidanceCommand, @Caller() call: RpcContext): Promise<GuidanceThreadView> {
    return this.ask.execute(requireActor(call), c, call.asOf);
  }

  @Handles(S.dossierGuidance)
  ofDossier(@Payload() q: DossierGuidanceQuery, @Caller() call: RpcContext): Promise<GuidanceThreadView[]> {
    return this.queries.ofDossier(requireActor(call), q.dossierId);
  }

  @Handles(S.guidanceList)
  list(@Payload() q: ListGuidanceQuery, @Caller() call: RpcContext): Promise<GuidanceThreadView[]> {
    return this.queries.list(requireActor(call), q);
  }

  @Handles(S.guidanceReply)
  reply(@Payload() c: GuidanceMessageCommand, @Caller() call: RpcContext): Promise<GuidanceThreadView> {
    return this.post.execute({ via: 'HTTP', actor: requireActor(call) }, c, call.asOf);
  }
}
