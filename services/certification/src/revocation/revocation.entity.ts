import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { RevocationSource } from '@ocop/contracts';
import type { RevocationReasonCode } from '@ocop/domain';
import { Certificate } from '../certificates/certificate.entity';
import { Decision } from '../certificates/decision.entity';

export type RevocationStatus = 'REQUESTED' | 'REJECTED' | 'REVOKED' | 'RETURN_CONFIRMED' | 'ESCALATED';

/** A revocation request and what became of it (decision, return of the certificate, escalation). */
@Entity({ name: 'revocation' })
@Check('revocation_source_check', `source IN ('INSPECTION','OFFICE','EXPIRY')`)
@Check('revocation_status_check', `status IN ('REQUESTED','REJECTED','REVOKED','RETURN_CONFIRMED','ESCALATED')`)
// Exactly one request per violation reported by a source, and one automatic request per expired certificate.
@Index('revocation_source_uq', ['source', 'sourceReference'], { unique: true, where: 'source_reference IS NOT NULL' })
@Index('revocation_expiry_uq', ['certificateId'], { unique: true, where: `source = 'EXPIRY'` })
@Index('revocation_open_uq', ['certificateId'], { unique: true, where: `status = 'REQUESTED'` })
@Index('revocation_follow_up_idx', ['status', 'returnDeadline'])
@Index('revocation_certificate_idx', ['certificateId'])
export class Revocation {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'certificate_id', type: 'uuid' }) certificateId: string;
  @ManyToOne(() => Certificate, { nullable: false })
  @JoinColumn({ name: 'certificate_id', foreignKeyConstraintName: 'revocation_certificate_id_fkey' })
  certificate?: Certificate;
  @Column('text') source: RevocationSource;
  @Column({ name: 'source_reference', type: 'text', nullable: true }) sourceReference: string | null;
  @Column({ name: 'reason_code', type: 'text' }) reasonCode: RevocationReasonCode;
  @Column('text') details: string;
  @Column('text') status: RevocationStatus;
  @Column({ name: 'requested_by', type: 'text' }) requestedBy: string;
  @Column({ name: 'requested_at', type: 'timestamptz' }) requestedAt: Date;
  @Column({ name: 'decision_id', type: 'uuid', nullable: true }) decisionId: string | null;
  @ManyToOne(() => Decision, { nullable: true })
  @JoinColumn({ name: 'decision_id', foreignKeyConstraintName: 'revocation_decision_id_fkey' })
  decision?: Decision | null;
  @Column({ name: 'decided_by', type: 'text', nullable: true }) decidedBy: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ name: 'rejection_note', type: 'text', nullable: true }) rejectionNote: string | null;
  @Column({ name: 'return_deadline', type: 'timestamptz', nullable: true }) returnDeadline: Date | null;
  @Column({ name: 'reminder_due_at', type: 'timestamptz', nullable: true }) reminderDueAt: Date | null;
  @Column({ name: 'reminder_sent_at', type: 'timestamptz', nullable: true }) reminderSentAt: Date | null;
  @Column({ name: 'return_confirmed_at', type: 'timestamptz', nullable: true }) returnConfirmedAt: Date | null;
  @Column({ name: 'return_confirmed_by', type: 'text', nullable: true }) returnConfirmedBy: string | null;
  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true }) escalatedAt: Date | null;
}
