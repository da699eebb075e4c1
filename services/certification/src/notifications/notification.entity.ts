import { Check, Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/** A message to a producer: written in the transaction of the change it reports, sent by channel adapters. */
@Entity({ name: 'notification' })
@Check('notification_status_check', `status IN ('PENDING','SENT','FAILED')`)
@Unique('notification_dedup_key_key', ['dedupKey'])
@Index('notification_pending_idx', ['createdAt'], { where: `status = 'PENDING'` })
@Index('notification_producer_idx', ['producerId', 'createdAt'])
export class Notification {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'producer_id', type: 'uuid' }) producerId: string;
  @Column('text') template: string;
  @Column('text') subject: string;
  @Column('text') body: string;
  @Column({ type: 'text', array: true }) channels: string[];
  @Column({ name: 'certificate_id', type: 'uuid', nullable: true }) certificateId: string | null;
  @Column({ name: 'dossier_id', type: 'uuid', nullable: true }) dossierId: string | null;
  @Column({ name: 'dedup_key', type: 'text' }) dedupKey: string;
  @Column('text') status: 'PENDING' | 'SENT' | 'FAILED';
  @Column('int', { default: 0 }) attempts: number;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt: Date | null;
}
