import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/** A message to an organiser (in Vietnamese), once per cause and recipient. */
@Entity({ name: 'message' })
@Unique('message_cause_recipient_uq', ['causeKey', 'recipientUserId'])
@Index('message_recipient_idx', ['recipientUserId', 'createdAt'])
export class Message {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'recipient_user_id', type: 'uuid' }) recipientUserId: string;
  @Column('text') template: string;
  @Column({ name: 'subject_vi', type: 'text' }) subjectVi: string;
  @Column({ name: 'body_vi', type: 'text' }) bodyVi: string;
  @Column({ name: 'promotion_event_id', type: 'uuid', nullable: true }) promotionEventId: string | null;
  /** What caused it (the handled event's id and the promotion event): the same cause never sends it twice. */
  @Column({ name: 'cause_key', type: 'text' }) causeKey: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
