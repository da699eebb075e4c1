import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_PAGE } from '@ocop/contracts';
import { addReplicaIfAbsent, setReplicaStatus, type Tx } from '@ocop/persistence';
import { CertificateRecord } from './certificate.entity';

/** The certificates trade promotion knows, kept from certification's events (system reads and writes only). */
@Injectable()
export class CertificatesRepository {
  constructor(private readonly ds: DataSource) {}

  /** A certificate arrives ACTIVE, once (a redelivered event changes nothing). */
  addIfAbsent(tx: Tx, c: Omit<CertificateRecord, 'status' | 'updatedAt'>, at: Date): Promise<void> {
    return addReplicaIfAbsent(tx, CertificateRecord, c, at);
  }

  /** A new status, unless the certificate already reached a final one; whether it changed. */
  setStatus(tx: Tx, certificateId: string, status: string, at: Date): Promise<boolean> {
    return setReplicaStatus(tx, CertificateRecord, certificateId, status, at);
  }

  /**
   * A page of the province's OCOP products at `at` (null: every province): the certificates valid then, by product
   * name. Read for the public catalogue: only what a certificate already makes public is returned to anyone.
   */
  catalogue(
    f: { provinceCode?: string; districtCode?: string; productGroup?: string; stars?: number; limit?: number; offset?: number },
    at: Date,
  ): Promise<CertificateRecord[]> {
    const q = this.ds.manager
      .createQueryBuilder(CertificateRecord, 'c')
      .where(`c.status IN ('ACTIVE','EXPIRING') AND c.valid_from <= :at AND c.valid_to > :at`, { at })
      .orderBy('c.product_name', 'ASC')
      .addOrderBy('c.certificate_id', 'ASC')
      .limit(f.limit ?? DEFAULT_PAGE.limit)
      .offset(f.offset ?? DEFAULT_PAGE.offset);
    if (f.provinceCode) q.andWhere('c.province_code = :provinceCode', { provinceCode: f.provinceCode });
    if (f.districtCode) q.andWhere('c.producer_district_code = :districtCode', { districtCode: f.districtCode });
    if (f.productGroup) q.andWhere('c.product_group = :productGroup', { productGroup: f.productGroup });
    if (f.stars) q.andWhere('c.stars = :stars', { stars: f.stars });
    return q.getMany();
  }

  get(tx: Tx, certificateId: string): Promise<CertificateRecord | null> {
    return tx.findOneBy(CertificateRecord, { certificateId });
  }

  /**
   * The producer's products that are OCOP at `at`: each with its best valid certificate (3★–5★, not ended, within
   * its validity), by product id.
   */
  async validByProduct(tx: Tx, producerId: string, productIds: string[], at: Date): Promise<Map<string, CertificateRecord>> {
    if (!productIds.length) return new Map();
    const rows = await tx
      .createQueryBuilder(CertificateRecord, 'c')
      .where('c.producer_id = :producerId AND c.product_id IN (:...productIds)', { producerId, productIds })
      .andWhere(`c.status IN ('ACTIVE','EXPIRING') AND c.stars >= 3 AND c.valid_from <= :at AND c.valid_to > :at`, { at })
      .orderBy('c.stars', 'DESC')
      .addOrderBy('c.valid_to', 'DESC')
      .getMany();
    const out = new Map<string, CertificateRecord>();
    for (const r of rows) if (!out.has(r.productId)) out.set(r.productId, r);
    return out;
  }
}
