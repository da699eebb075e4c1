import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { CreateCampaignCommand } from '@ocop/contracts';
import { CampaignRecurrence } from '../recurrences/campaign-recurrence.entity';

/** An inspection campaign (hậu kiểm) of one province. */
@Entity({ name: 'campaign' })
@Check('campaign_origin_check', `origin IN ('PLANNED','COMPLAINT','AGENCY')`)
@Check('campaign_status_check', `status IN ('PLANNED','OPEN','CLOSED')`)
// One campaign per recurrence and period, however often its job runs.
@Index('campaign_recurrence_period_uq', ['recurrenceId', 'periodFrom'], { unique: true, where: 'recurrence_id IS NOT NULL' })
// An agency's report (or a complaint) opens one ad-hoc campaign, whatever the redeliveries.
@Index('campaign_origin_uq', ['origin', 'originReference'], { unique: true, where: 'origin_reference IS NOT NULL' })
export class Campaign {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column({ name: 'legal_basis', type: 'text' }) legalBasis: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'period_from', type: 'timestamptz' }) periodFrom: Date;
  @Column({ name: 'period_to', type: 'timestamptz' }) periodTo: Date;
  @Column('jsonb') scope: CreateCampaignCommand['scope'];
  @Column('jsonb') rule: CreateCampaignCommand['rule'];
  @Column('jsonb') checklist: string[];
  @Column('jsonb') team: CreateCampaignCommand['team'];
  @Column('text') origin: string;
  @Column({ name: 'origin_reference', type: 'text', nullable: true }) originReference: string | null;
  @Column('text') status: string;
  @Column({ name: 'selected_at', type: 'timestamptz', nullable: true }) selectedAt: Date | null;
  @Column({ name: 'created_by', type: 'text' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'recurrence_id', type: 'uuid', nullable: true }) recurrenceId: string | null;
  @ManyToOne(() => CampaignRecurrence)
  @JoinColumn({ name: 'recurrence_id', foreignKeyConstraintName: 'campaign_recurrence_id_fkey' })
  recurrence?: CampaignRecurrence;
}
