import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PoolCertificate } from '@ocop/domain';
import { addReplicaIfAbsent, setReplicaStatus, type Tx } from '@ocop/persistence';
import type { ProvinceScope } from '../province-scope.policy';
import { PooledCertificate } from './pooled-certificate.entity';

/** An active certificate of a coverage report, and whether it was inspected in the window. */
export interface CoverageRow {
  certificateId: string;
  number: string;
  productName: string;
  validFrom: Date;
  validTo: Date;
  inspected: boolean;
}

@Injectable()
export class CertificatePoolRepository {
  constructor(private readonly ds: DataSource) {}

  /** A certificate enters the pool ACTIVE, once (a redelivered event changes nothing). */
  addIfAbsent(tx: Tx, c: Omit<PooledCertificate, 'status' | 'updatedAt'>): Promise<void> {
    return addReplicaIfAbsent(tx, PooledCertificate, c, c.issuedAt);
  }

  /** A new status, unless the certificate already reached a final one. */
  async setStatus(tx: Tx, certificateId: string, status: string, at: Date): Promise<void> {
    await setReplicaStatus(tx, PooledCertificate, certificateId, status, at);
  }

  /** The certificate an agency's report names, by id or by code (a system read: the report is the authority). */
  async findNamedForSystem(tx: Tx, certificateId: string | undefined, code: string | undefined): Promise<PooledCertificate | null> {
    return tx
      .createQueryBuilder(PooledCertificate, 'c')
      .where('CAST(c.certificate_id AS text) = :id OR c.code = :code', { id: certificateId ?? '', code: code ?? '' })
      .getOne();
  }

  /**
   * The province's certificates active at `at`, with their risk facts: last inspection, prior violations,
   * complaints (campaigns opened by a complaint). One aggregate query. Read for a campaign's selection, whose
   * province the caller already checked (a system read, hence the province rather than a reader's scope).
   */
  async riskPool(tx: Tx, provinceCode: string, at: Date): Promise<PoolCertificate[]> {
    const rows: {
      certificate_id: string;
      product_group: string;
      product_set_code: string;
      stars: number;
      province_code: string;
      authority_unit_code: string;
      issued_at: Date;
      valid_to: Date;
      last_inspected_at: Date | null;
      prior_violations: number;
      complaints: number;
    }[] = await tx.query(
      `SELECT c.certificate_id, c.product_group, c.product_set_code, c.stars, c.province_code, c.authority_unit_code, c.issued_at, c.valid_to,
         (SELECT max(t.completed_at) FROM inspection.task t WHERE t.certificate_id = c.certificate_id AND t.status = 'COMPLETED') AS last_inspected_at,
         (SELECT count(*)::int FROM inspection.violation v WHERE v.certificate_id = c.certificate_id AND v.severity IN ('MAJOR','CRITICAL','LAB_FAIL')) AS prior_violations,
         (SELECT count(*)::int FROM inspection.task t JOIN inspection.campaign k ON k.id = t.campaign_id WHERE t.certificate_id = c.certificate_id AND k.origin = 'COMPLAINT') AS complaints
       FROM inspection.certificate_pool c WHERE c.status IN ('ACTIVE','EXPIRING') AND c.province_code = $1 AND c.valid_from <= $2 AND c.valid_to > $2`,
      [provinceCode, at],
    );
    return rows.map((r) => ({
      certificateId: r.certificate_id,
      productGroup: r.product_group,
      productSetCode: r.product_set_code,
      stars: r.stars,
      unitCodes: [r.province_code, r.authority_unit_code],
      issuedAt: r.issued_at,
      validTo: r.valid_to,
      lastInspectedAt: r.last_inspected_at,
      priorViolations: r.prior_violations,
      complaints: r.complaints,
    }));
  }

  /**
   * Certificates of the scope active at `asOf`, by number, each with whether a task completed it since its
   * validity began — or, with `withinMonths`, within that many months before `asOf`.
   */
  async coverage(scope: ProvinceScope, asOf: Date, withinMonths: number | null): Promise<CoverageRow[]> {
    const rows: { certificate_id: string; number: string; product_name: string; valid_from: Date; valid_to: Date; inspected: boolean }[] =
      await this.ds.query(
        `SELECT c.certificate_id, c.number, c.product_name, c.valid_from, c.valid_to,
         EXISTS (SELECT 1 FROM inspection.task t WHERE t.certificate_id = c.certificate_id AND t.status = 'COMPLETED' AND t.completed_at <= $2
           AND t.completed_at >= greatest(c.valid_from, CASE WHEN $3::int IS NULL THEN c.valid_from ELSE $2::timestamptz - make_interval(months => $3::int) END)) AS inspected
       FROM inspection.certificate_pool c
       WHERE c.status IN ('ACTIVE','EXPIRING') AND c.valid_from <= $2 AND c.valid_to > $2 AND ($1::text IS NULL OR c.province_code = $1) ORDER BY c.number`,
        [scope.kind === 'province' ? scope.provinceCode : null, asOf, withinMonths],
      );
    return rows.map((r) => ({
      certificateId: r.certificate_id,
      number: r.number,
      productName: r.product_name,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      inspected: r.inspected,
    }));
  }
}
