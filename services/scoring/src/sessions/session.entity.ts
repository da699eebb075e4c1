import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { SheetEntry } from '@ocop/domain';
import type { MinutesView } from '@ocop/contracts';

/** A council meeting: agenda of evaluations, attendance, sheets; closed once by the secretary. */
@Entity({ name: 'session' })
export class Session {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'council_id', type: 'uuid' }) councilId: string;
  @Column('text') reference: string;
  @Column('text') title: string;
  @Column({ type: 'text', nullable: true }) location: string | null;
  @Column({ name: 'scheduled_for', type: 'timestamptz' }) scheduledFor: Date;
  @Column('text') status: string;
  @Column({ name: 'present_member_ids', type: 'uuid', array: true }) presentMemberIds: string[];
  @Column({ type: 'jsonb', nullable: true }) minutes: MinutesView | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ name: 'closed_by', type: 'text', nullable: true }) closedBy: string | null;
  @Column({ name: 'created_by', type: 'text' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity({ name: 'session_item' })
export class SessionItem {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' }) sessionId: string;
  @PrimaryColumn({ name: 'evaluation_id', type: 'uuid' }) evaluationId: string;
  @Column('int') position: number;
  /** The catalogue revision pinned when the dossier joined the agenda: a later replacement does not change this session. */
  @Column({ name: 'catalogue_revision_id', type: 'uuid' }) catalogueRevisionId: string;
  @Column({ name: 'spread_flagged', type: 'boolean' }) spreadFlagged: boolean;
  @Column({ type: 'text', nullable: true }) outcome: string | null;
}

/** Phiếu đánh giá: one member's scores for one dossier in one session; corrected in place until the session closes. */
@Entity({ name: 'score_sheet' })
export class ScoreSheet {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'session_id', type: 'uuid' }) sessionId: string;
  @Column({ name: 'evaluation_id', type: 'uuid' }) evaluationId: string;
  @Column({ name: 'member_id', type: 'uuid' }) memberId: string;
  @Column('jsonb') entries: SheetEntry[];
  /** Hundredths. */
  @Column('int') total: number;
  @Column({ name: 'part_totals', type: 'jsonb' }) partTotals: Record<string, number>;
  @Column({ name: 'criterion_points', type: 'jsonb' }) criterionPoints: Record<string, number>;
  @Column('int') revision: number;
  @Column({ name: 'submitted_at', type: 'timestamptz' }) submittedAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
