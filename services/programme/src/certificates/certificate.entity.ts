import { Check, Column, Entity, Index } from 'typeorm';
import { CertificateReplica } from '@ocop/persistence';

/**
 * A certificate as certification's events describe it, with what the plans' targets count it by: the producer's
 * district (a ministry's 5★ counts for its own district), the year it was issued, and whether it is a product's first.
 */
@Entity({ name: 'certificate' })
@Check('certificate_status_check', `status IN ('ACTIVE','EXPIRING','EXPIRED','SUPERSEDED','REVOKED')`)
@Index('certificate_count_idx', ['provinceCode', 'issuedAt'])
export class CertificateRecord extends CertificateReplica {
  @Column({ name: 'district_code', type: 'text', nullable: true }) districtCode: string | null;
  @Column({ name: 'issued_at', type: 'timestamptz' }) issuedAt: Date;
  /** The certificate it replaces (a re-evaluation or an upgrade); null for a product's first. */
  @Column({ type: 'uuid', nullable: true }) supersedes: string | null;
}
