import { Ctx } from '@nestjs/microservices';
import { ScoringEvents } from '@ocop/contracts';
import type { AuthorityNames } from '../authorities/authorities.client';
import { EventContext, OnEvent, PrepareEvent, RpcController, type EventConsumerSpec } from '@ocop/messaging';
import { IssueCertificateUseCase } from './issue-certificate.use-case';
import { NameIssuingAuthorityUseCase } from './name-issuing-authority.use-case';

/** Completed evaluations that certify become certificates (four at a time: each dossier's issue is its own). */
const ISSUANCE: EventConsumerSpec = { name: 'issuance', concurrency: 4 };

/**
 * The bus edge of issuance: the authority's names are read from registration before the inbox transaction opens
 * (no lock held while it answers), then the certificate and its decision are issued in it.
 */
@RpcController()
export class IssuanceHandler {
  constructor(
    private readonly nameAuthority: NameIssuingAuthorityUseCase,
    private readonly issue: IssueCertificateUseCase,
  ) {}

  @PrepareEvent(ISSUANCE, ScoringEvents.evaluationCompleted)
  names(@Ctx() ctx: EventContext): Promise<AuthorityNames | null> {
    return this.nameAuthority.execute(ctx.event);
  }

  @OnEvent(ISSUANCE, ScoringEvents.evaluationCompleted)
  completed(@Ctx() ctx: EventContext<AuthorityNames | null>): Promise<void> {
    return this.issue.execute(ctx.event, ctx.tx, ctx.prepared);
  }
}
