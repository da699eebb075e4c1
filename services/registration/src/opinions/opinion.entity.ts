import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import { Dossier } from '../dossiers/dossier.entity';

/**
 * The province's rule that an agency's written opinion is required on the dossiers of a product group before a council
 * scores them, with the days it has from the proposal. No rows: no opinion is required (the default; no plan asks).
 */
@Entity({ name: 'opinion_rule' })
export class OpinionRule {
  @PrimaryColumn({ name: 'province_code', type: 'text' }) provinceCode: string;
  @PrimaryColumn({ name: 'product_group', type: 'text' }) productGroup: string;
  @PrimaryColumn({ name: 'agency_code', type: 'text' }) agencyCode: string;
  @Column({ name: 'due_days', type: 'int' }) dueDays: number;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'updated_by', type: 'text' }) updatedBy: string;
}

/**
 * An agency's written opinion on a dossier: requested by the rule when the dossier was proposed (required, with a due
 * time, a reminder and an escalation, once each), or given unasked. One per agency and dossier.
 */
@Entity({ name: 'dossier_opinion' })
@Unique('dossier_opinion_dossier_agency_uq', ['dossierId', 'agencyCode'])
@Check('dossier_opinion_status_check', `status IN ('REQUESTED','GIVEN')`)
@Check('dossier_opinion_conclusion_check', `conclusion IN ('FAVOURABLE','CONDITIONAL','UNFAVOURABLE')`)
@Check('dossier_opinion_given_check', `(status = 'GIVEN') = (given_at IS NOT NULL)`)
@Index('dossier_opinion_due_idx', ['status', 'dueAt'])
export class DossierOpinion {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'dossier_id', type: 'uuid' })
  @ForeignKey(() => Dossier, { name: 'dossier_opinion_dossier_id_fkey' })
  dossierId: string;
  @Column({ name: 'agency_code', type: 'text' }) agencyCode: string;
  @Column('boolean') required: boolean;
  @Column('text') status: 'REQUESTED' | 'GIVEN';
  @Column({ name: 'requested_at', type: 'timestamptz', nullable: true }) requestedAt: Date | null;
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt: Date | null;
  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true }) remindedAt: Date | null;
  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true }) escalatedAt: Date | null;
  @Column({ type: 'text', nullable: true }) conclusion: string | null;
  @Column({ type: 'text', nullable: true }) text: string | null;
  @Column({ type: 'text', nullable: true }) reference: string | null;
  @Column({ name: 'given_at', type: 'timestamptz', nullable: true }) givenAt: Date | null;
  @Column({ name: 'given_by', type: 'text', nullable: true }) givenBy: string | null;
  @Column({ name: 'given_via', type: 'text', nullable: true }) givenVia: 'HTTP' | 'NATS' | null;
}
