import { Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { AppError, DEFAULT_PAGE, type PublicCertificateRecord } from '@ocop/contracts';
import { CertificateStatus } from '@ocop/domain';
import { preparedQuery, updateReturning, type Tx } from '@ocop/persistence';
import { Certificate } from './certificate.entity';
import { Revocation } from '../revocation/revocation.entity';
import type { CertificateReadScope } from './certificate-access.policy';
import type { CertificateRow } from './certificate.mapper';
import { pickFields } from '../database/pick-fields.mapper';

/** The stored columns of a certificate as a `CertificateRow`, for the set-based statements below (alias c). */
export const CERTIFICATE_COLUMNS = `c.id, c.number, c.code, c.evaluation_id AS "evaluationId", c.dossier_id AS "dossierId", c.product_id AS "productId",
  c.producer_id AS "producerId", c.product_name AS "productName", c.producer_name AS "producerName", c.product_set_code AS "productSetCode", c.stars,
  c.tier, c.authority_unit_code AS "authorityUnitCode", c.province_code AS "provinceCode", c.decision_id AS "decisionId", c.valid_from AS "validFrom",
  c.valid_to AS "validTo", c.status, c.status_changed_at AS "statusChangedAt", c.supersedes_id AS "supersedesId", c.superseded_by_id AS "supersededById",
  c.revoked_at AS "revokedAt", c.revocation_reason_code AS "revocationReasonCode", c.kid, c.signature, c.issued_at AS "issuedAt",
  c.provisional_criteria AS "provisionalCriteria"`;

/** The same fields, for the query builder (everything but created_at, which no reader is given). */
const ROW_FIELDS: readonly (keyof CertificateRow)[] = [
  'id',
  'number',
  'code',
  'evaluationId',
  'dossierId',
  'productId',
  'producerId',
  'productName',
  'producerName',
  'productSetCode',
  'stars',
  'tier',
  'authorityUnitCode',
  'provinceCode',
  'decisionId',
  'validFrom',
  'validTo',
  'status',
  'statusChangedAt',
  'supersedesId',
  'supersededById',
  'revokedAt',
  'revocationReasonCode',
  'kid',
  'signature',
  'issuedAt',
  'provisionalCriteria',
];

/**
 * The condition limiting certificates (alias `alias`) to a read scope, with named parameters (`:scope…`), for a
 * query builder's `andWhere` or a statement passed through `namedToPositional`.
 */
export function certificateScopeCondition(scope: CertificateReadScope, alias = 'c'): { sql: string; params: Record<string, unknown> } {
  switch (scope.kind) {
    case 'all':
      return { sql: 'TRUE', params: {} };
    case 'province':
      return { sql: `${alias}.province_code = :scopeProvince`, params: { scopeProvince: scope.provinceCode } };
    case 'district':
      return {
        sql: `${alias}.province_code = :scopeProvince AND ${alias}.authority_unit_code = :scopeDistrict`,
        params: { scopeProvince: scope.provinceCode, scopeDistrict: scope.districtCode },
      };
    case 'producer':
      return { sql: `${alias}.producer_id = :scopeProducer`, params: { scopeProducer: scope.producerId } };
    case 'none':
      return { sql: 'FALSE', params: {} };
  }
}

export interface CertificateListFilter {
  status?: string;
  productId?: string;
  producerId?: string;
  tier?: string;
  authorityUnitCode?: string;
  stars?: number;
  /** Year of issue in Vietnam's calendar. */
  year?: number;
  limit?: number;
  offset?: number;
}

/** What issuance records; the certificate starts ACTIVE as of its issue instant, unsigned until the signature is stored. */
export type NewCertificate = Pick<
  Certificate,
  | 'id'
  | 'number'
  | 'code'
  | 'evaluationId'
  | 'dossierId'
  | 'productId'
  | 'producerId'
  | 'productName'
  | 'producerName'
  | 'productSetCode'
  | 'stars'
  | 'tier'
  | 'authorityUnitCode'
  | 'provinceCode'
  | 'decisionId'
  | 'validFrom'
  | 'validTo'
  | 'supersedesId'
  | 'issuedAt'
  | 'provisionalCriteria'
>;

export interface SweepCursor {
  validTo: Date;
  id: string;
}

@Injectable()
export class CertificatesRepository {
  constructor(private readonly ds: DataSource) {}

  private rows(tx?: Tx, alias = 'c'): SelectQueryBuilder<Certificate> {
    return (tx ?? this.ds.manager)
      .getRepository(Certificate)
      .createQueryBuilder(alias)
      .select(ROW_FIELDS.map((f) => `${alias}.${f}`));
  }

  private static one(c: Certificate | null): CertificateRow | null {
    return c && pickFields<CertificateRow, keyof CertificateRow>(c, ROW_FIELDS);
  }

  private static many(cs: Certificate[]): CertificateRow[] {
    return cs.map((c) => pickFields<CertificateRow, keyof CertificateRow>(c, ROW_FIELDS));
  }

  private scoped(scope: CertificateReadScope, tx?: Tx): SelectQueryBuilder<Certificate> {
    const s = certificateScopeCondition(scope);
    return this.rows(tx).andWhere(`(${s.sql})`, s.params);
  }

  /** A page of the certificates in the scope, newest issue first. */
  async list(scope: CertificateReadScope, f: CertificateListFilter): Promise<CertificateRow[]> {
    const q = this.scoped(scope);
    if (f.status !== undefined) q.andWhere('c.status = :status', { status: f.status });
    if (f.productId !== undefined) q.andWhere('c.product_id = :productId', { productId: f.productId });
    if (f.producerId !== undefined) q.andWhere('c.producer_id = :producerId', { producerId: f.producerId });
    if (f.tier !== undefined) q.andWhere('c.tier = :tier', { tier: f.tier });
    if (f.authorityUnitCode !== undefined) q.andWhere('c.authority_unit_code = :authority', { authority: f.authorityUnitCode });
    if (f.stars !== undefined) q.andWhere('c.stars = :stars', { stars: f.stars });
    if (f.year !== undefined) q.andWhere(`extract(year FROM c.issued_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::int = :year`, { year: f.year });
    return CertificatesRepository.many(
      await q
        .orderBy('c.issued_at', 'DESC')
        .addOrderBy('c.id')
        .limit(f.limit ?? DEFAULT_PAGE.limit)
        .offset(f.offset ?? DEFAULT_PAGE.offset)
        .getMany(),
    );
  }

  /** The certificate, or null when unknown or outside the scope (callers answer 404 either way). */
  async get(scope: CertificateReadScope, id: string): Promise<CertificateRow | null> {
    return CertificatesRepository.one(await this.scoped(scope).andWhere('c.id = :id', { id }).getOne());
  }

  /** The certificates an ISSUE decision issued, in the scope, by number. */
  async listIssuedByDecision(scope: CertificateReadScope, decisionId: string): Promise<CertificateRow[]> {
    return CertificatesRepository.many(
      await this.scoped(scope).andWhere('c.decision_id = :decisionId', { decisionId }).orderBy('c.number').getMany(),
    );
  }

  /** The certificates a REVOKE decision revoked, in the scope. */
  async listRevokedByDecision(scope: CertificateReadScope, decisionId: string): Promise<CertificateRow[]> {
    return CertificatesRepository.many(
      await this.scoped(scope)
        .innerJoin(Revocation, 'r', 'r.certificate_id = c.id')
        .andWhere('r.decision_id = :decisionId', { decisionId })
        .getMany(),
    );
  }

  /** The certificate, read by the system itself (a job, a consumer, a use case checking its own rules). */
  async getForSystem(id: string, tx?: Tx): Promise<CertificateRow> {
    const c = CertificatesRepository.one(await this.rows(tx).where('c.id = :id', { id }).getOne());
    if (!c) throw AppError.notFound('CERTIFICATE_NOT_FOUND', `no certificate ${id}`);
    return c;
  }

  /** Same, locked for update inside the caller's transaction. */
  async lockForSystem(tx: Tx, id: string): Promise<CertificateRow> {
    const c = CertificatesRepository.one(await this.rows(tx).where('c.id = :id', { id }).setLock('pessimistic_write').getOne());
    if (!c) throw AppError.notFound('CERTIFICATE_NOT_FOUND', `no certificate ${id}`);
    return c;
  }

  /** Serialises the issuance for one evaluation until the transaction ends (exactly one certificate per evaluation). */
  async lockIssuanceOf(tx: Tx, evaluationId: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`certify:${evaluationId}`]);
  }

  async existsForEvaluation(tx: Tx, evaluationId: string): Promise<boolean> {
    return tx.getRepository(Certificate).exists({ where: { evaluationId } });
  }

  /** The product's current certificate (not yet superseded, not revoked), locked: the one a new certificate supersedes. */
  async lockCurrentOfProduct(tx: Tx, productId: string): Promise<CertificateRow | null> {
    return CertificatesRepository.one(
      await this.rows(tx)
        .where('c.product_id = :productId AND c.superseded_by_id IS NULL', { productId })
        .andWhere(`c.status IN ('ACTIVE','EXPIRING','EXPIRED')`)
        .orderBy('c.valid_from', 'DESC')
        .limit(1)
        .setLock('pessimistic_write')
        .getOne(),
    );
  }

  /** Records an issued certificate: ACTIVE from its issue instant (also its creation and status-change time). */
  async insertIssued(tx: Tx, c: NewCertificate): Promise<void> {
    await tx.insert(Certificate, { ...c, status: CertificateStatus.ACTIVE, statusChangedAt: c.issuedAt, createdAt: c.issuedAt });
  }

  async storeSignature(tx: Tx, id: string, kid: string, signature: string): Promise<void> {
    await tx.update(Certificate, { id }, { kid, signature });
  }

  /** Links the previous certificate to its successor; an EXPIRED one keeps its status. */
  async markSuperseded(tx: Tx, id: string, supersededById: string, at: Date): Promise<void> {
    await tx
      .createQueryBuilder()
      .update(Certificate)
      .set({ supersededById, status: () => `CASE WHEN status = 'EXPIRED' THEN status ELSE 'SUPERSEDED' END`, statusChangedAt: at })
      .where('id = :id', { id })
      .execute();
  }

  async markRevoked(tx: Tx, id: string, at: Date, reasonCode: string): Promise<void> {
    await tx.update(
      Certificate,
      { id },
      { status: CertificateStatus.REVOKED, statusChangedAt: at, revokedAt: at, revocationReasonCode: reasonCode },
    );
  }

  /** The public record behind a verification code, or null (unknown code). A public read: no scope. */
  async findPublicRecord(code: string): Promise<Omit<PublicCertificateRecord, 'revocationReasonVi'> | null> {
    // Every public verification that misses the gateway's cache runs this: prepared once per connection.
    const rows = await preparedQuery<Omit<PublicCertificateRecord, 'revocationReasonVi'>>(
      this.ds,
      'certification-public-record',
      `SELECT c.code, c.number, c.status, c.product_name AS "productName", c.product_set_code AS "productSetCode", c.producer_name AS "producerName", c.stars,
         c.tier, d.issuer_vi AS "issuerVi", d.reference AS "decisionReference", to_char(d.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "decisionDate",
         to_char(c.valid_from AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "validFrom", to_char(c.valid_to AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "validTo",
         to_char(c.revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "revokedAt", c.revocation_reason_code AS "revocationReasonCode",
         rd.reference AS "revocationDecisionReference", s.number AS "supersededByNumber", s.code AS "supersededByCode", c.kid, c.signature,
         c.provisional_criteria AS "provisionalCriteria"
       FROM certification.certificate c JOIN certification.decision d ON d.id = c.decision_id
       LEFT JOIN certification.certificate s ON s.id = c.superseded_by_id
       LEFT JOIN certification.revocation r ON r.certificate_id = c.id AND r.status IN ('REVOKED','RETURN_CONFIRMED','ESCALATED')
       LEFT JOIN certification.decision rd ON rd.id = r.decision_id
       WHERE c.code = $1`,
      [code],
    );
    return rows[0] ?? null;
  }

  /** Revoked certificates for verifiers' status lists (public: no scope). */
  listRevokedSince(since: Date | null): Promise<{ n: string; c: string; at: string; r: string }[]> {
    return this.ds.query(
      `SELECT number AS n, code AS c, to_char(revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at, revocation_reason_code AS r FROM certification.certificate
       WHERE status = 'REVOKED' AND ($1::timestamptz IS NULL OR revoked_at >= $1) ORDER BY revoked_at, number`,
      [since],
    );
  }

  // The expiry sweep walks up to a million certificates: keyset chunks in (valid_to, id) order on the partial
  // indexes of the migration, set-based statements, one transaction per chunk. Keep these statements as they are
  // (`npm run bench:expiry` measures them).

  /** The next chunk of ACTIVE/EXPIRING certificates ending within `maxDays` after `asOf`, after the cursor. */
  noticeChunk(tx: Tx, asOf: Date, maxDays: number, cursor: SweepCursor, limit: number): Promise<CertificateRow[]> {
    return tx.query(
      `SELECT ${CERTIFICATE_COLUMNS} FROM certification.certificate c
           WHERE c.status IN ('ACTIVE','EXPIRING') AND c.valid_to > $1 AND c.valid_to <= $1::timestamptz + make_interval(days => $2)
             AND (c.valid_to, c.id) > ($3, $4) ORDER BY c.valid_to, c.id LIMIT $5`,
      [asOf, maxDays, cursor.validTo, cursor.id, limit],
    );
  }

  /** Marks the ACTIVE ones among these certificates EXPIRING; returns those it changed. */
  markExpiring(tx: Tx, ids: string[], asOf: Date): Promise<{ id: string }[]> {
    return updateReturning<{ id: string }>(
      tx,
      `UPDATE certification.certificate SET status = 'EXPIRING', status_changed_at = $2 WHERE id = ANY($1::uuid[]) AND status = 'ACTIVE' RETURNING id`,
      [ids, asOf],
    );
  }

  /** Expires the next chunk of certificates past their end (rows another sweep holds are skipped); returns them. */
  expireDueChunk(tx: Tx, asOf: Date, limit: number): Promise<CertificateRow[]> {
    return updateReturning<CertificateRow>(
      tx,
      `WITH due AS (SELECT id FROM certification.certificate WHERE status IN ('ACTIVE','EXPIRING') AND valid_to <= $1
             ORDER BY valid_to, id LIMIT $2 FOR UPDATE SKIP LOCKED)
           UPDATE certification.certificate c SET status = 'EXPIRED', status_changed_at = $1 FROM due WHERE c.id = due.id RETURNING ${CERTIFICATE_COLUMNS}`,
      [asOf, limit],
    );
  }

  /** The next chunk of certificates expired at least `graceDays` before `asOf` and never superseded, after the cursor. */
  lapsedChunk(tx: Tx, asOf: Date, graceDays: number, cursor: SweepCursor, limit: number): Promise<{ id: string; valid_to: Date }[]> {
    return tx.query(
      `SELECT c.id, c.valid_to FROM certification.certificate c
           WHERE c.status = 'EXPIRED' AND c.superseded_by_id IS NULL AND c.valid_to <= $1::timestamptz - make_interval(days => $2)
             AND (c.valid_to, c.id) > ($3, $4) ORDER BY c.valid_to, c.id LIMIT $5`,
      [asOf, graceDays, cursor.validTo, cursor.id, limit],
    );
  }
}
