import { Ctx } from '@nestjs/microservices';
import { CertificationEvents as C, type CertificateIssuedData, type CertificateRevokedData } from '@ocop/contracts';
import { EventContext, OnEvent, RpcController, type EventConsumerSpec } from '@ocop/messaging';
import { replicaOf } from '@ocop/persistence';
import { SupportRepository } from '../support/support.repository';
import { CertificatesRepository } from './certificates.repository';

/** One at a time, in stream order: a certificate's issue precedes its end. */
const CERTIFICATES: EventConsumerSpec = { name: 'certificates', concurrency: 1 };

/**
 * The certificates the programme counts, from certification's events: issued (with the producer's district, so a
 * ministry's 5★ counts for its own district, and whether it supersedes another), then expiring, superseded, expired or
 * revoked. Each applied once, whatever the redeliveries (the inbox; an insert that ignores a known certificate). An issued
 * certificate makes the rewards of the policies that pay for it due; a revoked one stops those not paid yet.
 */
@RpcController()
export class CertificatesConsumer {
  constructor(
    private readonly certificates: CertificatesRepository,
    private readonly support: SupportRepository,
  ) {}

  @OnEvent(CERTIFICATES, C.certificateIssued)
  async issued(@Ctx() ctx: EventContext): Promise<void> {
    const d = ctx.event.data as CertificateIssuedData;
    const at = new Date(d.issuedAt);
    await this.certificates.addIfAbsent(
      ctx.tx,
      { ...replicaOf(d), districtCode: d.producerDistrictCode ?? null, issuedAt: at, supersedes: d.supersedes },
      at,
    );
    await this.support.grant(ctx.tx, { certificateId: d.certificateId }, at);
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
    const d = ctx.event.data as CertificateRevokedData;
    await this.support.stop(ctx.tx, d.certificateId, new Date(d.revokedAt));
  }
}
