import { Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  DossierOpinionsQuery,
  GiveOpinionCommand,
  ListOpinionRulesQuery,
  RegistrationSubjects as S,
  RunRegistrationJobCommand,
  SetOpinionRuleCommand,
  type OpinionRuleView,
  type OpinionView,
} from '@ocop/contracts';
import { Caller, Handles, RpcController, adminRunAsOf, requireActor, type RpcContext } from '@ocop/messaging';
import { REGISTRATION_CONFIG } from '../registration.tokens';
import type { RegistrationConfig } from '../config/registration.config';
import { RegistrationJobs } from '../jobs/registration.jobs';
import { GiveOpinionUseCase } from './give-opinion.use-case';
import { OpinionQueries } from './opinion.queries';
import { SetOpinionRuleUseCase } from './set-opinion-rule.use-case';

/**
 * The bus edge of agencies' opinions through the gateway: the rules (office), an officer's opinion and the reads, and the
 * admin's run of the follow-up sweep (agencies' services: AgencyRequestsListener).
 */
@RpcController()
export class OpinionsHandler {
  constructor(
    private readonly giveOpinion: GiveOpinionUseCase,
    private readonly setRule: SetOpinionRuleUseCase,
    private readonly queries: OpinionQueries,
    private readonly jobs: RegistrationJobs,
    @Inject(REGISTRATION_CONFIG) private readonly config: RegistrationConfig,
  ) {}

  @Handles(S.dossierGiveOpinion)
  give(@Payload() c: GiveOpinionCommand, @Caller() call: RpcContext): Promise<OpinionView> {
    return this.giveOpinion.execute({ via: 'HTTP', actor: requireActor(call) }, c, call.asOf);
  }

  @Handles(S.dossierOpinions)
  ofDossier(@Payload() q: DossierOpinionsQuery, @Caller() call: RpcContext): Promise<OpinionView[]> {
    return this.queries.ofDossier(requireActor(call), q.dossierId);
  }

  @Handles(S.opinionRuleList)
  rules(@Payload() q: ListOpinionRulesQuery, @Caller() call: RpcContext): Promise<OpinionRuleView[]> {
    return this.queries.rules(requireActor(call), q.productGroup);
  }

  @Handles(S.opinionRuleSet)
  set(@Payload() c: SetOpinionRuleCommand, @Caller() call: RpcContext): Promise<OpinionRuleView> {
    return this.setRule.execute(requireActor(call), c, call.asOf);
  }

  @Handles(S.jobRun)
  async run(@Payload() c: RunRegistrationJobCommand, @Caller() call: RpcContext) {
    const asOf = adminRunAsOf(c.asOf, call, this.config.mode);
    return { name: c.name, asOf: asOf.toISOString(), result: await this.jobs.runNow(asOf) };
  }
}
