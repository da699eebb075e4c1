import { Ctx } from '@nestjs/microservices';
import { CertificationEvents as C, type CertificateSupersededData } from '@ocop/contracts';
import { EventContext, OnEvent, PrepareEvent, RpcController, type EventConsumerSpec } from '@ocop/messaging';
import { CertificatesRepository } from './certificates.repository';
import { CataloguePublisher } from './catalogue.publisher';
import { EndCertificateUseCase } from './end-certificate.use-case';
import { RecordCertificateUseCase, type ProducerPlace } from './record-certificate.use-case';

/** One at a time, in stream order: a certificate's issue precedes its end. */
const CERTIFICATES: EventConsumerSpec = { name: 'certificates', concurrency: 1 };

/** The certificates trade promotion shows, kept from certification's events (one handler per event type). */
@RpcController()
export class CertificatesConsumer {
  constructor(
    private readonly record: RecordCertificateUseCase,
    private readonly end: EndCertificateUseCase,
    private readonly certificates: CertificatesRepository,
    private readonly catalogue: CataloguePublisher,
  ) {}

  @PrepareEvent(CERTIFICATES, C.certificateIssued)
  producerPlace(@Ctx() ctx: EventContext): Promise<ProducerPlace> {
    return this.record.producerPlace(ctx.event);
  }

  @OnEvent(CERTIFICATES, C.certificateIssued)
  issued(@Ctx() ctx: EventContext<ProducerPlace>): Promise<void> {
    return this.record.execute(ctx.event, ctx.tx, ctx.prepared);
  }

  @OnEvent(CERTIFICATES, C.certificateExpiring)
  async expiring(@Ctx() ctx: EventContext): Promise<void> {
    const d = ctx.event.data as { certificateId: string; at: string };
    await this.certificates.setStatus(ctx.tx, d.certificateId, 'EXPIRING', new Date(d.at));
  }

  /** The product goes on with its new certificate (carried over when that one arrived); the old one leaves the catalogue. */
  @OnEvent(CERTIFICATES, C.certificateSuperseded)
  async superseded(@Ctx() ctx: EventContext): Promise<void> {
    const d = ctx.event.data as CertificateSupersededData;
    if (await this.certificates.setStatus(ctx.tx, d.certificateId, 'SUPERSEDED', new Date(d.at)))
      await this.catalogue.changed(ctx.tx, d, 'DELISTED', new Date(d.at));
  }

  @OnEvent(CERTIFICATES, C.certificateExpired)
  expired(@Ctx() ctx: EventContext): Promise<void> {
    return this.end.execute(ctx.event, ctx.tx, 'EXPIRED');
  }

  @OnEvent(CERTIFICATES, C.certificateRevoked)
  revoked(@Ctx() ctx: EventContext): Promise<void> {
    return this.end.execute(ctx.event, ctx.tx, 'REVOKED');
  }
}
