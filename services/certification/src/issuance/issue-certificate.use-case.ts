import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  CertificationEvents as E,
  SYSTEM_ACTOR,
  type CertificateIssuedData,
  type CertificateSupersededData,
  type EvaluationCompletedData,
  type EventEnvelope,
} from '@ocop/contracts';
import { certificateValidTo, vietnamCalendarDate, vietnamYear } from '@ocop/domain';
import { EventOutbox, type OutboxEvent } from '@ocop/messaging';
import { writeAudit, type Tx } from '@ocop/persistence';
import { CERTIFICATION_CONFIG } from '../certification.tokens';
import type { CertificationConfig } from '../config/certification.config';
import type { AuthorityNames } from '../authorities/authorities.client';
import { CertificateSigner } from '../signing/certificate.signer';
import type { CertificateClaims } from '@ocop/verification';
import { NotificationOutbox } from '../notifications/notification.outbox';
import { certificateEventData } from '../certificates/certificate.mapper';
import { CertificatesRepository } from '../certificates/certificates.repository';
import { DecisionsRepository } from '../certificates/decisions.repository';
import { NumberCountersRepository } from '../certificates/number-counters.repository';
import { RevocationsRepository } from '../revocation/revocations.repository';
import { verifyUrl } from '../certificates/certificate-wording.document';
import { vietnamNumericDate } from '@ocop/documents';
import { isoDay, verificationCode } from '../certificates/certificate-numbering.policy';

/**
 * Issuance: a council's "certify here" outcome becomes the authority's decision (one per session and authority,
 * numbered per authority and year) and exactly one certificate per evaluation. The certificate row is written
 * before it is signed and the signature is stored in the same transaction, so nothing signed can exist
 * outside the registry (where it can be found and revoked). A new certificate supersedes the product's
 * previous one, linked both ways.
 */
@Injectable()
export class IssueCertificateUseCase {
  constructor(
    @Inject(CERTIFICATION_CONFIG) private readonly config: CertificationConfig,
    private readonly signer: CertificateSigner,
    private readonly outbox: EventOutbox,
    private readonly notifications: NotificationOutbox,
    private readonly certificates: CertificatesRepository,
    private readonly decisions: DecisionsRepository,
    private readonly counters: NumberCountersRepository,
    private readonly revocations: RevocationsRepository,
  ) {}

  /** In the inbox transaction: the decision and exactly one certificate for the evaluation (`names` from `NameIssuingAuthorityUseCase`). */
  async execute(e: EventEnvelope, tx: Tx, names: AuthorityNames | null): Promise<void> {
    const d = e.data as EvaluationCompletedData;
    if (!names || !d.authorityUnitCode || !d.certifyingTier) return; // prepareIssuance refused a CERTIFY without them
    // Exactly one certificate per evaluation, whatever the redeliveries (the inbox already drops exact repeats).
    await this.certificates.lockIssuanceOf(tx, d.evaluationId);
    if (await this.certificates.existsForEvaluation(tx, d.evaluationId)) return;

    const decidedAt = new Date(d.completedAt);
    const decision = await this.decisionFor(tx, d, decidedAt, names);
    const year = vietnamYear(decidedAt);
    const seq = await this.counters.next(tx, 'CERTIFICATE', d.authorityUnitCode, year);
    const number = `${d.authorityUnitCode}-${year}-${String(seq).padStart(4, '0')}/GCN-OCOP`;
    const validFrom = vietnamCalendarDate(decidedAt);
    const validTo = certificateValidTo(validFrom);
    const id = randomUUID();
    const code = verificationCode(randomBytes(10));

    const previous = await this.certificates.lockCurrentOfProduct(tx, d.productId);

    // 1. Record the issuance. 2. Sign what was recorded. 3. Store the signature (same transaction).
    await this.certificates.insertIssued(tx, {
      id,
      number,
      code,
      evaluationId: d.evaluationId,
      dossierId: d.dossierId,
      productId: d.productId,
      producerId: d.producerId,
      productName: d.productName,
      producerName: d.producerName,
      productSetCode: d.productSetCode,
      stars: d.stars,
      tier: d.certifyingTier,
      authorityUnitCode: d.authorityUnitCode,
      provinceCode: d.provinceCode,
      decisionId: decision.id,
      validFrom,
      validTo,
      supersedesId: previous?.id ?? null,
      issuedAt: decidedAt,
      provisionalCriteria: d.provisionalCriteria === true,
    });
    const claims: CertificateClaims = {
      v: 1,
      n: number,
      c: code,
      p: d.productName,
      h: d.producerName,
      s: d.stars,
      f: isoDay(validFrom),
      t: isoDay(validTo),
      a: d.authorityUnitCode,
      d: decision.reference,
    };
    const signature = await this.signer.signCertificate(tx, claims, decidedAt);
    await this.certificates.storeSignature(tx, id, this.signer.kid, signature);

    const certificate = {
      id,
      number,
      code,
      dossierId: d.dossierId,
      productId: d.productId,
      producerId: d.producerId,
      provinceCode: d.provinceCode,
      authorityUnitCode: d.authorityUnitCode,
    };
    const events: OutboxEvent[] = [];
    if (decision.created) {
      events.push({
        type: E.decisionIssued,
        subject: decision.id,
        data: {
          decisionId: decision.id,
          kind: 'ISSUE',
          reference: decision.reference,
          authorityUnitCode: d.authorityUnitCode,
          provinceCode: d.provinceCode,
          sessionId: d.sessionId,
          decidedAt: decidedAt.toISOString(),
        },
      });
    }
    const issued: CertificateIssuedData = {
      ...certificateEventData(certificate),
      evaluationId: d.evaluationId,
      productName: d.productName,
      producerName: d.producerName,
      productSetCode: d.productSetCode,
      stars: d.stars,
      tier: d.certifyingTier,
      decisionId: decision.id,
      decisionReference: decision.reference,
      validFrom: validFrom.toISOString(),
      validTo: validTo.toISOString(),
      supersedes: previous?.id ?? null,
      issuedAt: decidedAt.toISOString(),
      // Passed on as scoring gave it; an older event without it leaves it out, and readers ask registration.
      ...(d.producerDistrictCode !== undefined ? { producerDistrictCode: d.producerDistrictCode } : {}),
    };
    events.push({ type: E.certificateIssued, subject: id, data: issued });
    if (previous) {
      await this.certificates.markSuperseded(tx, previous.id, id, decidedAt);
      // A product re-evaluated in time is not revoked for want of re-evaluation.
      await this.revocations.rejectOpenExpiryRequest(tx, previous.id, `re-evaluated: superseded by ${number}`, decidedAt);
      const superseded: CertificateSupersededData = {
        ...certificateEventData(previous),
        supersededBy: id,
        supersededByNumber: number,
        at: decidedAt.toISOString(),
      };
      events.push({ type: E.certificateSuperseded, subject: previous.id, data: superseded });
      await writeAudit(tx, {
        actorId: SYSTEM_ACTOR.id,
        actorRole: SYSTEM_ACTOR.role,
        action: 'certificate.supersede',
        entityType: 'certificate',
        entityId: previous.id,
        details: { supersededBy: id },
      });
    }
    await this.outbox.enqueueEvents(tx, events);
    await writeAudit(tx, {
      actorId: SYSTEM_ACTOR.id,
      actorRole: SYSTEM_ACTOR.role,
      action: 'certificate.issue',
      entityType: 'certificate',
      entityId: id,
      details: {
        number,
        evaluationId: d.evaluationId,
        decisionId: decision.id,
        stars: d.stars,
        kid: this.signer.kid,
        causedBy: e.id,
        provisionalCriteria: d.provisionalCriteria === true,
      },
    });
    await this.notifications.queue(
      tx,
      [
        {
          producerId: d.producerId,
          template: 'certificate-issued',
          certificateId: id,
          dossierId: d.dossierId,
          dedupKey: `issued:${id}`,
          subject: `Sản phẩm "${d.productName}" được công nhận đạt ${d.stars} sao OCOP`,
          body:
            `Sản phẩm "${d.productName}" được công nhận đạt ${d.stars} sao theo Quyết định số ${decision.reference}. Giấy chứng nhận số ${number} ` +
            `có giá trị từ ngày ${vietnamNumericDate(validFrom)} đến ngày ${vietnamNumericDate(validTo)}. Kiểm tra: ${verifyUrl(this.config.publicBaseUrl, code, null)}` +
            (previous ? `. Giấy chứng nhận số ${previous.number} được thay thế.` : '.'),
        },
      ],
      decidedAt,
    );
  }

  /** The authority's decision for this session (created with the first certificate, numbered once). */
  private async decisionFor(
    tx: Tx,
    d: EvaluationCompletedData,
    decidedAt: Date,
    names: AuthorityNames,
  ): Promise<{ id: string; reference: string; created: boolean }> {
    const authority = d.authorityUnitCode as string;
    await this.decisions.lockSessionDecision(tx, d.sessionId, authority);
    const found = await this.decisions.findSessionDecision(tx, d.sessionId, authority);
    if (found) return { id: found.id, reference: found.reference, created: false };
    const year = vietnamYear(decidedAt);
    const seq = await this.counters.next(tx, 'DECISION', authority, year);
    const id = randomUUID();
    const reference = `${seq}/${names.decisionSymbol}`;
    await this.decisions.insert(tx, {
      id,
      kind: 'ISSUE',
      authorityUnitCode: authority,
      authorityTier: d.certifyingTier as string,
      provinceCode: d.provinceCode,
      year,
      seq,
      reference,
      sessionId: d.sessionId,
      citesDecisionId: null,
      authorityVi: names.authorityVi,
      issuerVi: names.issuerVi,
      placeVi: names.placeVi,
      decidedAt,
      decidedBy: 'system',
    });
    await writeAudit(tx, {
      actorId: SYSTEM_ACTOR.id,
      actorRole: SYSTEM_ACTOR.role,
      action: 'decision.issue',
      entityType: 'decision',
      entityId: id,
      details: { reference, sessionId: d.sessionId },
    });
    return { id, reference, created: true };
  }
}
