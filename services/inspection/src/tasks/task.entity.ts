import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { Campaign } from '../campaigns/campaign.entity';
import { PooledCertificate } from '../certificate-pool/pooled-certificate.entity';

/** One certificate to inspect in a campaign, assigned to an inspector. */
@Entity({ name: 'task' })
@Check('task_status_check', `status IN ('OPEN','COMPLETED','CANCELLED')`)
@Unique('task_campaign_certificate_uq', ['campaignId', 'certificateId'])
@Index('task_certificate_idx', ['certificateId', 'status'])
@Index('task_assignee_idx', ['assigneeUserId', 'status'])
export class Task {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'campaign_id', type: 'uuid' }) campaignId: string;
  @ManyToOne(() => Campaign, { nullable: false })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'task_campaign_id_fkey' })
  campaign?: Campaign;
  @Column({ name: 'certificate_id', type: 'uuid' }) certificateId: string;
  @ManyToOne(() => PooledCertificate, { nullable: false })
  @JoinColumn({ name: 'certificate_id', foreignKeyConstraintName: 'task_certificate_id_fkey' })
  certificate?: PooledCertificate;
  @Column('int') rank: number;
  @Column({ name: 'risk_score', type: 'int', nullable: true }) riskScore: number | null;
  @Column({ name: 'risk_reasons', type: 'text', array: true, default: () => "'{}'" }) riskReasons: string[];
  @Column({ name: 'assignee_user_id', type: 'uuid', nullable: true }) assigneeUserId: string | null;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt: Date;
  @Column('text') status: string;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt: Date | null;
  @Column({ name: 'completed_by', type: 'text', nullable: true }) completedBy: string | null;
  @Column({ name: 'cancelled_reason', type: 'text', nullable: true }) cancelledReason: string | null;
}
