import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import type { MinutesView } from '@ocop/contracts';
import { Council } from '../councils/council.entity';

/**
 * A council session: agenda of evaluations, sheets; closed once by the secretary. A MEETING records attendance; a WRITTEN
 * consultation (re-evaluation dossiers only) has none: each scoring member sends their sheets by `sheetsDueAt`.
 */
@Entity({ name: 'session' })
@Unique('session_reference_key', ['reference'])
@Index('session_council_idx', ['councilId', 'status'])
@Index('session_written_due_idx', ['mode', 'status', 'sheetsDueAt'])
@Check('session_status_check', `status IN ('OPEN','CLOSED')`)
@Check('session_mode_check', `mode IN ('MEETING','WRITTEN')`)
@Check('session_sheets_due_check', `(mode = 'WRITTEN') = (sheets_due_at IS NOT NULL)`)
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
  @Column({ type: 'text', default: 'MEETING' }) mode: 'MEETING' | 'WRITTEN';
  /** WRITTEN: sheets are taken until this instant (inclusive), refused after it. */
  @Column({ name: 'sheets_due_at', type: 'timestamptz', nullable: true }) sheetsDueAt: Date | null;
  /** WRITTEN: when the missing sheets were escalated to the chair and the organiser (once). */
  @Column({ name: 'sheets_escalated_at', type: 'timestamptz', nullable: true }) sheetsEscalatedAt: Date | null;
  @Column({ name: 'present_member_ids', type: 'uuid', array: true, default: () => `'{}'` }) presentMemberIds: string[];
  @Column({ type: 'jsonb', nullable: true }) minutes: MinutesView | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ name: 'closed_by', type: 'text', nullable: true }) closedBy: string | null;
  @Column({ name: 'created_by', type: 'text' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
