import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { Finding } from '../tasks/finding.entity';
import { Task } from '../tasks/task.entity';

/** A violation: a finding (or a failed lab result) that needs correcting or revocation. One revocation request each, at most. */
@Entity({ name: 'violation' })
@Check('violation_status_check', `status IN ('CORRECTIVE_ACTION','CORRECTED','REVOCATION_REQUESTED')`)
@Index('violation_due_idx', ['correctiveDeadline'], { where: `status = 'CORRECTIVE_ACTION'` })
export class Violation {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'task_id', type: 'uuid' }) taskId: string;
  @ManyToOne(() => Task, { nullable: false })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'violation_task_id_fkey' })
  task?: Task;
  @Column({ name: 'certificate_id', type: 'uuid' }) certificateId: string;
  @Column({ name: 'finding_id', type: 'uuid', nullable: true, unique: true })
  findingId: string | null;
  @OneToOne(() => Finding)
  @JoinColumn({ name: 'finding_id', foreignKeyConstraintName: 'violation_finding_id_fkey' })
  finding?: Finding;
  @Column({ name: 'sample_id', type: 'uuid', nullable: true, unique: true })
  sampleId: string | null;
  @Column('text') severity: string;
  @Column({ name: 'reason_code', type: 'text' }) reasonCode: string;
  @Column('text') details: string;
  @Column({ name: 'corrective_deadline', type: 'timestamptz', nullable: true }) correctiveDeadline: Date | null;
  @Column('text') status: string;
  @Column({ name: 'corrected_at', type: 'timestamptz', nullable: true }) correctedAt: Date | null;
  @Column({ name: 'corrected_by', type: 'text', nullable: true }) correctedBy: string | null;
  @Column({ name: 'revocation_requested_at', type: 'timestamptz', nullable: true }) revocationRequestedAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
