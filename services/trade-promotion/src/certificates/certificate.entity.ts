import { Check, Column, Entity, Index } from 'typeorm';
import { CertificateReplica } from '@ocop/persistence';

/** A certificate as certification's events describe it: what makes a product OCOP at an event or on a shelf. */
@Entity({ name: 'certificate' })
@Check('certificate_status_check', `status IN ('ACTIVE','EXPIRING','EXPIRED','SUPERSEDED','REVOKED')`)
@Index('certificate_product_idx', ['productId'])
export class CertificateRecord extends CertificateReplica {
  @Column({ name: 'producer_name', type: 'text' }) producerName: string;
  /** The producer's district, from registration when the certificate arrived (null: not known then). */
  @Column({ name: 'producer_district_code', type: 'text', nullable: true }) producerDistrictCode: string | null;
  @Column({ name: 'product_group', type: 'text', nullable: true }) productGroup: string | null;
}
