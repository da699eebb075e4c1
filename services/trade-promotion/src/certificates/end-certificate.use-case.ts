import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  SYSTEM_ACTOR,
  TradePromotionEvents as E,
  type CertificateExpiredData,
  type CertificateRevokedData,
  type EventEnvelope,
} from '@ocop/contracts';
import { EventOutbox } from '@ocop/messaging';
import { writeAuditMany, type Tx } from '@ocop/persistence';
import { ApplicationsRepository } from '../applications/applications.repository';
import { ParticipationWorkflow } from '../applications/participation.workflow';
import { PromotionEventsRepository } from '../events/promotion-events.repository';
import { Message } from '../messages/message.entity';
import { MessagesRepository } from '../messages/messages.repository';
import { productWithdrawnMessage, shelfProductWithdrawnMessage } from '../messages/product-withdrawn.document';
import { SalesPointsRepository } from '../sales-points/sales-points.repository';
import { ShelvesRepository } from '../sales-points/shelves.repository';
import { CertificatesRepository } from './certificates.repository';
import { CataloguePublisher } from './catalogue.publisher';

/**
 * A certificate revoked or expired: its product leaves every shelf and every event that has not begun, at once. An
 * application left with no product is withdrawn (its slot goes to the waiting list); each event's organiser and each
 * point's operator gets one message. The
 * handler runs once per event (the inbox); the message's key (the handled event and the promotion event) makes it once
 * even if it did not.
 */
@Injectable()
export class EndCertificateUseCase {
  constructor(
    private readonly certificates: CertificatesRepository,
    private readonly applications: ApplicationsRepository,
    private readonly events: PromotionEventsRepository,
    private readonly participation: ParticipationWorkflow,
    private readonly messages: MessagesRepository,
    private readonly outbox: EventOutbox,
    private readonly shelves: ShelvesRepository,
    private readonly points: SalesPointsRepository,
    private readonly catalogue: CataloguePublisher,
  ) {}

  async execute(e: EventEnvelope, tx: Tx, status: 'REVOKED' | 'EXPIRED'): Promise<void> {
    const d = e.data as CertificateRevokedData | CertificateExpiredData;
    const at = new Date('revokedAt' in d ? d.revokedAt : d.at);
    const reason = status === 'REVOKED' ? 'CERTIFICATE_REVOKED' : 'CERTIFICATE_EXPIRED';
    if (await this.certificates.setStatus(tx, d.certificateId, status, at)) await this.catalogue.changed(tx, d, 'DELISTED', at);
    const certificate = await this.certificates.get(tx, d.certificateId);
    await this.offShelves(e, tx, reason, at, certificate?.number ?? d.number);
    const affected = await this.applications.onUpcomingEvents(tx, d.certificateId, at);
    if (!affected.length) return;
    for (const eventId of [...new Set(affected.map((x) => x.eventId))]) {
      const event = (await this.events.lock(tx, eventId))!;
      const here = affected.filter((x) => x.eventId === eventId);
      const named: { productName: string; producerName: string; certificateNumber: string }[] = [];
      for (const x of here) {
        await this.applications.withdrawProduct(tx, x.applicationId, x.productId, reason, at);
        await this.outbox.enqueueEvent(tx, E.productWithdrawn, x.applicationId, {
          eventId,
          provinceCode: event.provinceCode,
          applicationId: x.applicationId,
          producerId: x.producerId,
          productId: x.productId,
          certificateId: d.certificateId,
          reason,
          at: at.toISOString(),
        });
        const app = (await this.applications.get({ kind: 'all' }, x.applicationId, tx))!;
        named.push({
          productName: app.products.find((p) => p.productId === x.productId)!.productName,
          producerName: app.producerName,
          certificateNumber: certificate?.number ?? d.number,
        });
        if (app.status !== 'WITHDRAWN' && !app.products.some((p) => p.status === 'ACTIVE'))
          await this.participation.withdraw(tx, SYSTEM_ACTOR, event, app, reason, `the certificate ${d.number} ended (${status})`, at);
      }
      const text = productWithdrawnMessage({ eventTitle: event.title, eventStartsAt: event.startsAt, products: named, reason, at });
      await this.messages.insertIfNew(
        tx,
        Object.assign(new Message(), {
          id: randomUUID(),
          recipientUserId: event.createdById,
          template: 'product-withdrawn',
          ...text,
          promotionEventId: eventId,
          causeKey: `${e.id}:${eventId}`,
          createdAt: at,
        }),
      );
    }
    await writeAuditMany(
      tx,
      affected.map((x) => ({
        actorId: SYSTEM_ACTOR.id,
        actorRole: SYSTEM_ACTOR.role,
        action: 'application-product.withdraw',
        entityType: 'application',
        entityId: x.applicationId,
        details: { productId: x.productId, certificateId: d.certificateId, reason, causedBy: e.id },
      })),
    );
  }

  /** The certificate's products leave every shelf; each point's operator is told once. */
  private async offShelves(
    e: EventEnvelope,
    tx: Tx,
    reason: 'CERTIFICATE_REVOKED' | 'CERTIFICATE_EXPIRED',
    at: Date,
    number: string,
  ): Promise<void> {
    const d = e.data as CertificateRevokedData | CertificateExpiredData;
    const items = await this.shelves.activeOfCertificate(tx, d.certificateId);
    for (const item of items) {
      const point = (await this.points.get(item.salesPointId, tx))!;
      await this.shelves.withdraw(tx, item.salesPointId, item.productId, reason, at);
      await this.outbox.enqueueEvent(tx, E.shelfProductWithdrawn, item.salesPointId, {
        salesPointId: item.salesPointId,
        provinceCode: point.provinceCode,
        producerId: item.producerId,
        productId: item.productId,
        certificateId: d.certificateId,
        reason,
        at: at.toISOString(),
      });
      await this.messages.insertIfNew(
        tx,
        Object.assign(new Message(), {
          id: randomUUID(),
          recipientUserId: point.operatorUserId ?? point.createdById,
          template: 'shelf-product-withdrawn',
          ...shelfProductWithdrawnMessage({
            pointName: point.name,
            productName: item.productName,
            producerName: item.producerName,
            certificateNumber: number,
            reason,
            at,
          }),
          promotionEventId: null,
          causeKey: `${e.id}:shelf:${item.salesPointId}`,
          createdAt: at,
        }),
      );
    }
    await writeAuditMany(
      tx,
      items.map((i) => ({
        actorId: SYSTEM_ACTOR.id,
        actorRole: SYSTEM_ACTOR.role,
        action: 'shelf-item.withdraw',
        entityType: 'sales_point',
        entityId: i.salesPointId,
        details: { productId: i.productId, certificateId: d.certificateId, reason, causedBy: e.id },
      })),
    );
  }
}
