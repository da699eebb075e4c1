import { randomUUID } from 'node:crypto';
import { Ctx } from '@nestjs/microservices';
import {
  CertificationEvents,
  RegistrationEvents,
  SYSTEM_ACTOR,
  type CertificateEventData,
  type CertificateExpiringData,
  type EventEnvelope,
  type ReevaluationInvitedData,
} from '@ocop/contracts';
import { DossierKind } from '@ocop/domain';
import { EventContext, EventOutbox, OnEvent, RpcController, UnrecoverableEventError, type EventConsumerSpec } from '@ocop/messaging';
import type { Tx } from '@ocop/persistence';
import { ReevaluationInvitation, type ReevaluationClosedReason } from './reevaluation-invitation.entity';
import { ReevaluationInvitationsRepository } from './reevaluation-invitations.repository';
import { auditInvitation } from './reevaluation-invitation.audit';
import { DossiersRepository } from '../dossiers/dossiers.repository';
import { ProductsRepository } from '../products/products.repository';

/**
 * The instant the event happened (its CloudEvents time). The envelope's time is not part of the data the
 * consumer validated against the payload class, so it is checked here.
 */
function timeOf(e: EventEnvelope): Date {
  const t = new Date(e.time);
  if (Number.isNaN(t.getTime())) throw new UnrecoverableEventError(`time of event ${e.id} is not a date`);
  return t;
}

/**
 * Re-evaluation invitations follow certification's events: the first expiry notice of a certificate (90, 60
 * or 30 days before its end) opens one, later notices only lower `lastNoticeDays`; a RE_EVALUATION dossier
 * for the product files it; the certificate's supersession, expiry or revocation closes it. Every handler is
 * idempotent by itself (status checks, ON CONFLICT), on top of the consumer's inbox. Filing is
 * FileReevaluationInvitationsUseCase, called by the dossier's creation.
 */
/** In stream order too: a certificate's notices precede its end. */
const REEVALUATION_INVITATIONS: EventConsumerSpec = { name: 'reevaluation-invitations', concurrency: 1 };

@RpcController()
export class ReevaluationInvitationsConsumer {
  constructor(
    private readonly invitations: ReevaluationInvitationsRepository,
    private readonly dossiers: DossiersRepository,
    private readonly products: ProductsRepository,
    private readonly outbox: EventOutbox,
  ) {}

  @OnEvent(REEVALUATION_INVITATIONS, CertificationEvents.certificateExpiring)
  expiring(@Ctx() ctx: EventContext): Promise<void> {
    return this.noticeReceived(ctx.event, ctx.tx);
  }

  @OnEvent(REEVALUATION_INVITATIONS, CertificationEvents.certificateSuperseded)
  superseded(@Ctx() ctx: EventContext): Promise<void> {
    return this.close(ctx.event, ctx.tx, 'SUPERSEDED');
  }

  @OnEvent(REEVALUATION_INVITATIONS, CertificationEvents.certificateExpired)
  expired(@Ctx() ctx: EventContext): Promise<void> {
    return this.close(ctx.event, ctx.tx, 'EXPIRED');
  }

  @OnEvent(REEVALUATION_INVITATIONS, CertificationEvents.certificateRevoked)
  revoked(@Ctx() ctx: EventContext): Promise<void> {
    return this.close(ctx.event, ctx.tx, 'REVOKED');
  }

  private async noticeReceived(e: EventEnvelope, tx: Tx): Promise<void> {
    // Validated by the consumer against CertificateExpiringData: ids are UUIDs, milestoneDays 1-3650, validTo and at instants.
    const c = e.data as CertificateExpiringData;
    const days = c.milestoneDays;
    const validTo = new Date(c.validTo);
    if (!(await this.products.lock(tx, c.productId)))
      throw new UnrecoverableEventError(`${e.type} ${e.id}: unknown product ${c.productId}`);

    const existing = await this.invitations.getByCertificateForUpdate(tx, c.certificateId);
    if (existing) {
      // A later notice (or a late one of an earlier milestone, which changes nothing).
      if (existing.status === 'CLOSED' || days >= existing.lastNoticeDays) return;
      const from = existing.lastNoticeDays;
      existing.lastNoticeDays = days;
      await this.invitations.save(tx, existing);
      await auditInvitation(tx, SYSTEM_ACTOR, existing, 'notice', { from, to: days, causedBy: e.id });
      return;
    }

    const certified = await this.dossiers.getForSystem(c.dossierId, tx);
    if (!certified) throw new UnrecoverableEventError(`${e.type} ${e.id}: unknown dossier ${c.dossierId}`);
    // A producer may file before the first notice: the invitation is then filed from the start.
    const filed = await this.dossiers.newestActiveOfProductForSystem(tx, c.productId, DossierKind.RE_EVALUATION, certified.createdAt);
    const product = await this.products.find(c.productId, tx);
    const inv = Object.assign(new ReevaluationInvitation(), {
      id: randomUUID(),
      certificateId: c.certificateId,
      certificateNumber: c.number,
      certificateCode: c.code,
      productId: c.productId,
      productName: product?.name ?? c.productName,
      producerId: c.producerId,
      dossierId: certified.id,
      provinceCode: certified.provinceCode,
      districtCode: certified.districtCode,
      communeCode: certified.communeCode,
      validTo,
      openedAt: new Date(c.at), // the sweep's as-of instant (a test may drive time)
      lastNoticeDays: days,
      status: filed ? 'DOSSIER_FILED' : 'OPEN',
      reevaluationDossierId: filed?.id ?? null,
      closedReason: null,
      closedAt: null,
    });
    if (!(await this.invitations.insertIfAbsent(tx, inv))) return;
    await auditInvitation(tx, SYSTEM_ACTOR, inv, 'open', { noticeDays: days, validTo: c.validTo, status: inv.status, causedBy: e.id });
    const data: ReevaluationInvitedData = {
      invitationId: inv.id,
      dossierId: certified.id,
      certificateId: inv.certificateId,
      certificateNumber: inv.certificateNumber,
      productId: inv.productId,
      producerId: inv.producerId,
      validTo: validTo.toISOString(),
      noticeDays: days,
      status: inv.status,
      reevaluationDossierId: inv.reevaluationDossierId,
      communeCode: inv.communeCode,
      provinceCode: inv.provinceCode,
    };
    await this.outbox.enqueueEvent(tx, RegistrationEvents.reevaluationInvited, certified.id, data);
  }

  private async close(e: EventEnvelope, tx: Tx, reason: ReevaluationClosedReason): Promise<void> {
    const c = e.data as CertificateEventData;
    const inv = await this.invitations.getByCertificateForUpdate(tx, c.certificateId);
    if (!inv || inv.status === 'CLOSED') return; // no notice came before, or already closed
    const from = inv.status;
    Object.assign(inv, { status: 'CLOSED', closedReason: reason, closedAt: timeOf(e) });
    await this.invitations.save(tx, inv);
    await auditInvitation(tx, SYSTEM_ACTOR, inv, 'close', { from, reason, causedBy: e.id });
  }
}
