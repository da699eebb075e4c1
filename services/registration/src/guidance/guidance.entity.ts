import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Dossier } from '../dossiers/dossier.entity';

/**
 * A producer's or commune's question to an agency about one part of a dossier, and the thread that follows: due
 * `GUIDANCE_ANSWER_DAYS` after it is asked, reminded before and escalated at the due time while unanswered, once each.
 */
@Entity({ name: 'guidance_thread' })
@Check('guidance_thread_status_check', `status IN ('OPEN','ANSWERED')`)
@Index('guidance_thread_agency_idx', ['agencyCode', 'status', 'askedAt'])
@Index('guidance_thread_dossier_idx', ['dossierId', 'askedAt'])
@Index('guidance_thread_due_idx', ['status', 'dueAt'])
export class GuidanceThread {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'dossier_id', type: 'uuid' })
  @ForeignKey(() => Dossier, { name: 'guidance_thread_dossier_id_fkey' })
  dossierId: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'agency_code', type: 'text' }) agencyCode: string;
  @Column('text') topic: string;
  @Column('text') status: 'OPEN' | 'ANSWERED';
  @Column({ name: 'asked_by', type: 'text' }) askedBy: string;
  @Column({ name: 'asked_at', type: 'timestamptz' }) askedAt: Date;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt: Date;
  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true }) remindedAt: Date | null;
  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true }) escalatedAt: Date | null;
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true }) answeredAt: Date | null;
}

/** One message of a thread: the question first, then answers (AGENCY) and follow-ups (ASKER). */
@Entity({ name: 'guidance_message' })
@Check('guidance_message_side_check', `side IN ('ASKER','AGENCY')`)
@Index('guidance_message_thread_idx', ['threadId', 'at'])
@Index('guidance_message_reference_uq', ['threadId', 'reference'], { unique: true, where: 'reference IS NOT NULL' })
export class GuidanceMessage {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'thread_id', type: 'uuid' })
  @ForeignKey(() => GuidanceThread, { name: 'guidance_message_thread_id_fkey' })
  threadId: string;
  @Column('text') side: 'ASKER' | 'AGENCY';
  @Column({ name: 'author_id', type: 'text' }) authorId: string;
  @Column('text') via: 'HTTP' | 'NATS';
  @Column('text') text: string;
  @Column({ type: 'text', nullable: true }) reference: string | null;
  @Column({ type: 'timestamptz' }) at: Date;
}
