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
}
