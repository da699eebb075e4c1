import { randomUUID } from 'node:crypto';
import { Ctx } from '@nestjs/microservices';
import { CertificationEvents as C, SYSTEM_ACTOR, TrainingEvents as E, type CertificateIssuedData } from '@ocop/contracts';
import { vietnamDay } from '@ocop/domain';
import { EventContext, EventOutbox, OnEvent, RpcController, type EventConsumerSpec } from '@ocop/messaging';
import { replicaOf, writeAudit } from '@ocop/persistence';
import { ClassesRepository } from '../classes/classes.repository';
import { Invitation } from '../invitations/invitation.entity';
import { InvitationsRepository } from '../invitations/invitations.repository';
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
    private readonly classes: ClassesRepository,
    private readonly invitations: InvitationsRepository,
    private readonly outbox: EventOutbox,
  ) {}

  @OnEvent(CERTIFICATES, C.certificateIssued)
  async issued(@Ctx() ctx: EventContext): Promise<void> {
    const d = ctx.event.data as CertificateIssuedData;
    const at = new Date(d.issuedAt);
    await this.certificates.addIfAbsent(ctx.tx, replicaOf(d), at);
    if (d.supersedes || d.stars < 3) return;
    const cls = await this.classes.nextOpen(ctx.tx, d.provinceCode, 'PRODUCERS_3STAR', vietnamDay(at));
    if (!cls) return;
    const invitation = Object.assign(new Invitation(), {
      id: randomUUID(),
      producerId: d.producerId,
      classId: cls.id,
      provinceCode: d.provinceCode,
      reason: 'CERTIFIED',
      causeKey: `certified:${cls.id}`,
      createdAt: at,
    });
    if (!(await this.invitations.insertIfNew(ctx.tx, invitation))) return;
    await this.outbox.enqueueEvent(ctx.tx, E.producerInvited, invitation.id, {
      invitationId: invitation.id,
      producerId: d.producerId,
      classId: cls.id,
      provinceCode: d.provinceCode,
      reason: 'CERTIFIED',
      at: at.toISOString(),
    });
    await writeAudit(ctx.tx, {
      actorId: SYSTEM_ACTOR.id,
      actorRole: SYSTEM_ACTOR.role,
      action: 'invitation.create',
      entityType: 'invitation',
      entityId: invitation.id,
      details: { producerId: d.producerId, classId: cls.id, causedBy: ctx.event.id },
    });
  }

  @OnEvent(CERTIFICATES, C.certificateExpiring)
  async expiring(@Ctx() ctx: EventContext): Promise<void> {
    const d = ctx.event.data as { certificateId: string; at: string };
    await this.certificates.setStatus(ctx.tx, d.certificateId, 'EXPIRING', new Date(d.at));
  }

  @OnEvent(CERTIFICATES, C.certificateSuperseded)
  async superseded(@Ctx() ctx: EventContext): Promise<void> {
    const d = ctx.event.data as { certificateId: string; at: string };
    await this.certificates.setStatus(ctx.tx, d.certificateId, 'SUPERSEDED', new Date(d.at));
  }

  @OnEvent(CERTIFICATES, C.certificateExpired)
  async expired(@Ctx() ctx: EventContext): Promise<void> {
    const d = ctx.event.data as { certificateId: string; at: string };
    await this.certificates.setStatus(ctx.tx, d.certificateId, 'EXPIRED', new Date(d.at));
  }

  @OnEvent(CERTIFICATES, C.certificateRevoked)
  async revoked(@Ctx() ctx: EventContext): Promise<void> {
    const d = ctx.event.data as { certificateId: string; revokedAt: string };
    await this.certificates.setStatus(ctx.tx, d.certificateId, 'REVOKED', new Date(d.revokedAt));
  }
}
