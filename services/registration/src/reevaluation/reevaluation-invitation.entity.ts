import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Dossier } from '../dossiers/dossier.entity';
import { Producer } from '../producers/producer.entity';
import { Product } from '../products/product.entity';

export type ReevaluationInvitationStatus = 'OPEN' | 'DOSSIER_FILED' | 'CLOSED';
export type ReevaluationClosedReason = 'SUPERSEDED' | 'EXPIRED' | 'REVOKED';

/**
 * An invitation to file a re-evaluation (đánh giá lại) dossier before a certificate ends: opened by the first
 * expiry notice, filed when a RE_EVALUATION dossier of the product is created, closed when the certificate is
 * superseded, expires or is revoked. Unit codes are the certified dossier's (the list is scoped like dossiers).
 */
@Entity({ name: 'reevaluation_invitation' })
@Check('reevaluation_invitation_status_check', `status IN ('OPEN','DOSSIER_FILED','CLOSED')`)
@Check('reevaluation_invitation_closed_reason_check', `closed_reason IN ('SUPERSEDED','EXPIRED','REVOKED')`)
@Check('reevaluation_invitation_check', `(status = 'CLOSED') = (closed_reason IS NOT NULL)`)
@Index('reevaluation_invitation_product_idx', ['productId', 'status'])
@Index('reevaluation_invitation_producer_idx', ['producerId', 'status'])
@Index('reevaluation_invitation_commune_idx', ['communeCode', 'status'])
@Index('reevaluation_invitation_district_idx', ['districtCode', 'status'])
@Index('reevaluation_invitation_province_idx', ['provinceCode', 'status'])
export class ReevaluationInvitation {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'certificate_id', type: 'uuid', unique: true }) certificateId: string;
  @Column({ name: 'certificate_number', type: 'text' }) certificateNumber: string;
  @Column({ name: 'certificate_code', type: 'text' }) certificateCode: string;
  @Column({ name: 'product_id', type: 'uuid' })
  @ForeignKey(() => Product, { name: 'reevaluation_invitation_product_id_fkey' })
  productId: string;
  @Column({ name: 'product_name', type: 'text' }) productName: string;
  @Column({ name: 'producer_id', type: 'uuid' })
  @ForeignKey(() => Producer, { name: 'reevaluation_invitation_producer_id_fkey' })
  producerId: string;
  /** The dossier that got the certificate. */
  @Column({ name: 'dossier_id', type: 'uuid' })
  @ForeignKey(() => Dossier, { name: 'reevaluation_invitation_dossier_id_fkey' })
  dossierId: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'district_code', type: 'text', nullable: true }) districtCode: string | null;
  @Column({ name: 'commune_code', type: 'text' }) communeCode: string;
  @Column({ name: 'valid_to', type: 'timestamptz' }) validTo: Date;
  @Column({ name: 'opened_at', type: 'timestamptz' }) openedAt: Date;
  /** Days before the end named by the latest notice (90, 60, 30): only ever goes down. */
  @Column({ name: 'last_notice_days', type: 'int' }) lastNoticeDays: number;
  @Column('text') status: ReevaluationInvitationStatus;
  @Column({ name: 'reevaluation_dossier_id', type: 'uuid', nullable: true })
  @ForeignKey(() => Dossier, { name: 'reevaluation_invitation_reevaluation_dossier_id_fkey' })
  reevaluationDossierId: string | null;
  @Column({ name: 'closed_reason', type: 'text', nullable: true }) closedReason: ReevaluationClosedReason | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
}
