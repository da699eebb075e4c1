import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { CouncilMember } from '../councils/council-member.entity';
import { Session } from './session.entity';

/** A scoring member of a written consultation reminded of their missing sheets: one row, so one reminder, per member and session. */
@Entity({ name: 'written_consultation_reminder' })
export class WrittenConsultationReminder {
  @ForeignKey(() => Session, { name: 'written_consultation_reminder_session_id_fkey' })
  @PrimaryColumn({ name: 'session_id', type: 'uuid', primaryKeyConstraintName: 'written_consultation_reminder_pkey' })
  sessionId: string;
  @ForeignKey(() => CouncilMember, { name: 'written_consultation_reminder_member_id_fkey' })
  @PrimaryColumn({ name: 'member_id', type: 'uuid', primaryKeyConstraintName: 'written_consultation_reminder_pkey' })
  memberId: string;
  @Column({ name: 'reminded_at', type: 'timestamptz' }) remindedAt: Date;
}
