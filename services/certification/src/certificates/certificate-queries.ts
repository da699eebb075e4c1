import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, DEFAULT_PAGE, type Actor, type ListCertificatesQuery, type PublicCertificateRecord } from '@ocop/contracts';
import { REVOCATION_REASONS, type RevocationReasonCode } from '@ocop/domain';
import { renderCertificatePdf, renderDecisionPdf, type DecisionDocument } from '@ocop/documents';
import { CERTIFICATION_CONFIG } from '../certification.tokens';
import type { CertificationConfig } from '../config/certification.config';
import { CERTIFICATE_COLUMNS, type CertificateRow } from './certificate-row';
import { isIssuingOfficer, readableCertificates } from './access';
import { tierVi, verifyUrl } from '../issuance/issue-certificates.use-case';

export interface DecisionRow {
  id: string;
  kind: 'ISSUE' | 'REVOKE';
  reference: string;
  authorityUnitCode: string;
  authorityTier: string;
  provinceCode: string;
  sessionId: string | null;
  citesDecisionId: string | null;
  authorityVi: string;
  issuerVi: string;
  placeVi: string;
  decidedAt: Date;
  decidedBy: string;
}

const DECISION_COLUMNS = `d.id, d.kind, d.reference, d.authority_unit_code AS "authorityUnitCode", d.authority_tier AS "authorityTier", d.province_code AS "provinceCode",
  d.session_id AS "sessionId", d.cites_decision_id AS "citesDecisionId", d.authority_vi AS "authorityVi", d.issuer_vi AS "issuerVi", d.place_vi AS "placeVi",
  d.decided_at AS "decidedAt", d.decided_by AS "decidedBy"`;

/** What the decision, the certificate and the public page say about a result scored against provisional criteria. */
export const PROVISIONAL_NOTE_VI =
  'Kết quả đánh giá theo bộ tiêu chí tạm thời (điểm chi tiết Phụ lục III Quyết định 148/QĐ-TTg chưa được hoàn thiện); ' +
  'giấy chứng nhận được cấp theo cho phép của cơ quan vận hành.';

const signerLines = (tier: string): string[] =>
  tier === 'CENTRAL' ? ['KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG'] : ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'];

@Injectable()
export class CertificateQueries {
  constructor(
    private readonly ds: DataSource,
    @Inject(CERTIFICATION_CONFIG) private readonly config: CertificationConfig,
  ) {}

  async list(actor: Actor, q: ListCertificatesQuery): Promise<CertificateRow[]> {
    const scope = readableCertificates(actor, 0);
    const params: unknown[] = [...scope.params];
    let where = scope.sql;
    const filters = [
      ['c.status', q.status],
      ['c.product_id', q.productId],
      ['c.producer_id', q.producerId],
      ['c.tier', q.tier],
      ['c.authority_unit_code', q.authorityUnitCode],
      ['c.stars', q.stars],
      [`extract(year FROM c.issued_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::int`, q.year],
    ] as const;
    for (const [col, v] of filters) {
      if (v !== undefined) {
        params.push(v);
        where += ` AND ${col} = $${params.length}`;
      }
    }
    params.push(q.limit ?? DEFAULT_PAGE.limit, q.offset ?? DEFAULT_PAGE.offset);
    return this.ds.query(
      `SELECT ${CERTIFICATE_COLUMNS} FROM certification.certificate c WHERE ${where} ORDER BY c.issued_at DESC, c.id
      LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
  }

  async get(actor: Actor, id: string): Promise<CertificateRow> {
    const scope = readableCertificates(actor, 1);
    const rows: CertificateRow[] = await this.ds.query(
      `SELECT ${CERTIFICATE_COLUMNS} FROM certification.certificate c WHERE c.id = $1 AND (${scope.sql})`,
      [id, ...scope.params],
    );
    if (!rows[0]) throw AppError.notFound('CERTIFICATE_NOT_FOUND', `no certificate ${id}`);
    return rows[0];
  }

  verifyUrlOf(c: Pick<CertificateRow, 'code' | 'signature'>): string {
    return verifyUrl(this.config.publicBaseUrl, c.code, c.signature);
  }

  async pdf(actor: Actor, id: string): Promise<{ fileName: string; contentBase64: string }> {
    const c = await this.get(actor, id);
    const d = await this.decision(c.decisionId);
    const pdf = await renderCertificatePdf({
      number: c.number,
      authorityVi: d.authorityVi,
      issuerVi: d.issuerVi,
      placeVi: d.placeVi,
      productName: c.productName,
      productSetCode: c.productSetCode,
      producerName: c.producerName,
      stars: c.stars,
      tierVi: tierVi(c.tier),
      decisionReference: d.reference,
      decisionDate: d.decidedAt.toISOString(),
      validFrom: c.validFrom.toISOString(),
      validTo: c.validTo.toISOString(),
      verifyUrl: this.verifyUrlOf(c),
      verifyCode: c.code,
      signerTitleLines: signerLines(c.tier),
      signerName: null,
      issuedAt: c.issuedAt.toISOString(),
      ...(c.provisionalCriteria ? { provisionalNoteVi: PROVISIONAL_NOTE_VI } : {}),
    });
    return { fileName: `giay-chung-nhan-${c.number.replace(/[^A-Za-z0-9-]/g, '-')}.pdf`, contentBase64: pdf.toString('base64') };
  }

  async decision(id: string): Promise<DecisionRow> {
    const rows: DecisionRow[] = await this.ds.query(`SELECT ${DECISION_COLUMNS} FROM certification.decision d WHERE d.id = $1`, [id]);
    if (!rows[0]) throw AppError.notFound('DECISION_NOT_FOUND', `no decision ${id}`);
    return rows[0];
  }

  /** A decision with the certificates it issued or revoked; readable by officers of its province and the producers it names. */
  async decisionView(
    actor: Actor,
    id: string,
  ): Promise<
    DecisionRow & {
      certificates: CertificateRow[];
      revocation: { reasonCode: string; returnDeadline: Date | null; originalReference: string | null; originalDate: Date | null } | null;
    }
  > {
    const d = await this.decision(id);
    const scope = readableCertificates(actor, 1);
    const certificates: CertificateRow[] =
      d.kind === 'ISSUE'
        ? await this.ds.query(
            `SELECT ${CERTIFICATE_COLUMNS} FROM certification.certificate c WHERE c.decision_id = $1 AND (${scope.sql}) ORDER BY c.number`,
            [id, ...scope.params],
          )
        : await this.ds.query(
            `SELECT ${CERTIFICATE_COLUMNS} FROM certification.certificate c JOIN certification.revocation r ON r.certificate_id = c.id
          WHERE r.decision_id = $1 AND (${scope.sql})`,
            [id, ...scope.params],
          );
    if (
      !certificates.length &&
      !isIssuingOfficer(actor, { authorityUnitCode: d.authorityUnitCode, provinceCode: d.provinceCode, tier: d.authorityTier })
    ) {
      throw AppError.notFound('DECISION_NOT_FOUND', `no decision ${id}`);
    }
    let revocation = null;
    if (d.kind === 'REVOKE') {
      const r: { reason_code: string; return_deadline: Date | null }[] = await this.ds.query(
        'SELECT reason_code, return_deadline FROM certification.revocation WHERE decision_id = $1',
        [id],
      );
      const original = d.citesDecisionId ? await this.decision(d.citesDecisionId) : null;
      revocation = {
        reasonCode: r[0]?.reason_code ?? 'OTHER',
        returnDeadline: r[0]?.return_deadline ?? null,
        originalReference: original?.reference ?? null,
        originalDate: original?.decidedAt ?? null,
      };
    }
    return { ...d, certificates, revocation };
  }

  async decisionPdf(actor: Actor, id: string): Promise<{ fileName: string; contentBase64: string }> {
    const d = await this.decisionView(actor, id);
    const doc: DecisionDocument = {
      kind: d.kind,
      reference: d.reference,
      authorityVi: d.authorityVi,
      issuerVi: d.issuerVi,
      placeVi: d.placeVi,
      date: d.decidedAt.toISOString(),
      legalBasisVi: [
        'Căn cứ Luật Tổ chức chính quyền địa phương;',
        'Căn cứ Quyết định số 148/QĐ-TTg ngày 24/02/2023 của Thủ tướng Chính phủ ban hành Bộ tiêu chí, quy trình đánh giá và phân hạng sản phẩm Chương trình mỗi xã một sản phẩm;',
      ],
      items: d.certificates.map((c) => ({
        certificateNumber: c.number,
        productName: c.productName,
        productSetCode: c.productSetCode,
        producerName: c.producerName,
        stars: c.stars,
        validTo: c.validTo.toISOString(),
        ...(c.provisionalCriteria ? { provisionalCriteria: true } : {}),
      })),
      ...(d.certificates.some((c) => c.provisionalCriteria) ? { provisionalNoteVi: PROVISIONAL_NOTE_VI } : {}),
      revocation: d.revocation
        ? {
            originalDecisionReference: d.revocation.originalReference ?? '',
            originalDecisionDate: (d.revocation.originalDate ?? d.decidedAt).toISOString(),
            reasonCode: d.revocation.reasonCode,
            reasonVi: REVOCATION_REASONS[d.revocation.reasonCode as RevocationReasonCode] ?? d.revocation.reasonCode,
            returnDeadline: (d.revocation.returnDeadline ?? d.decidedAt).toISOString(),
          }
        : undefined,
      signerTitleLines: signerLines(d.authorityTier),
      signerName: null,
    };
    const pdf = await renderDecisionPdf(doc);
    return {
      fileName: `quyet-dinh-${d.reference.replace(/[^A-Za-z0-9-]/g, '-')}-${d.decidedAt.getUTCFullYear()}.pdf`,
      contentBase64: pdf.toString('base64'),
    };
  }

  async listDecisions(actor: Actor, q: { kind?: string; limit?: number; offset?: number }): Promise<DecisionRow[]> {
    const scope = readableCertificates(actor, 0);
    const params: unknown[] = [...scope.params];
    let where = `EXISTS (SELECT 1 FROM certification.certificate c LEFT JOIN certification.revocation r ON r.certificate_id = c.id
      WHERE (c.decision_id = d.id OR r.decision_id = d.id) AND (${scope.sql}))`;
    if (q.kind) {
      params.push(q.kind);
      where += ` AND d.kind = $${params.length}`;
    }
    params.push(q.limit ?? DEFAULT_PAGE.limit, q.offset ?? DEFAULT_PAGE.offset);
    return this.ds.query(
      `SELECT ${DECISION_COLUMNS} FROM certification.decision d WHERE ${where} ORDER BY d.decided_at DESC, d.id
      LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
  }

  /** The public record behind a verification code, or null (unknown code). */
  async publicRecord(code: string): Promise<PublicCertificateRecord | null> {
    const rows: PublicCertificateRecord[] = await this.ds.query(
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
    const r = rows[0];
    if (!r) return null;
    return {
      ...r,
      revocationReasonVi: r.revocationReasonCode ? (REVOCATION_REASONS[r.revocationReasonCode as RevocationReasonCode] ?? null) : null,
    };
  }

  /** Revoked certificates for verifiers' status lists. */
  async revokedSince(since: Date | null): Promise<{ n: string; c: string; at: string; r: string }[]> {
    return this.ds.query(
      `SELECT number AS n, code AS c, to_char(revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at, revocation_reason_code AS r FROM certification.certificate
       WHERE status = 'REVOKED' AND ($1::timestamptz IS NULL OR revoked_at >= $1) ORDER BY revoked_at, number`,
      [since],
    );
  }
}
