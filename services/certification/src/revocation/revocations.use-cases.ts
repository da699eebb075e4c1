import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AppError,
  DEFAULT_PAGE,
  CertificationEvents as E,
  Role,
  SYSTEM_ACTOR,
  type Actor,
  type CertificateRevokedData,
  type EventEnvelope,
  type InspectionRevocationRequestedData,
  type RevocationFollowUpData,
  type RevocationRejectedData,
  type RevocationRequestedData,
  type RevocationSource,
} from '@ocop/contracts';
import {
  REVOCATION_REASONS,
  REVOCATION_REASON_CODES,
  Tier,
  actingTier,
  isRevocable,
  vietnamYear,
  type RevocationReasonCode,
} from '@ocop/domain';
import { EventOutbox } from '@ocop/messaging';
import { writeAudit, type Tx } from '@ocop/persistence';
import { CERTIFICATION_CONFIG } from '../certification.tokens';
import type { CertificationConfig } from '../config/certification.config';
import { CERTIFICATE_COLUMNS, certificateEventData, type CertificateRow } from '../certificates/certificate-row';
import { assertIssuingOfficer, isIssuingOfficer, mayRequestRevocation, readableCertificates } from '../certificates/access';
import { vietnamNumericDate } from '@ocop/documents';
import { nextNumber, updateReturning } from '../certificates/numbering';
import { Notifications } from '../notifications/notifications';
import { Authorities } from '../authorities/authorities';
import { RevocationTimers, type FollowUpStep } from './revocation-timers';

const DAY_MS = 86_400_000;
/** Who asks when inspection's service asks (audit and requested_by). */
const INSPECTION_ACTOR: Actor = { ...SYSTEM_ACTOR, username: 'inspection' };

export interface RevocationRow {
  id: string;
  certificateId: string;
  source: RevocationSource;
  sourceReference: string | null;
  reasonCode: RevocationReasonCode;
  details: string;
  status: 'REQUESTED' | 'REJECTED' | 'REVOKED' | 'RETURN_CONFIRMED' | 'ESCALATED';
  requestedBy: string;
  requestedAt: Date;
  decisionId: string | null;
  decisionReference: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  rejectionNote: string | null;
  returnDeadline: Date | null;
  reminderDueAt: Date | null;
  reminderSentAt: Date | null;
  returnConfirmedAt: Date | null;
  escalatedAt: Date | null;
}

const REVOCATION_COLUMNS = `r.id, r.certificate_id AS "certificateId", r.source, r.source_reference AS "sourceReference", r.reason_code AS "reasonCode",
  r.details, r.status, r.requested_by AS "requestedBy", r.requested_at AS "requestedAt", r.decision_id AS "decisionId", d.reference AS "decisionReference",
  r.decided_by AS "decidedBy", r.decided_at AS "decidedAt", r.rejection_note AS "rejectionNote", r.return_deadline AS "returnDeadline",
  r.reminder_due_at AS "reminderDueAt", r.reminder_sent_at AS "reminderSentAt", r.return_confirmed_at AS "returnConfirmedAt", r.escalated_at AS "escalatedAt"`;
const FROM_REVOCATION = `certification.revocation r LEFT JOIN certification.decision d ON d.id = r.decision_id`;

export interface RequestRevocation {
  certificateId: string;
  reasonCode: RevocationReasonCode;
  details: string;
  sourceReference?: string | null;
}

/** Who decides on a certificate as of a date: its issuing authority, or from 01/07/2025 the province for a district's. */
function actingAuthority(c: CertificateRow, asOf: Date): { authorityUnitCode: string; tier: string } {
  return actingTier(c.tier as Tier, asOf) === c.tier
    ? { authorityUnitCode: c.authorityUnitCode, tier: c.tier }
    : { authorityUnitCode: c.provinceCode, tier: Tier.PROVINCE as string };
}

/**
 * Revocation: request (inspection, standing office, or the expiry sweep) → the issuing authority's decision,
 * citing the original decision and a reason → certificate REVOKED (final) → the producer returns the
 * certificate and takes the OCOP mark off its packaging by a deadline; a reminder before it and an
 * escalation to inspection when it passes unconfirmed. Each step happens once (conditional updates).
 */
@Injectable()
export class RevocationsUseCases {
  constructor(
    private readonly ds: DataSource,
    private readonly timers: RevocationTimers,
    private readonly outbox: EventOutbox,
    private readonly notifications: Notifications,
    private readonly authorities: Authorities,
    @Inject(CERTIFICATION_CONFIG) private readonly config: CertificationConfig,
  ) {}

  async request(actor: Actor, source: RevocationSource, r: RequestRevocation, asOf: Date): Promise<RevocationRow> {
    const id = await this.ds.transaction((tx) => this.requestIn(tx, actor, source, r, asOf));
    return this.get(actor, id, true);
  }

  /**
   * Inspection's request for a violation (`inspection.revocation-requested.v1`), keyed by the violation, so a
   * redelivery never makes a second one. A certificate already revoked, superseded, or with an open request
   * needs no new request: the event is taken as seen.
   */
  async onInspectionRequest(e: EventEnvelope, tx: Tx): Promise<void> {
    const d = e.data as InspectionRevocationRequestedData;
    const reason = (REVOCATION_REASON_CODES as readonly string[]).includes(d.reasonCode) ? (d.reasonCode as RevocationReasonCode) : 'OTHER';
    try {
      await this.requestIn(
        tx,
        INSPECTION_ACTOR,
        'INSPECTION',
        { certificateId: d.certificateId, reasonCode: reason, details: d.details, sourceReference: `violation:${d.violationId}` },
        new Date(d.requestedAt),
      );
    } catch (err) {
      if (err instanceof AppError && ['CERTIFICATE_NOT_REVOCABLE', 'REVOCATION_ALREADY_REQUESTED'].includes(err.code)) return;
      throw err;
    }
  }

  private async requestIn(tx: Tx, actor: Actor, source: RevocationSource, r: RequestRevocation, asOf: Date): Promise<string> {
    if (r.sourceReference) {
      const same: { id: string; certificate_id: string; reason_code: string }[] = await tx.query(
        'SELECT id, certificate_id, reason_code FROM certification.revocation WHERE source = $1 AND source_reference = $2',
        [source, r.sourceReference],
      );
      if (same[0]) {
        if (same[0].certificate_id !== r.certificateId || same[0].reason_code !== r.reasonCode) {
          throw AppError.conflict(
            'REVOCATION_REFERENCE_CONFLICT',
            `${source} reference ${r.sourceReference} already requested a different revocation`,
            'sourceReference',
          );
        }
        return same[0].id;
      }
    }
    const c = await this.certificateRow(tx, r.certificateId);
    if (!mayRequestRevocation(actor, c)) {
      throw AppError.forbidden(
        'SCOPE_FORBIDDEN',
        `${actor.username} may not request revocation of certificate ${c.number} (authority ${c.authorityUnitCode}, province ${c.provinceCode})`,
      );
    }
    if (!isRevocable(c.status))
      throw AppError.conflict('CERTIFICATE_NOT_REVOCABLE', `certificate ${c.number} is ${c.status}`, 'certificateId');
    const open: { id: string }[] = await tx.query(
      `SELECT id FROM certification.revocation WHERE certificate_id = $1 AND status = 'REQUESTED'`,
      [c.id],
    );
    if (open[0])
      throw AppError.conflict(
        'REVOCATION_ALREADY_REQUESTED',
        `certificate ${c.number} already has an open revocation request ${open[0].id}`,
        'certificateId',
      );
    const rid = randomUUID();
    await tx.query(
      `INSERT INTO certification.revocation (id, certificate_id, source, source_reference, reason_code, details, status, requested_by, requested_at)
       VALUES ($1,$2,$3,$4,$5,$6,'REQUESTED',$7,$8)`,
      [rid, c.id, source, r.sourceReference ?? null, r.reasonCode, r.details, actor.username, asOf],
    );
    const data: RevocationRequestedData = {
      ...certificateEventData(c),
      revocationId: rid,
      source,
      reasonCode: r.reasonCode,
      sourceReference: r.sourceReference ?? null,
      details: r.details,
      requestedAt: asOf.toISOString(),
    };
    await this.outbox.enqueue(tx, E.revocationRequested, c.id, data);
    await writeAudit(tx, {
      actorId: actor.id,
      actorRole: actor.role,
      action: 'revocation.request',
      entityType: 'revocation',
      entityId: rid,
      details: { certificateId: c.id, source, reasonCode: r.reasonCode },
    });
    return rid;
  }

  /** The issuing authority decides: a REVOKE decision citing the original one; the certificate is REVOKED for good. */
  async decide(actor: Actor, revocationId: string, asOf: Date): Promise<RevocationRow> {
    // The deciding authority's names come from registration over NATS: read before the transaction, never while
    // holding its locks (the authority's codes never change, so the locked rows below name the same one).
    const seen = await this.certificateRow(
      this.ds.manager,
      (await this.revocationRow(this.ds.manager, revocationId, false)).certificateId,
      false,
    );
    const names = await this.authorities.describe(actingAuthority(seen, asOf).authorityUnitCode, seen.provinceCode, asOf);
    const steps = await this.ds.transaction(async (tx) => {
      const r = await this.revocationRow(tx, revocationId);
      const c = await this.certificateRow(tx, r.certificateId);
      const acting = actingAuthority(c, asOf);
      assertIssuingOfficer(actor, { ...c, ...acting }, `decides on certificate ${c.number}`);
      if (r.status !== 'REQUESTED') throw AppError.conflict('REVOCATION_NOT_OPEN', `revocation ${r.id} is ${r.status}`);
      if (!isRevocable(c.status)) throw AppError.conflict('CERTIFICATE_NOT_REVOCABLE', `certificate ${c.number} is ${c.status}`);
      const original: { id: string; reference: string; decided_at: Date }[] = await tx.query(
        'SELECT id, reference, decided_at FROM certification.decision WHERE id = $1',
        [c.decisionId],
      );
      const year = vietnamYear(asOf);
      const seq = await nextNumber(tx, 'DECISION', acting.authorityUnitCode, year);
      const decisionId = randomUUID();
      const reference = `${seq}/${names.decisionSymbol}`;
      await tx.query(
        `INSERT INTO certification.decision (id, kind, authority_unit_code, authority_tier, province_code, year, seq, reference, cites_decision_id,
           authority_vi, issuer_vi, place_vi, decided_at, decided_by, created_at)
         VALUES ($1,'REVOKE',$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$12)`,
        [
          decisionId,
          acting.authorityUnitCode,
          acting.tier,
          c.provinceCode,
          year,
          seq,
          reference,
          original[0]?.id ?? null,
          names.authorityVi,
          names.issuerVi,
          names.placeVi,
          asOf,
          actor.username,
        ],
      );
      const returnDeadline = new Date(asOf.getTime() + this.config.returnDays * DAY_MS);
      const reminderDueAt = new Date(returnDeadline.getTime() - this.config.reminderDaysBefore * DAY_MS);
      await tx.query(
        `UPDATE certification.certificate SET status = 'REVOKED', status_changed_at = $2, revoked_at = $2, revocation_reason_code = $3 WHERE id = $1`,
        [c.id, asOf, r.reasonCode],
      );
      await tx.query(
        `UPDATE certification.revocation SET status = 'REVOKED', decision_id = $2, decided_by = $3, decided_at = $4, return_deadline = $5, reminder_due_at = $6 WHERE id = $1`,
        [r.id, decisionId, actor.username, asOf, returnDeadline, reminderDueAt],
      );
      const data: CertificateRevokedData = {
        ...certificateEventData(c),
        revocationId: r.id,
        source: r.source,
        reasonCode: r.reasonCode,
        decisionId,
        decisionReference: reference,
        originalDecisionReference: original[0]?.reference ?? '',
        revokedAt: asOf.toISOString(),
        returnDeadline: returnDeadline.toISOString(),
      };
      await this.outbox.enqueueMany(tx, [
        {
          type: E.decisionIssued,
          subject: decisionId,
          data: {
            decisionId,
            kind: 'REVOKE',
            reference,
            authorityUnitCode: acting.authorityUnitCode,
            provinceCode: c.provinceCode,
            citesDecisionId: original[0]?.id ?? null,
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
    return this.get(actor, revocationId);
  }

  async reject(actor: Actor, revocationId: string, note: string, asOf: Date): Promise<RevocationRow> {
    await this.ds.transaction(async (tx) => {
      const r = await this.revocationRow(tx, revocationId);
      const c = await this.certificateRow(tx, r.certificateId);
      // From 01/07/2025 a district's certificates are the province's to decide on (the district committee is gone).
      const acting =
        actingTier(c.tier as Tier, asOf) === c.tier
          ? { authorityUnitCode: c.authorityUnitCode, tier: c.tier }
          : { authorityUnitCode: c.provinceCode, tier: Tier.PROVINCE as string };
      assertIssuingOfficer(actor, { ...c, ...acting }, `decides on certificate ${c.number}`);
      if (r.status !== 'REQUESTED') throw AppError.conflict('REVOCATION_NOT_OPEN', `revocation ${r.id} is ${r.status}`);
      await tx.query(
        `UPDATE certification.revocation SET status = 'REJECTED', rejection_note = $2, decided_by = $3, decided_at = $4 WHERE id = $1`,
        [r.id, note, actor.username, asOf],
      );
      const data: RevocationRejectedData = {
        ...certificateEventData(c),
        revocationId: r.id,
        source: r.source,
        reasonCode: r.reasonCode,
        note,
        at: asOf.toISOString(),
      };
      await this.outbox.enqueue(tx, E.revocationRejected, c.id, data);
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'revocation.reject',
        entityType: 'revocation',
        entityId: r.id,
        details: { note },
      });
    });
    return this.get(actor, revocationId);
  }

  /** The standing office (or the issuing authority) confirms the certificate came back and the mark is off the packaging. */
  async confirmReturn(actor: Actor, revocationId: string, asOf: Date): Promise<RevocationRow> {
    await this.ds.transaction(async (tx) => {
      const r = await this.revocationRow(tx, revocationId);
      const c = await this.certificateRow(tx, r.certificateId);
      const office = (actor.role === Role.PROVINCE_OFFICE && actor.scope.provinceCode === c.provinceCode) || isIssuingOfficer(actor, c);
      if (!office) throw AppError.forbidden('SCOPE_FORBIDDEN', `${actor.username} may not confirm returns in province ${c.provinceCode}`);
      if (r.status !== 'REVOKED' && r.status !== 'ESCALATED')
        throw AppError.conflict('REVOCATION_NOT_AWAITING_RETURN', `revocation ${r.id} is ${r.status}`);
      await tx.query(
        `UPDATE certification.revocation SET status = 'RETURN_CONFIRMED', return_confirmed_at = $2, return_confirmed_by = $3 WHERE id = $1`,
        [r.id, asOf, actor.username],
      );
      await this.outbox.enqueue(tx, E.revocationReturnConfirmed, c.id, this.followUpData(c, r, 'return-confirmed', asOf));
      await writeAudit(tx, {
        actorId: actor.id,
        actorRole: actor.role,
        action: 'revocation.confirm-return',
        entityType: 'revocation',
        entityId: r.id,
      });
    });
    return this.get(actor, revocationId);
  }

  /**
   * Follow-ups due at `asOf` (one revocation, or all): the reminder and the escalation, each at most once,
   * because each is a conditional update of its own column.
   */
  async followUps(asOf: Date, revocationId?: string): Promise<{ reminders: number; escalations: number }> {
    return this.ds.transaction(async (tx) => {
      const only = revocationId ? 'AND r.id = $2' : '';
      const params = revocationId ? [asOf, revocationId] : [asOf];
      const reminded = await updateReturning<{ id: string }>(
        tx,
        `UPDATE certification.revocation r SET reminder_sent_at = $1 WHERE r.status = 'REVOKED' AND r.reminder_sent_at IS NULL AND r.reminder_due_at <= $1
           AND r.return_deadline > $1 ${only} RETURNING r.id`,
        params,
      );
      const escalated = await updateReturning<{ id: string }>(
        tx,
        `UPDATE certification.revocation r SET status = 'ESCALATED', escalated_at = $1 WHERE r.status = 'REVOKED' AND r.return_deadline <= $1 ${only} RETURNING r.id`,
        params,
      );
      for (const [rows, step] of [
        [reminded, 'reminder'],
        [escalated, 'escalation'],
      ] as const) {
        for (const { id } of rows) {
          const r = await this.revocationRow(tx, id);
          const c = await this.certificateRow(tx, r.certificateId);
          await this.outbox.enqueue(
            tx,
            step === 'reminder' ? E.revocationReminderSent : E.revocationEscalated,
            c.id,
            this.followUpData(c, r, step, asOf),
          );
          await writeAudit(tx, {
            actorId: SYSTEM_ACTOR.id,
            actorRole: SYSTEM_ACTOR.role,
            action: `revocation.${step}`,
            entityType: 'revocation',
            entityId: id,
          });
          if (step === 'reminder') {
            await this.notifications.queue(
              tx,
              [
                {
                  producerId: c.producerId,
                  template: 'revocation-reminder',
                  certificateId: c.id,
                  dossierId: c.dossierId,
                  dedupKey: `revocation-reminder:${id}`,
                  subject: `Nhắc nộp lại Giấy chứng nhận OCOP số ${c.number}`,
                  body: `Hạn nộp lại Giấy chứng nhận OCOP số ${c.number} và gỡ bỏ biểu trưng OCOP trên bao bì là ngày ${vietnamNumericDate(r.returnDeadline as Date)}.`,
                },
              ],
              asOf,
            );
          }
        }
      }
      return { reminders: reminded.length, escalations: escalated.length };
    });
  }

  /** Revocations still waiting for a follow-up step, for the sweep that recreates missing jobs. */
  async pendingFollowUps(): Promise<{ id: string; steps: { step: FollowUpStep; at: Date }[] }[]> {
    const rows: { id: string; reminder_due_at: Date; reminder_sent_at: Date | null; return_deadline: Date }[] = await this.ds.query(
      `SELECT id, reminder_due_at, reminder_sent_at, return_deadline FROM certification.revocation WHERE status = 'REVOKED'`,
    );
    return rows.map((r) => ({
      id: r.id,
      steps: [
        ...(r.reminder_sent_at ? [] : [{ step: 'reminder' as const, at: r.reminder_due_at }]),
        { step: 'deadline' as const, at: r.return_deadline },
      ],
    }));
  }

  async get(actor: Actor, id: string, afterRequest = false): Promise<RevocationRow> {
    const rows: (RevocationRow & CertificateRow)[] = await this.ds.query(
      `SELECT ${REVOCATION_COLUMNS}, c.province_code AS "provinceCode", c.authority_unit_code AS "authorityUnitCode", c.tier, c.producer_id AS "producerId"
       FROM ${FROM_REVOCATION} JOIN certification.certificate c ON c.id = r.certificate_id WHERE r.id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row) throw AppError.notFound('REVOCATION_NOT_FOUND', `no revocation ${id}`);
    const readable = afterRequest || isIssuingOfficer(actor, row) || this.canRead(actor, row);
    if (!readable) throw AppError.notFound('REVOCATION_NOT_FOUND', `no revocation ${id}`);
    return this.strip(row);
  }

  async list(actor: Actor, q: { status?: string; certificateId?: string; limit?: number; offset?: number }): Promise<RevocationRow[]> {
    const scope = readableCertificates(actor, 0);
    const params: unknown[] = [...scope.params];
    let where = scope.sql;
    if (q.status) {
      params.push(q.status);
      where += ` AND r.status = $${params.length}`;
    }
    if (q.certificateId) {
      params.push(q.certificateId);
      where += ` AND r.certificate_id = $${params.length}`;
    }
    params.push(q.limit ?? DEFAULT_PAGE.limit, q.offset ?? DEFAULT_PAGE.offset);
    const rows: RevocationRow[] = await this.ds.query(
      `SELECT ${REVOCATION_COLUMNS} FROM ${FROM_REVOCATION} JOIN certification.certificate c ON c.id = r.certificate_id WHERE ${where}
       ORDER BY r.requested_at DESC, r.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return rows;
  }

  private canRead(actor: Actor, c: { provinceCode: string; producerId: string; authorityUnitCode: string }): boolean {
    if (actor.role === Role.PRODUCER) return actor.scope.producerId === c.producerId;
    if (actor.role === Role.DISTRICT_OFFICER) return actor.scope.districtCode === c.authorityUnitCode;
    if ([Role.PROVINCE_OFFICE, Role.INSPECTOR, Role.AGENCY_OFFICER, Role.ADMIN].includes(actor.role))
      return actor.scope.provinceCode === '*' || actor.scope.provinceCode === c.provinceCode;
    return false;
  }

  private strip(row: RevocationRow): RevocationRow {
    const {
      id,
      certificateId,
      source,
      sourceReference,
      reasonCode,
      details,
      status,
      requestedBy,
      requestedAt,
      decisionId,
      decisionReference,
      decidedBy,
      decidedAt,
      rejectionNote,
      returnDeadline,
      reminderDueAt,
      reminderSentAt,
      returnConfirmedAt,
      escalatedAt,
    } = row;
    return {
      id,
      certificateId,
      source,
      sourceReference,
      reasonCode,
      details,
      status,
      requestedBy,
      requestedAt,
      decisionId,
      decisionReference,
      decidedBy,
      decidedAt,
      rejectionNote,
      returnDeadline,
      reminderDueAt,
      reminderSentAt,
      returnConfirmedAt,
      escalatedAt,
    };
  }

  private followUpData(c: CertificateRow, r: RevocationRow, step: string, at: Date): RevocationFollowUpData {
    return {
      ...certificateEventData(c),
      revocationId: r.id,
      source: r.source,
      reasonCode: r.reasonCode,
      step,
      returnDeadline: (r.returnDeadline as Date).toISOString(),
      at: at.toISOString(),
    };
  }

  private async revocationRow(tx: Tx, id: string, lock = true): Promise<RevocationRow> {
    const rows: RevocationRow[] = await tx.query(
      `SELECT ${REVOCATION_COLUMNS} FROM ${FROM_REVOCATION} WHERE r.id = $1${lock ? ' FOR UPDATE OF r' : ''}`,
      [id],
    );
    if (!rows[0]) throw AppError.notFound('REVOCATION_NOT_FOUND', `no revocation ${id}`);
    return rows[0];
  }

  private async certificateRow(tx: Tx, id: string, lock = true): Promise<CertificateRow> {
    const rows: CertificateRow[] = await tx.query(
      `SELECT ${CERTIFICATE_COLUMNS} FROM certification.certificate c WHERE c.id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    if (!rows[0]) throw AppError.notFound('CERTIFICATE_NOT_FOUND', `no certificate ${id}`);
    return rows[0];
  }
}
