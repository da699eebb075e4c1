import { Injectable } from '@nestjs/common';
import {
  CertificationEvents as C,
  InspectionEvents as E,
  SYSTEM_ACTOR,
  type CertificateEventData,
  type CertificateIssuedData,
  type EventEnvelope,
} from '@ocop/contracts';
import { findProductSet } from '@ocop/domain';
import { EventOutbox, UnrecoverableEventError } from '@ocop/messaging';
import { writeAuditMany, type Tx } from '@ocop/persistence';

/**
 * The certificates campaigns select from, kept from certification's events: a new certificate enters the
 * pool; an expiring one stays in it; a superseded, expired or revoked one leaves it and its open tasks are
 * cancelled (with an event each).
 */
@Injectable()
export class CertificatePool {
  constructor(private readonly outbox: EventOutbox) {}

  handlers(): Record<string, (e: EventEnvelope, tx: Tx) => Promise<void>> {
    return {
      [C.certificateIssued]: (e, tx) => this.issued(e, tx),
      [C.certificateExpiring]: (e, tx) => this.status(e, tx, 'EXPIRING'),
      [C.certificateSuperseded]: (e, tx) => this.status(e, tx, 'SUPERSEDED'),
      [C.certificateExpired]: (e, tx) => this.status(e, tx, 'EXPIRED'),
      [C.certificateRevoked]: (e, tx) => this.status(e, tx, 'REVOKED'),
    };
  }

  private async issued(e: EventEnvelope, tx: Tx): Promise<void> {
    const d = e.data as CertificateIssuedData;
    const group = findProductSet(d.productSetCode)?.group;
    if (!group) throw new UnrecoverableEventError(`${e.type} ${e.id}: unknown product set ${d.productSetCode}`);
    await tx.query(
      `INSERT INTO inspection.certificate_pool (certificate_id, number, code, product_id, product_name, product_set_code, product_group, producer_id, province_code,
         authority_unit_code, stars, valid_from, valid_to, issued_at, status, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,'ACTIVE',$14) ON CONFLICT (certificate_id) DO NOTHING`,
      [
        d.certificateId,
        d.number,
        d.code,
        d.productId,
        d.productName,
        d.productSetCode,
        group,
        d.producerId,
        d.provinceCode,
        d.authorityUnitCode,
        d.stars,
        d.validFrom,
        d.validTo,
        d.issuedAt,
      ],
    );
  }

  private async status(e: EventEnvelope, tx: Tx, status: string): Promise<void> {
    const d = e.data as CertificateEventData & { at?: string; revokedAt?: string };
    const at = new Date(d.revokedAt ?? d.at ?? e.time);
    // A final state is never undone by a late EXPIRING.
    await tx.query(
      `UPDATE inspection.certificate_pool SET status = $2, updated_at = $3 WHERE certificate_id = $1 AND status NOT IN ('SUPERSEDED','EXPIRED','REVOKED')`,
      [d.certificateId, status, at],
    );
    if (status === 'EXPIRING') return;
    const cancelled: { id: string; campaign_id: string }[] =
      (
        await tx.query(
          `UPDATE inspection.task SET status = 'CANCELLED', cancelled_reason = $2 WHERE certificate_id = $1 AND status = 'OPEN' RETURNING id, campaign_id`,
          [d.certificateId, `certificate ${status.toLowerCase()}`],
        )
      )[0] ?? [];
    if (!cancelled.length) return;
    await this.outbox.enqueueMany(
      tx,
      cancelled.map((t) => ({
        type: E.taskCancelled,
        subject: t.id,
        data: {
          taskId: t.id,
          campaignId: t.campaign_id,
          certificateId: d.certificateId,
          reason: `CERTIFICATE_${status}`,
          at: at.toISOString(),
        },
      })),
    );
    await writeAuditMany(
      tx,
      cancelled.map((t) => ({
        actorId: SYSTEM_ACTOR.id,
        actorRole: SYSTEM_ACTOR.role,
        action: 'task.cancel',
        entityType: 'task',
        entityId: t.id,
        details: { reason: status, causedBy: e.id },
      })),
    );
  }
}
