import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import type { MinutesView } from '@ocop/contracts';
import { Council } from '../councils/council.entity';

/** A council meeting: agenda of evaluations, attendance, sheets; closed once by the secretary. */
@Entity({ name: 'session' })
@Unique('session_reference_key', ['reference'])
@Index('session_council_idx', ['councilId', 'status'])
@Check('session_status_check', `status IN ('OPEN','CLOSED')`)
export class Session {
  @PrimaryColumn('uuid') id: string;
  @ForeignKey(() => Council, { name: 'session_council_id_fkey' })
  @Column({ name: 'council_id', type: 'uuid' })
  councilId: string;
  @Column('text') reference: string;
  @Column('text') title: string;
  @Column({ type: 'text', nullable: true }) location: string | null;
  @Column({ name: 'scheduled_for', type: 'timestamptz' }) scheduledFor: Date;
  @Column('text') status: string;
  @Column({ name: 'present_member_ids', type: 'uuid', array: true, default: () => `'{}'` }) presentMemberIds: string[];
  @Column({ type: 'jsonb', nullable: true }) minutes: MinutesView | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ name: 'closed_by', type: 'text', nullable: true }) closedBy: string | null;
  @Column({ name: 'created_by', type: 'text' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
