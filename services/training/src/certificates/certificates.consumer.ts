import { Ctx } from '@nestjs/microservices';
import { CertificationEvents as C, type CertificateIssuedData } from '@ocop/contracts';
import { EventContext, OnEvent, RpcController, type EventConsumerSpec } from '@ocop/messaging';
import { replicaOf } from '@ocop/persistence';
import { InvitationWorkflow } from '../invitations/invitation.workflow';
import { CertificatesRepository } from './certificates.repository';

/** One at a time, in stream order: a certificate's issue precedes its end. */
const CERTIFICATES: EventConsumerSpec = { name: 'certificates', concurrency: 1 };

/**
 * The certificates training knows, from certification's events; and a producer newly certified (a first certificate,
 * not a re-evaluation's) invited to the province's next class open for 3★+ producers — once per producer and class,
 * however often the event is delivered (the inbox, and the invitation's key).
 */
@RpcController()
export class CertificatesConsumer {
  constructor(
    private readonly certificates: CertificatesRepository,
    private readonly invitations: InvitationWorkflow,
  ) {}

  @OnEvent(CERTIFICATES, C.certificateIssued)
  async issued(@Ctx() ctx: EventContext): Promise<void> {
    const d = ctx.event.data as CertificateIssuedData;
    const at = new Date(d.issuedAt);
    await this.certificates.addIfAbsent(ctx.tx, replicaOf(d), at);
    if (d.supersedes || d.stars < 3) return;
    await this.invitations.invite(ctx.tx, {
      producerId: d.producerId,
      provinceCode: d.provinceCode,
      targetGroup: 'PRODUCERS_3STAR',
      reason: 'CERTIFIED',
      at,
      causedBy: ctx.event.id,
    });
  }

  @OnEvent(CERTIFICATES, C.certificateExpiring)
  async expiring(@Ctx() ctx: EventContext): Promise<void> {
    await this.certificates.follow(ctx.tx, ctx.event);
  }

  @OnEvent(CERTIFICATES, C.certificateSuperseded)
  async superseded(@Ctx() ctx: EventContext): Promise<void> {
    await this.certificates.follow(ctx.tx, ctx.event);
  }

  @OnEvent(CERTIFICATES, C.certificateExpired)
  async expired(@Ctx() ctx: EventContext): Promise<void> {
    await this.certificates.follow(ctx.tx, ctx.event);
  }

  @OnEvent(CERTIFICATES, C.certificateRevoked)
  async revoked(@Ctx() ctx: EventContext): Promise<void> {
    await this.certificates.follow(ctx.tx, ctx.event);
  }
}
