import { Injectable } from '@nestjs/common';
import { addReplicaIfAbsent, followReplica, type Tx } from '@ocop/persistence';
import type { EventEnvelope } from '@ocop/contracts';
import { DataSource } from 'typeorm';
import { CertificateRecord } from './certificate.entity';

/** One group of certificates as the targets count them. */
export interface CertificateCount {
  districtCode: string | null;
  stars: number;
  year: number;
  first: boolean;
  active: boolean;
  count: number;
}

/**
 * Whether the certificate row `c` is valid at the instant `$n`: issued and in force by then, and not ended by a final
 * status at or before it (a copy's status changes are stamped with their own instant).
 */
export const validAt = (c: string, n: number): string =>
  `(${c}.issued_at <= $${n} AND ${c}.valid_from <= $${n} AND ${c}.valid_to > $${n}
    AND NOT (${c}.status IN ('SUPERSEDED','EXPIRED','REVOKED') AND ${c}.updated_at <= $${n}))`;

/** A unit's certificates over a period, by star level (3, 4, 5). */
export interface PeriodCertificates {
  issued: Record<3 | 4 | 5, number>;
  valid: Record<3 | 4 | 5, number>;
  firstCertifications: number;
  revoked: number;
}

/** The certificates the programme counts, kept from certification's events. */
@Injectable()
export class CertificatesRepository {
  constructor(private readonly ds: DataSource) {}

  addIfAbsent(tx: Tx, c: Omit<CertificateRecord, 'status' | 'updatedAt'>, at: Date): Promise<void> {
    return addReplicaIfAbsent(tx, CertificateRecord, c, at);
  }

  /** The copy follows a later event of its certificate (expiring, superseded, expired, revoked). */
  follow(tx: Tx, event: EventEnvelope): Promise<boolean> {
    return followReplica(tx, CertificateRecord, event);
  }

  /**
   * A province's certificates issued in these years (Vietnam time), grouped by what a target counts: the producer's
   * district, stars, year, whether it is the product's first, and whether it is valid as of `asOf`.
   */
  async counts(provinceCode: string, fromYear: number, toYear: number, asOf: Date): Promise<CertificateCount[]> {
    const rows: { district_code: string | null; stars: number; year: number; first: boolean; active: boolean; count: string }[] =
      await this.ds.query(
        `SELECT district_code, stars, EXTRACT(YEAR FROM issued_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::int AS year,
                supersedes IS NULL AS first,
                (status IN ('ACTIVE','EXPIRING') AND valid_from <= $4 AND valid_to > $4) AS active, count(*) AS count
           FROM programme.certificate
          WHERE province_code = $1 AND EXTRACT(YEAR FROM issued_at AT TIME ZONE 'Asia/Ho_Chi_Minh') BETWEEN $2 AND $3
          GROUP BY 1, 2, 3, 4, 5`,
        [provinceCode, fromYear, toYear, asOf],
      );
    return rows.map((r) => ({
      districtCode: r.district_code,
      stars: r.stars,
      year: r.year,
      first: r.first,
      active: r.active,
      count: Number(r.count),
    }));
  }

  /**
   * A unit's certificates over a period [t0, t1) as a report counts them: issued in it by star level (and of those, products'
   * first), valid at t1 (not ended by a final status at or before it), revoked in it. A district: its producers'.
   */
  async periodFigures(provinceCode: string, districtCode: string | null, t0: Date, t1: Date): Promise<PeriodCertificates> {
    const rows: { stars: number; issued: string; first: string; valid: string; revoked: string }[] = await this.ds.query(
      `SELECT stars,
              count(*) FILTER (WHERE issued_at >= $3 AND issued_at < $4) AS issued,
              count(*) FILTER (WHERE issued_at >= $3 AND issued_at < $4 AND supersedes IS NULL) AS first,
              count(*) FILTER (WHERE ${validAt('c', 4)}) AS valid,
              count(*) FILTER (WHERE status = 'REVOKED' AND updated_at >= $3 AND updated_at < $4) AS revoked
         FROM programme.certificate c
        WHERE province_code = $1 AND ($2::text IS NULL OR district_code = $2)
        GROUP BY stars`,
      [provinceCode, districtCode, t0, t1],
    );
    const of = (stars: number, k: 'issued' | 'valid') => Number(rows.find((r) => r.stars === stars)?.[k] ?? 0);
    const sum = (k: 'first' | 'revoked') => rows.reduce((n, r) => n + Number(r[k]), 0);
    return {
      issued: { 3: of(3, 'issued'), 4: of(4, 'issued'), 5: of(5, 'issued') },
      valid: { 3: of(3, 'valid'), 4: of(4, 'valid'), 5: of(5, 'valid') },
      firstCertifications: sum('first'),
      revoked: sum('revoked'),
    };
  }

  /**
   * Of the products certified in the base years (a district's producers', if given), how many still hold a valid
   * certificate at `at` (the same or a later one: re-evaluated, upgraded).
   */
  async retained(
    provinceCode: string,
    districtCode: string | null,
    fromYear: number,
    toYear: number,
    at: Date,
  ): Promise<{ products: number; retained: number }> {
    const [r]: { products: string; retained: string }[] = await this.ds.query(
      `WITH base AS (
         SELECT DISTINCT product_id FROM programme.certificate
          WHERE province_code = $1 AND ($2::text IS NULL OR district_code = $2) AND stars >= 3
            AND EXTRACT(YEAR FROM issued_at AT TIME ZONE 'Asia/Ho_Chi_Minh') BETWEEN $3 AND $4)
       SELECT count(*) AS products,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM programme.certificate c WHERE c.product_id = base.product_id
                                               AND c.stars >= 3 AND ${validAt('c', 5)})) AS retained
         FROM base`,
      [provinceCode, districtCode, fromYear, toYear, at],
    );
    return { products: Number(r!.products), retained: Number(r!.retained) };
  }

  /** Certificates of a province (a district's producers', if given) valid at `at`, of a star level (none: 3★ and above). */
  async validCount(provinceCode: string, districtCode: string | null, stars: number | null, at: Date): Promise<number> {
    const [r]: { n: string }[] = await this.ds.query(
      `SELECT count(*) AS n FROM programme.certificate c
        WHERE c.province_code = $1 AND ($2::text IS NULL OR c.district_code = $2)
          AND (CASE WHEN $3::int IS NULL THEN c.stars >= 3 ELSE c.stars = $3 END) AND ${validAt('c', 4)}`,
      [provinceCode, districtCode, stars, at],
    );
    return Number(r!.n);
  }

  /**
   * The province's registry as of `asOf` for the national export: certificates issued by then (changed on or after
   * `since`, if given), each with its status then — a final status reached later shows as ACTIVE since its issue.
   */
  async registry(provinceCode: string, since: Date | null, asOf: Date): Promise<RegistryRow[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT certificate_id, number, code, product_id, product_name, product_set_code, producer_id, province_code, district_code,
              authority_unit_code, stars, issued_at, valid_from, valid_to,
              CASE WHEN updated_at > $2 THEN 'ACTIVE' ELSE status END AS status,
              CASE WHEN updated_at > $2 THEN issued_at ELSE updated_at END AS status_since, supersedes
         FROM programme.certificate
        WHERE province_code = $1 AND issued_at <= $2 AND ($3::timestamptz IS NULL OR (CASE WHEN updated_at > $2 THEN issued_at ELSE updated_at END) >= $3)
        ORDER BY issued_at, certificate_id`,
      [provinceCode, asOf, since],
    );
    return rows.map((r) => ({
      certificateId: r.certificate_id as string,
      number: r.number as string,
      code: r.code as string,
      productId: r.product_id as string,
      productName: r.product_name as string,
      productSetCode: r.product_set_code as string,
      producerId: r.producer_id as string,
      provinceCode: r.province_code as string,
      districtCode: (r.district_code as string | null) ?? null,
      authorityUnitCode: r.authority_unit_code as string,
      stars: r.stars as number,
      issuedAt: r.issued_at as Date,
      validFrom: r.valid_from as Date,
      validTo: r.valid_to as Date,
      status: r.status as string,
      statusSince: r.status_since as Date,
      supersedes: (r.supersedes as string | null) ?? null,
    }));
  }
}

/** A certificate as the national export lists it. */
export interface RegistryRow {
  certificateId: string;
  number: string;
  code: string;
  productId: string;
  productName: string;
  productSetCode: string;
  producerId: string;
  provinceCode: string;
  districtCode: string | null;
  authorityUnitCode: string;
  stars: number;
  issuedAt: Date;
  validFrom: Date;
  validTo: Date;
  status: string;
  statusSince: Date;
  supersedes: string | null;
}
