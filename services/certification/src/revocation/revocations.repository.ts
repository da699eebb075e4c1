import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, DEFAULT_PAGE, type RevocationSource } from '@ocop/contracts';
import type { RevocationReasonCode } from '@ocop/domain';
import { updateReturning, type Tx } from '@ocop/persistence';
import { Revocation, type RevocationStatus } from './revocation.entity';
import type { CertificateRow } from '../certificates/certificate.mapper';
import { CERTIFICATE_COLUMNS, certificateScopeCondition } from '../certificates/certificates.repository';
import { inCertificateScope, type CertificateReadScope } from '../certificates/certificate-access.policy';
import { pickFields } from '../database/pick-fields.mapper';

/** A revocation as its readers get it: its columns (but who confirmed the return) and its decision's reference. */
export interface RevocationRow {
  id: string;
  certificateId: string;
  source: RevocationSource;
  sourceReference: string | null;
  reasonCode: RevocationReasonCode;
  details: string;
  status: RevocationStatus;
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

export interface RevocationListFilter {
  status?: string;
  certificateId?: string;
  limit?: number;
  offset?: number;
}

export type NewRevocationRequest = Pick<
  Revocation,
  'id' | 'certificateId' | 'source' | 'sourceReference' | 'reasonCode' | 'details' | 'requestedBy' | 'requestedAt'
>;

@Injectable()
export class RevocationsRepository {
  constructor(private readonly ds: DataSource) {}

  /** Named parameters (`:name`) to the driver's positional ones, for the statements written here by hand. */
  private positional(sql: string, params: Record<string, unknown>): [string, unknown[]] {
    return this.ds.driver.escapeQueryWithParameters(sql, params);
  }

  /** The revocation, or null when unknown or its certificate is outside the scope (callers answer 404 either way). */
  async get(scope: CertificateReadScope, id: string): Promise<RevocationRow | null> {
    const rows: (RevocationRow & { provinceCode: string; authorityUnitCode: string; producerId: string })[] = await this.ds.query(
      `SELECT ${REVOCATION_COLUMNS}, c.province_code AS "provinceCode", c.authority_unit_code AS "authorityUnitCode", c.producer_id AS "producerId"
       FROM ${FROM_REVOCATION} JOIN certification.certificate c ON c.id = r.certificate_id WHERE r.id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row || !inCertificateScope(scope, row)) return null;
    const revocation: Partial<typeof row> = { ...row };
    delete revocation.provinceCode; // the certificate's place and producer were read for the scope only
    delete revocation.authorityUnitCode;
    delete revocation.producerId;
    return revocation as RevocationRow;
  }

  /** A page of the revocations of certificates in the scope, newest request first. */
  list(scope: CertificateReadScope, f: RevocationListFilter): Promise<RevocationRow[]> {
    const s = certificateScopeCondition(scope);
    let where = s.sql;
    const params: Record<string, unknown> = { ...s.params, limit: f.limit ?? DEFAULT_PAGE.limit, offset: f.offset ?? DEFAULT_PAGE.offset };
    if (f.status) {
      params.status = f.status;
      where += ' AND r.status = :status';
    }
    if (f.certificateId) {
      params.certificateId = f.certificateId;
      where += ' AND r.certificate_id = :certificateId';
    }
    return this.ds.query(
      ...this.positional(
        `SELECT ${REVOCATION_COLUMNS} FROM ${FROM_REVOCATION} JOIN certification.certificate c ON c.id = r.certificate_id WHERE ${where}
       ORDER BY r.requested_at DESC, r.id LIMIT :limit OFFSET :offset`,
        params,
      ),
    );
  }

  /** The revocation, read by the system itself (or for a use case's own rules); `lock` takes its row for update. */
  async getForSystem(id: string, tx?: Tx, lock = false): Promise<RevocationRow> {
    const rows: RevocationRow[] = await (tx ?? this.ds.manager).query(
      `SELECT ${REVOCATION_COLUMNS} FROM ${FROM_REVOCATION} WHERE r.id = $1${lock ? ' FOR UPDATE OF r' : ''}`,
      [id],
    );
    if (!rows[0]) throw AppError.notFound('REVOCATION_NOT_FOUND', `no revocation ${id}`);
    return rows[0];
  }

  /** Same, its row locked for update inside the caller's transaction. */
  lockForSystem(tx: Tx, id: string): Promise<RevocationRow> {
    return this.getForSystem(id, tx, true);
  }

  /** The request a source already made under this reference (one per violation), if any. */
  async findBySourceReference(
    tx: Tx,
    source: RevocationSource,
    sourceReference: string,
  ): Promise<Pick<Revocation, 'id' | 'certificateId' | 'reasonCode'> | null> {
    return tx
      .getRepository(Revocation)
      .findOne({ select: { id: true, certificateId: true, reasonCode: true }, where: { source, sourceReference } });
  }

  /** The certificate's open (REQUESTED) revocation, if any. */
  async findOpenOf(tx: Tx, certificateId: string): Promise<Pick<Revocation, 'id'> | null> {
    const r = await tx.getRepository(Revocation).findOne({ select: { id: true }, where: { certificateId, status: 'REQUESTED' } });
    return r && pickFields(r, ['id'] as const);
  }

  async insertRequest(tx: Tx, r: NewRevocationRequest): Promise<void> {
    await tx.insert(Revocation, { ...r, status: 'REQUESTED' });
  }

  async markRevoked(
    tx: Tx,
    id: string,
    d: { decisionId: string; decidedBy: string; decidedAt: Date; returnDeadline: Date; reminderDueAt: Date },
  ): Promise<void> {
    await tx.update(Revocation, { id }, { status: 'REVOKED', ...d });
  }

  async markRejected(tx: Tx, id: string, d: { rejectionNote: string; decidedBy: string; decidedAt: Date }): Promise<void> {
    await tx.update(Revocation, { id }, { status: 'REJECTED', ...d });
  }

  async markReturnConfirmed(tx: Tx, id: string, at: Date, by: string): Promise<void> {
    await tx.update(Revocation, { id }, { status: 'RETURN_CONFIRMED', returnConfirmedAt: at, returnConfirmedBy: by });
  }

  /** The system rejects the certificate's open EXPIRY request (the product was re-evaluated in time). */
  async rejectOpenExpiryRequest(tx: Tx, certificateId: string, note: string, at: Date): Promise<void> {
    await tx.update(
      Revocation,
      { certificateId, source: 'EXPIRY', status: 'REQUESTED' },
      { status: 'REJECTED', rejectionNote: note, decidedBy: 'system', decidedAt: at },
    );
  }

  /** Records the reminders due at `asOf` (of one revocation, or all), each once; returns the revocations reminded. */
  markRemindersSent(tx: Tx, asOf: Date, revocationId?: string): Promise<{ id: string }[]> {
    const only = revocationId ? 'AND r.id = $2' : '';
    return updateReturning<{ id: string }>(
      tx,
      `UPDATE certification.revocation r SET reminder_sent_at = $1 WHERE r.status = 'REVOKED' AND r.reminder_sent_at IS NULL AND r.reminder_due_at <= $1
           AND r.return_deadline > $1 ${only} RETURNING r.id`,
      revocationId ? [asOf, revocationId] : [asOf],
    );
  }

  /** Escalates the revocations whose return deadline passed unconfirmed by `asOf` (one, or all), each once. */
  escalateOverdue(tx: Tx, asOf: Date, revocationId?: string): Promise<{ id: string }[]> {
    const only = revocationId ? 'AND r.id = $2' : '';
    return updateReturning<{ id: string }>(
      tx,
      `UPDATE certification.revocation r SET status = 'ESCALATED', escalated_at = $1 WHERE r.status = 'REVOKED' AND r.return_deadline <= $1 ${only} RETURNING r.id`,
      revocationId ? [asOf, revocationId] : [asOf],
    );
  }

  /** Revocations decided and waiting for the return (their follow-up steps), read by the system. */
  listAwaitingReturnForSystem(): Promise<Pick<Revocation, 'id' | 'reminderDueAt' | 'reminderSentAt' | 'returnDeadline'>[]> {
    return this.ds.getRepository(Revocation).find({
      select: { id: true, reminderDueAt: true, reminderSentAt: true, returnDeadline: true },
      where: { status: 'REVOKED' },
    });
  }

  /**
   * One automatic (EXPIRY) request for each of these lapsed certificates that never had one and has none open,
   * as one statement checked against the two partial unique indexes of revocation; returns the certificates
   * requested, each with its new request's id.
   */
  requestForLapsed(tx: Tx, asOf: Date, certificateIds: string[], details: string): Promise<(CertificateRow & { revocationId: string })[]> {
    return tx.query(
      `WITH due AS (
             SELECT c.id FROM unnest($2::uuid[]) AS c(id)
             WHERE NOT EXISTS (SELECT 1 FROM certification.revocation r WHERE r.certificate_id = c.id AND r.source = 'EXPIRY')
               AND NOT EXISTS (SELECT 1 FROM certification.revocation r WHERE r.certificate_id = c.id AND r.status = 'REQUESTED')),
           ins AS (
             INSERT INTO certification.revocation (id, certificate_id, source, reason_code, details, status, requested_by, requested_at)
             SELECT gen_random_uuid(), due.id, 'EXPIRY', 'NOT_REEVALUATED', $3, 'REQUESTED', 'system', $1 FROM due
             ON CONFLICT DO NOTHING RETURNING id, certificate_id)
           SELECT ${CERTIFICATE_COLUMNS}, ins.id AS "revocationId" FROM ins JOIN certification.certificate c ON c.id = ins.certificate_id`,
      [asOf, certificateIds, details],
    );
  }
}
