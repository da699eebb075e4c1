import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import type { CertificateStatus } from '@ocop/domain';
import { Decision } from './decision.entity';
import { SigningKey } from '../signing/signing-key.entity';

/** A certificate as registered (issued, then EXPIRING/EXPIRED, SUPERSEDED or REVOKED). */
@Entity({ name: 'certificate' })
@Check('certificate_stars_check', 'stars BETWEEN 3 AND 5')
@Check('certificate_status_check', `status IN ('ACTIVE','EXPIRING','EXPIRED','SUPERSEDED','REVOKED')`)
@Unique('certificate_number_key', ['number'])
@Unique('certificate_code_key', ['code'])
@Unique('certificate_evaluation_id_key', ['evaluationId'])
@Index('certificate_sweep_idx', ['validTo', 'id'], { where: `status IN ('ACTIVE','EXPIRING')` })
// Expired and never replaced: the candidates for an automatic revocation request.
@Index('certificate_lapsed_idx', ['validTo', 'id'], { where: `status = 'EXPIRED' AND superseded_by_id IS NULL` })
@Index('certificate_product_idx', ['productId'])
@Index('certificate_producer_idx', ['producerId'])
@Index('certificate_authority_idx', ['provinceCode', 'authorityUnitCode'])
@Index('certificate_revoked_idx', ['revokedAt'], { where: `status = 'REVOKED'` })
export class Certificate {
  @PrimaryColumn('uuid') id: string;
  @Column('text') number: string;
  @Column('text') code: string;
  @Column({ name: 'evaluation_id', type: 'uuid' }) evaluationId: string;
  @Column({ name: 'dossier_id', type: 'uuid' }) dossierId: string;
  @Column({ name: 'product_id', type: 'uuid' }) productId: string;
  @Column({ name: 'producer_id', type: 'uuid' }) producerId: string;
  @Column({ name: 'product_name', type: 'text' }) productName: string;
  @Column({ name: 'producer_name', type: 'text' }) producerName: string;
  @Column({ name: 'product_set_code', type: 'text' }) productSetCode: string;
  @Column('int') stars: number;
  @Column('text') tier: string;
  @Column({ name: 'authority_unit_code', type: 'text' }) authorityUnitCode: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'decision_id', type: 'uuid' }) decisionId: string;
  @ManyToOne(() => Decision, { nullable: false })
  @JoinColumn({ name: 'decision_id', foreignKeyConstraintName: 'certificate_decision_id_fkey' })
  decision?: Decision;
  @Column({ name: 'valid_from', type: 'timestamptz' }) validFrom: Date;
  @Column({ name: 'valid_to', type: 'timestamptz' }) validTo: Date;
  @Column('text') status: CertificateStatus;
  @Column({ name: 'status_changed_at', type: 'timestamptz' }) statusChangedAt: Date;
  @Column({ name: 'supersedes_id', type: 'uuid', nullable: true }) supersedesId: string | null;
  @ManyToOne(() => Certificate, { nullable: true })
  @JoinColumn({ name: 'supersedes_id', foreignKeyConstraintName: 'certificate_supersedes_id_fkey' })
  supersedes?: Certificate | null;
  @Column({ name: 'superseded_by_id', type: 'uuid', nullable: true }) supersededById: string | null;
  @ManyToOne(() => Certificate, { nullable: true })
  @JoinColumn({ name: 'superseded_by_id', foreignKeyConstraintName: 'certificate_superseded_by_id_fkey' })
  supersededBy?: Certificate | null;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @Column({ name: 'revocation_reason_code', type: 'text', nullable: true }) revocationReasonCode: string | null;
  @Column({ type: 'text', nullable: true }) kid: string | null;
  @ManyToOne(() => SigningKey, { nullable: true })
  @JoinColumn({ name: 'kid', foreignKeyConstraintName: 'certificate_kid_fkey' })
  signingKey?: SigningKey | null;
  @Column({ type: 'text', nullable: true }) signature: string | null;
  @Column({ name: 'issued_at', type: 'timestamptz' }) issuedAt: Date;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  /** Issued from a PROVISIONAL criteria catalogue revision (an operator allowed it). */
  @Column({ name: 'provisional_criteria', type: 'boolean', default: false }) provisionalCriteria: boolean;
}
