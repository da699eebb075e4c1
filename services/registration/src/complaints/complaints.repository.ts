import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from '@ocop/persistence';
import { Complaint, IssuedCertificate } from './complaint.entity';

/** A certificate a complaint may name, with the place of its dossier (whose office and district see the complaint). */
export interface NamedCertificate extends IssuedCertificate {
  provinceCode: string;
  districtCode: string | null;
  communeCode: string;
}

export interface ComplaintListFilter {
  /** Absent: every province (a national admin). */
  provinceCode?: string;
  districtCode?: string;
  status?: string;
  certificateCode?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class ComplaintsRepository {
  constructor(private readonly ds: DataSource) {}

  /** Records an issued certificate once (a redelivery changes nothing). */
  async rememberCertificate(tx: Tx, c: IssuedCertificate): Promise<void> {
    await tx.createQueryBuilder().insert().into(IssuedCertificate).values(c).orIgnore().execute();
  }

  async certificateByCode(tx: Tx, code: string): Promise<NamedCertificate | null> {
    const rows: (IssuedCertificate & { province_code: string; district_code: string | null; commune_code: string })[] = await tx.query(
      `SELECT c.code, c.certificate_id AS "certificateId", c.number, c.dossier_id AS "dossierId", c.product_name AS "productName",
              c.producer_name AS "producerName", c.issued_at AS "issuedAt", d.province_code, d.district_code, d.commune_code
         FROM registration.issued_certificate c JOIN registration.dossier d ON d.id = c.dossier_id
        WHERE c.code = $1`,
      [code],
    );
    const r = rows[0];
    if (!r) return null;
    const { province_code, district_code, commune_code, ...cert } = r;
    return { ...cert, provinceCode: province_code, districtCode: district_code, communeCode: commune_code };
  }

  /**
   * The latest complaint with this fingerprint submitted since `since`, under a transaction-scoped lock on the
   * fingerprint: two copies of one complaint sent at the same moment are taken once.
   */
  async sameComplaintSince(tx: Tx, fingerprint: string, since: Date): Promise<Complaint | null> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`complaint:${fingerprint}`]);
    return tx
      .getRepository(Complaint)
      .createQueryBuilder('c')
      .where('c.fingerprint = :fingerprint AND c.submitted_at >= :since', { fingerprint, since })
      .orderBy('c.submitted_at', 'DESC')
      .getOne();
  }

  async insert(tx: Tx, c: Complaint): Promise<void> {
    await tx.insert(Complaint, c);
  }

  save(tx: Tx, c: Complaint): Promise<Complaint> {
    return tx.save(Complaint, c);
  }

  byReceipt(receiptCode: string, tx?: Tx): Promise<Complaint | null> {
    return (tx ?? this.ds.manager).findOne(Complaint, { where: { receiptCode } });
  }

  receiptForUpdate(tx: Tx, receiptCode: string): Promise<Complaint | null> {
    return tx
      .getRepository(Complaint)
      .createQueryBuilder('c')
      .where('c.receipt_code = :receiptCode', { receiptCode })
      .setLock('pessimistic_write')
      .getOne();
  }

  byId(id: string): Promise<Complaint | null> {
    return this.ds.manager.findOne(Complaint, { where: { id } });
  }

  forUpdate(tx: Tx, id: string): Promise<Complaint | null> {
    return tx.getRepository(Complaint).createQueryBuilder('c').where('c.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  /** The complaint whose confirmation opened this campaign, locked. */
  ofCampaignForUpdate(tx: Tx, campaignId: string): Promise<Complaint | null> {
    return tx
      .getRepository(Complaint)
      .createQueryBuilder('c')
      .where('c.campaign_id = :campaignId', { campaignId })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** Complaints in the scope, newest first. */
  list(f: ComplaintListFilter): Promise<Complaint[]> {
    const q = this.ds.getRepository(Complaint).createQueryBuilder('c').orderBy('c.submitted_at', 'DESC').addOrderBy('c.id', 'ASC');
    if (f.provinceCode) q.andWhere('c.province_code = :province', { province: f.provinceCode });
    if (f.districtCode) q.andWhere('c.district_code = :district', { district: f.districtCode });
    if (f.status) q.andWhere('c.status = :status', { status: f.status });
    if (f.certificateCode) q.andWhere('c.certificate_code = :code', { code: f.certificateCode });
    return q.limit(f.limit).offset(f.offset).getMany();
  }
}
