import { Inject, type OnApplicationShutdown } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import {
  AgencyApi,
  DossierOpinionsQuery,
  GiveOpinionCommand,
  ListOpinionRulesQuery,
  RegistrationSubjects as S,
  RunRegistrationJobCommand,
  SetOpinionRuleCommand,
  agencyApiSubject,
  validateInto,
  type OpinionRuleView,
  type OpinionView,
} from '@ocop/contracts';
import { Caller, Handles, RpcController, adminRunAsOf, requireActor, serveAgencyRequests, type RpcContext } from '@ocop/messaging';
import { SERVICE_LOGGER, SERVICE_NATS } from '@ocop/service-kit';
import { REGISTRATION_CONFIG } from '../registration.tokens';
import type { RegistrationConfig } from '../config/registration.config';
import { RegistrationJobs } from '../jobs/registration.jobs';
import { GiveOpinionUseCase } from './give-opinion.use-case';
import { OpinionQueries } from './opinion.queries';
import { SetOpinionRuleUseCase } from './set-opinion-rule.use-case';

/**
 * The bus edge of agencies' opinions: the rules (office), an officer's opinion and the reads through the gateway, the
 * agency's own service on `<prefix>.agency.<CODE>.api.opinion.give`, and the admin's run of the follow-up sweep.
 */
@RpcController()
export class OpinionsHandler implements OnApplicationShutdown {
  private subscription?: Subscription;

  constructor(
    private readonly giveOpinion: GiveOpinionUseCase,
    private readonly setRule: SetOpinionRuleUseCase,
    private readonly queries: OpinionQueries,
    private readonly jobs: RegistrationJobs,
    @Inject(REGISTRATION_CONFIG) private readonly config: RegistrationConfig,
    @Inject(SERVICE_NATS) private readonly nc: NatsConnection,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  /** The agencies' services' requests (started with the process, like the lab results' subject). */
  listen(): void {
    this.subscription = serveAgencyRequests<OpinionView>(this.nc, {
      subject: agencyApiSubject(this.config.prefix, '*', AgencyApi.giveOpinion),
      prefix: this.config.prefix,
      queue: 'registration',
      mode: this.config.mode,
      logger: this.logger,
      handle: (agencyCode, body, asOf) =>
        this.giveOpinion.execute({ via: 'NATS', agencyCode }, validateInto(GiveOpinionCommand, body), asOf),
    });
  }

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

  async onApplicationShutdown(): Promise<void> {
    this.subscription?.unsubscribe();
  }
}
