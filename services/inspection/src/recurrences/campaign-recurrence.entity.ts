import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import type { CampaignTemplateDto } from '@ocop/contracts';

/** A recurring campaign (e.g. every quarter): a template the scheduler turns into one campaign per period. */
@Entity({ name: 'campaign_recurrence' })
@Check('campaign_recurrence_period_days_check', 'period_days > 0')
export class CampaignRecurrence {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column('text') cron: string;
  @Column({ name: 'period_days', type: 'int' }) periodDays: number;
  @Column('jsonb') template: CampaignTemplateDto;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @Column({ name: 'created_by', type: 'text' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
