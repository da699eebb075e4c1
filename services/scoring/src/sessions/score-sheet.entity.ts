import { Check, Column, Entity, ForeignKey, PrimaryColumn, Unique } from 'typeorm';
import type { SheetEntry } from '@ocop/domain';
import { CouncilMember } from '../councils/council-member.entity';
import { Evaluation } from '../evaluations/evaluation.entity';
import { Session } from './session.entity';

/** Phiếu đánh giá: one member's scores for one dossier in one session; corrected in place until the session closes. */
@Entity({ name: 'score_sheet' })
@Unique('score_sheet_uq', ['sessionId', 'evaluationId', 'memberId'])
@Check('score_sheet_total_check', `total BETWEEN 0 AND 10000`)
export class ScoreSheet {
  @PrimaryColumn('uuid') id: string;
  @ForeignKey(() => Session, { name: 'score_sheet_session_id_fkey' })
  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;
  @ForeignKey(() => Evaluation, { name: 'score_sheet_evaluation_id_fkey' })
  @Column({ name: 'evaluation_id', type: 'uuid' })
  evaluationId: string;
  @ForeignKey(() => CouncilMember, { name: 'score_sheet_member_id_fkey' })
  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;
  @Column('jsonb') entries: SheetEntry[];
  /** Hundredths. */
  @Column('int') total: number;
  @Column({ name: 'part_totals', type: 'jsonb' }) partTotals: Record<string, number>;
  @Column({ name: 'criterion_points', type: 'jsonb' }) criterionPoints: Record<string, number>;
  @Column('int') revision: number;
  // The migration's defaults; the use case always sets both from the as-of clock (a correction keeps submittedAt).
  @Column({ name: 'submitted_at', type: 'timestamptz', default: () => 'now()' }) submittedAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
