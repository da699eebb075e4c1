import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, CertificationEvents as E, type Actor, type CertificateRevokedData } from '@ocop/contracts';
import { REVOCATION_REASONS, isRevocable, vietnamYear } from '@ocop/domain';
import { vietnamNumericDate } from '@ocop/documents';
import { EventOutbox } from '@ocop/messaging';
import { writeAudit } from '@ocop/persistence';
import { CERTIFICATION_CONFIG } from '../certification.tokens';
import type { CertificationConfig } from '../config/certification.config';
import { certificateEventData } from '../certificates/certificate.mapper';
import { assertIssuingOfficer } from '../certificates/certificate-access.policy';
import { CertificatesRepository } from '../certificates/certificates.repository';
import { DecisionsRepository } from '../certificates/decisions.repository';
import { NumberCountersRepository } from '../certificates/number-counters.repository';
import { NotificationOutbox } from '../notifications/notification.outbox';
import { Authorities } from '../authorities/authorities.client';
import { RevocationTimers } from './revocation.timers';
import { RevocationsRepository, type RevocationRow } from './revocations.repository';
import { actingAuthority } from './acting-authority.policy';
import { GetRevocationQuery } from './get-revocation.query';

const DAY_MS = 86_400_000;

/**
 * The issuing authority decides: a REVOKE decision citing the original one and a reason; the certificate is
 * REVOKED for good. The producer then returns the certificate and takes the OCOP mark off its packaging by a
 * deadline; a reminder before it and an escalation to inspection when it passes unconfirmed (`RevocationTimers`).
 */
@Injectable()
export class DecideRevocationUseCase {
  constructor(
    private readonly ds: DataSource,
    private readonly timers: RevocationTimers,
    private readonly outbox: EventOutbox,
    private readonly notifications: NotificationOutbox,
    private readonly authorities: Authorities,
    private readonly certificates: CertificatesRepository,
    private readonly decisions: DecisionsRepository,
    private readonly counters: NumberCountersRepository,
    private readonly revocations: RevocationsRepository,
    private readonly getRevocation: GetRevocationQuery,
    @Inject(CERTIFICATION_CONFIG) private readonly config: CertificationConfig,
  ) {}

  async execute(actor: Actor, revocationId: string, asOf: Date): Promise<RevocationRow> {
    // The deciding authority's names come from registration over NATS: read before the transaction, never while
    // holding its locks (the authority's codes never change, so the locked rows below name the same one).
    const seen = await this.certificates.getForSystem((await this.revocations.getForSystem(revocationId)).certificateId);
    const names = await this.authorities.describe(actingAuthority(seen, asOf).authorityUnitCode, seen.provinceCode, asOf);
    const steps = await this.ds.transaction(async (tx) => {
      const r = await this.revocations.lockForSystem(tx, revocationId);
      const c = await this.certificates.lockForSystem(tx, r.certificateId);
      const acting = actingAuthority(c, asOf);
      assertIssuingOfficer(actor, { ...c, ...acting }, `decides on certificate ${c.number}`);
      if (r.status !== 'REQUESTED') throw AppError.conflict('REVOCATION_NOT_OPEN', `revocation ${r.id} is ${r.status}`);
      if (!isRevocable(c.status)) throw AppError.conflict('CERTIFICATE_NOT_REVOCABLE', `certificate ${c.number} is ${c.status}`);
      const original = await this.decisions.getForSystem(c.decisionId, tx);
      const year = vietnamYear(asOf);
      const seq = await this.counters.next(tx, 'DECISION', acting.authorityUnitCode, year);
      const decisionId = randomUUID();
      const reference = `${seq}/${names.decisionSymbol}`;
      await this.decisions.insert(tx, {
        id: decisionId,
        kind: 'REVOKE',
        authorityUnitCode: acting.authorityUnitCode,
        authorityTier: acting.tier,
        provinceCode: c.provinceCode,
        year,
        seq,
        reference,
        sessionId: null,
        citesDecisionId: original?.id ?? null,
        authorityVi: names.authorityVi,
        issuerVi: names.issuerVi,
        placeVi: names.placeVi,
        decidedAt: asOf,
        decidedBy: actor.username,
      });
      const returnDeadline = new Date(asOf.getTime() + this.config.returnDays * DAY_MS);
      const reminderDueAt = new Date(returnDeadline.getTime() - this.config.reminderDaysBefore * DAY_MS);
      await this.certificates.markRevoked(tx, c.id, asOf, r.reasonCode);
      await this.revocations.markRevoked(tx, r.id, {
        decisionId,
        decidedBy: actor.username,
        decidedAt: asOf,
        returnDeadline,
        reminderDueAt,
      });
      const data: CertificateRevokedData = {
        ...certificateEventData(c),
        revocationId: r.id,
        source: r.source,
        reasonCode: r.reasonCode,
        decisionId,
        decisionReference: reference,
        originalDecisionReference: original?.reference ?? '',
        revokedAt: asOf.toISOString(),
        returnDeadline: returnDeadline.toISOString(),
      };
      await this.outbox.enqueueEvents(tx, [
        {
          type: E.decisionIssued,
          subject: decisionId,
          data: {
            decisionId,
            kind: 'REVOKE',
            reference,
            authorityUnitCode: acting.authorityUnitCode,
            provinceCode: c.provinceCode,
            citesDecisionId: original?.id ?? null,
            decidedAt: asOf.toISOString(),
          },
        },
        { type: E.certificateRevoked, subject: c.id, data },
      ]);
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'revocation.decide',
        entityType: 'revocation',
        entityId: r.id,
        details: { decisionId, reference },
      });
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'decision.revoke',
        entityType: 'decision',
        entityId: decisionId,
        details: { reference, revocationId: r.id },
      });
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'certificate.revoke',
        entityType: 'certificate',
        entityId: c.id,
        details: { revocationId: r.id, reasonCode: r.reasonCode, decisionId },
      });
      await this.notifications.queue(
        tx,
        [
          {
            producerId: c.producerId,
            template: 'certificate-revoked',
            certificateId: c.id,
            dossierId: c.dossierId,
            dedupKey: `revoked:${c.id}`,
            subject: `Thu hồi Giấy chứng nhận OCOP số ${c.number}`,
            body:
              `Theo Quyết định số ${reference}, Giấy chứng nhận OCOP số ${c.number} của sản phẩm "${c.productName}" bị thu hồi ` +
              `(lý do: ${REVOCATION_REASONS[r.reasonCode]}). Đề nghị chủ thể nộp lại Giấy chứng nhận và gỡ bỏ biểu trưng OCOP trên bao bì trước ngày ${vietnamNumericDate(returnDeadline)}.`,
          },
        ],
        asOf,
      );
      return [
        { step: 'reminder' as const, at: reminderDueAt },
        { step: 'deadline' as const, at: returnDeadline },
      ];
    });
    await this.timers.schedule(revocationId, steps); // after the decision committed
    return this.getRevocation.execute(actor, revocationId);
  }
}
