import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A certificate as certification's events describe it: what campaigns select from. */
@Entity({ name: 'certificate_pool' })
@Check('certificate_pool_status_check', `status IN ('ACTIVE','EXPIRING','EXPIRED','SUPERSEDED','REVOKED')`)
@Index('certificate_pool_active_idx', ['provinceCode'], { where: `status IN ('ACTIVE','EXPIRING')` })
export class PooledCertificate {
  @PrimaryColumn({ name: 'certificate_id', type: 'uuid' }) certificateId: string;
  @Column('text') number: string;
  @Column('text') code: string;
  @Column({ name: 'product_id', type: 'uuid' }) productId: string;
  @Column({ name: 'product_name', type: 'text' }) productName: string;
  @Column({ name: 'product_set_code', type: 'text' }) productSetCode: string;
  @Column({ name: 'product_group', type: 'text' }) productGroup: string;
  @Column({ name: 'producer_id', type: 'uuid' }) producerId: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'authority_unit_code', type: 'text' }) authorityUnitCode: string;
  @Column('int') stars: number;
  @Column({ name: 'valid_from', type: 'timestamptz' }) validFrom: Date;
  @Column({ name: 'valid_to', type: 'timestamptz' }) validTo: Date;
  @Column({ name: 'issued_at', type: 'timestamptz' }) issuedAt: Date;
  @Column('text') status: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
