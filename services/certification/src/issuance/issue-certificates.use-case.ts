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
import { EventOutbox, UnrecoverableEventError } from '@ocop/messaging';
import { writeAudit, type Tx } from '@ocop/persistence';
import { CERTIFICATION_CONFIG } from '../certification.tokens';
import type { CertificationConfig } from '../config/certification.config';
import { Authorities, type AuthorityNames } from '../authorities/authorities';
import { CertificateSigner } from '../signing/certificate-signer';
import type { CertificateClaims } from '../signing/offline-verifier';
import { Notifications } from '../notifications/notifications';
import { CERTIFICATE_COLUMNS, certificateEventData, type CertificateRow } from '../certificates/certificate-row';
import { vietnamNumericDate } from '@ocop/documents';
import { isoDay, nextNumber, verificationCode } from '../certificates/numbering';

const TIER_VI: Record<string, string> = { DISTRICT: 'cấp huyện', PROVINCE: 'cấp tỉnh', CENTRAL: 'cấp trung ương' };
export const tierVi = (tier: string): string => TIER_VI[tier] ?? tier;

/** The public verification URL printed as the QR code: the code plus the signature, so it can be checked offline. */
export const verifyUrl = (base: string, code: string, signature: string | null): string =>
  `${base}/verify/${code}${signature ? `?s=${signature}` : ''}`;

/**
 * Issuance: a council's "certify here" outcome becomes the authority's decision (one per session and authority,
 * numbered per authority and year) and exactly one certificate per evaluation. The certificate row is written
 * before it is signed and the signature is stored in the same transaction, so nothing signed can exist
 * outside the registry (where it can be found and revoked). A new certificate supersedes the product's
 * previous one, linked both ways.
 */
@Injectable()
export class IssueCertificatesUseCase {
  constructor(
    @Inject(CERTIFICATION_CONFIG) private readonly config: CertificationConfig,
    private readonly authorities: Authorities,
    private readonly signer: CertificateSigner,
    private readonly outbox: EventOutbox,
    private readonly notifications: Notifications,
  ) {}

  /**
   * Before the inbox transaction: the issuing authority's names on the decision's date, which come from
   * registration's units over NATS (cached), so no lock is held while they are asked for. Null: no certificate.
   */
  async prepareIssuance(e: EventEnvelope): Promise<AuthorityNames | null> {
    const d = e.data as EvaluationCompletedData;
    if (d.outcome !== 'CERTIFY') return null;
    if (!d.authorityUnitCode || !d.certifyingTier || ![3, 4, 5].includes(d.stars)) {
      throw new UnrecoverableEventError(`${e.type} ${e.id}: CERTIFY without an authority, a tier or 3-5 stars`);
    }
    return this.authorities.describe(d.authorityUnitCode, d.provinceCode, new Date(d.completedAt));
  }

  /** In the inbox transaction: the decision and exactly one certificate for the evaluation. */
  async onEvaluationCompleted(e: EventEnvelope, tx: Tx, names: AuthorityNames | null): Promise<void> {
    const d = e.data as EvaluationCompletedData;
    if (!names || !d.authorityUnitCode || !d.certifyingTier) return; // prepareIssuance refused a CERTIFY without them
    // Exactly one certificate per evaluation, whatever the redeliveries (the inbox already drops exact repeats).
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`certify:${d.evaluationId}`]);
    const existing: { id: string }[] = await tx.query('SELECT id FROM certification.certificate WHERE evaluation_id = $1', [
      d.evaluationId,
    ]);
    if (existing.length) return;

    const decidedAt = new Date(d.completedAt);
    const decision = await this.decisionFor(tx, d, decidedAt, names);
    const year = vietnamYear(decidedAt);
    const seq = await nextNumber(tx, 'CERTIFICATE', d.authorityUnitCode, year);
    const number = `${d.authorityUnitCode}-${year}-${String(seq).padStart(4, '0')}/GCN-OCOP`;
    const validFrom = vietnamCalendarDate(decidedAt);
    const validTo = certificateValidTo(validFrom);
    const id = randomUUID();
    const code = verificationCode(randomBytes(10));

    const previous: CertificateRow | undefined = (
      await tx.query(
        `SELECT ${CERTIFICATE_COLUMNS} FROM certification.certificate c WHERE c.product_id = $1 AND c.superseded_by_id IS NULL
         AND c.status IN ('ACTIVE','EXPIRING','EXPIRED') ORDER BY c.valid_from DESC LIMIT 1 FOR UPDATE`,
        [d.productId],
      )
    )[0];

    // 1. Record the issuance. 2. Sign what was recorded. 3. Store the signature (same transaction).
    await tx.query(
      `INSERT INTO certification.certificate (id, number, code, evaluation_id, dossier_id, product_id, producer_id, product_name, producer_name,
         product_set_code, stars, tier, authority_unit_code, province_code, decision_id, valid_from, valid_to, status, status_changed_at, supersedes_id, issued_at, created_at,
         provisional_criteria)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,'ACTIVE',$18,$19,$18,$18,$20)`,
      [
        id,
        number,
        code,
        d.evaluationId,
        d.dossierId,
        d.productId,
        d.producerId,
        d.productName,
        d.producerName,
        d.productSetCode,
        d.stars,
        d.certifyingTier,
        d.authorityUnitCode,
        d.provinceCode,
        decision.id,
        validFrom,
        validTo,
        decidedAt,
        previous?.id ?? null,
        d.provisionalCriteria === true,
      ],
    );
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
    await tx.query('UPDATE certification.certificate SET kid = $2, signature = $3 WHERE id = $1', [id, this.signer.kid, signature]);

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
    const events: { type: string; subject: string; data: unknown }[] = [];
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
    };
    events.push({ type: E.certificateIssued, subject: id, data: issued });
    if (previous) {
      await tx.query(
        `UPDATE certification.certificate SET superseded_by_id = $2,
           status = CASE WHEN status = 'EXPIRED' THEN status ELSE 'SUPERSEDED' END, status_changed_at = $3 WHERE id = $1`,
        [previous.id, id, decidedAt],
      );
      // A product re-evaluated in time is not revoked for want of re-evaluation.
      await tx.query(
        `UPDATE certification.revocation SET status = 'REJECTED', rejection_note = $2, decided_by = 'system', decided_at = $3
        WHERE certificate_id = $1 AND source = 'EXPIRY' AND status = 'REQUESTED'`,
        [previous.id, `re-evaluated: superseded by ${number}`, decidedAt],
      );
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
    await this.outbox.enqueueMany(tx, events);
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
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`decision:${d.sessionId}:${authority}`]);
    const found: { id: string; reference: string }[] = await tx.query(
      `SELECT id, reference FROM certification.decision WHERE kind = 'ISSUE' AND session_id = $1 AND authority_unit_code = $2`,
      [d.sessionId, authority],
    );
    if (found[0]) return { ...found[0], created: false };
    const year = vietnamYear(decidedAt);
    const seq = await nextNumber(tx, 'DECISION', authority, year);
    const id = randomUUID();
    const reference = `${seq}/${names.decisionSymbol}`;
    await tx.query(
      `INSERT INTO certification.decision (id, kind, authority_unit_code, authority_tier, province_code, year, seq, reference, session_id,
         authority_vi, issuer_vi, place_vi, decided_at, decided_by, created_at)
       VALUES ($1,'ISSUE',$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,'system',$12)`,
      [
        id,
        authority,
        d.certifyingTier,
        d.provinceCode,
        year,
        seq,
        reference,
        d.sessionId,
        names.authorityVi,
        names.issuerVi,
        names.placeVi,
        decidedAt,
      ],
    );
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
