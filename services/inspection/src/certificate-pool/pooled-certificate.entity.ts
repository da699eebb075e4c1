import { Check, Column, Entity, Index } from 'typeorm';
import { CertificateReplica } from '@ocop/persistence';

/** A certificate as certification's events describe it: what campaigns select from. */
@Entity({ name: 'certificate_pool' })
@Check('certificate_pool_status_check', `status IN ('ACTIVE','EXPIRING','EXPIRED','SUPERSEDED','REVOKED')`)
@Index('certificate_pool_active_idx', ['provinceCode'], { where: `status IN ('ACTIVE','EXPIRING')` })
export class PooledCertificate extends CertificateReplica {
  @Column({ name: 'product_group', type: 'text' }) productGroup: string;
  @Column({ name: 'issued_at', type: 'timestamptz' }) issuedAt: Date;
}
