import { Ctx } from '@nestjs/microservices';
import { CertificationEvents as C } from '@ocop/contracts';
import { EventContext, OnEvent, RpcController, type EventConsumerSpec } from '@ocop/messaging';
import { AddToPoolUseCase } from './add-to-pool.use-case';
import { ChangePoolStatusUseCase } from './change-pool-status.use-case';

/** One at a time, in stream order: a certificate's issue precedes its revocation. */
const CERTIFICATE_POOL: EventConsumerSpec = { name: 'certificate-pool', concurrency: 1 };

/** The certificates campaigns select from, kept from certification's events (one handler per event type). */
@RpcController()
export class CertificatePoolConsumer {
  constructor(
    private readonly add: AddToPoolUseCase,
    private readonly change: ChangePoolStatusUseCase,
  ) {}

  @OnEvent(CERTIFICATE_POOL, C.certificateIssued)
  issued(@Ctx() ctx: EventContext): Promise<void> {
    return this.add.execute(ctx.event, ctx.tx);
  }

  @OnEvent(CERTIFICATE_POOL, C.certificateExpiring)
  expiring(@Ctx() ctx: EventContext): Promise<void> {
    return this.change.execute(ctx.event, ctx.tx, 'EXPIRING');
  }

  @OnEvent(CERTIFICATE_POOL, C.certificateSuperseded)
  superseded(@Ctx() ctx: EventContext): Promise<void> {
    return this.change.execute(ctx.event, ctx.tx, 'SUPERSEDED');
  }

  @OnEvent(CERTIFICATE_POOL, C.certificateExpired)
  expired(@Ctx() ctx: EventContext): Promise<void> {
    return this.change.execute(ctx.event, ctx.tx, 'EXPIRED');
  }

  @OnEvent(CERTIFICATE_POOL, C.certificateRevoked)
  revoked(@Ctx() ctx: EventContext): Promise<void> {
    return this.change.execute(ctx.event, ctx.tx, 'REVOKED');
  }
}
