import { Check, Column, Entity, ForeignKey, PrimaryColumn, Unique } from 'typeorm';
import type { SheetEntry } from '@ocop/domain';
import { CouncilMember } from '../councils/council-member.entity';
import { Evaluation } from '../evaluations/evaluation.entity';
import { Session } from './session.entity';

/**
 * The advisory team's pre-score (tổ giúp việc, issue 18): an advisor's sheet for a dossier before the session, input for
 * the members; kept apart from the score sheets so it never counts in the mean, the quorum or the spread.
 */
@Entity({ name: 'advisory_sheet' })
@Unique('advisory_sheet_uq', ['sessionId', 'evaluationId', 'memberId'])
@Check('advisory_sheet_total_check', `total BETWEEN 0 AND 10000`)
export class AdvisorySheet {
  @PrimaryColumn('uuid') id: string;
  @ForeignKey(() => Session, { name: 'advisory_sheet_session_id_fkey' })
  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;
  @ForeignKey(() => Evaluation, { name: 'advisory_sheet_evaluation_id_fkey' })
  @Column({ name: 'evaluation_id', type: 'uuid' })
  evaluationId: string;
  @ForeignKey(() => CouncilMember, { name: 'advisory_sheet_member_id_fkey' })
  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;
  @Column('jsonb') entries: SheetEntry[];
  /** Hundredths. */
  @Column('int') total: number;
  @Column({ name: 'part_totals', type: 'jsonb' }) partTotals: Record<string, number>;
  @Column({ name: 'criterion_points', type: 'jsonb' }) criterionPoints: Record<string, number>;
  @Column('int') revision: number;
  @Column({ name: 'submitted_at', type: 'timestamptz' }) submittedAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
