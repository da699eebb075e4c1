import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { Task } from './task.entity';

/** An inspector's finding on one checklist item of a task. */
@Entity({ name: 'finding' })
@Check('finding_severity_check', `severity IN ('COMPLIANT','MINOR','MAJOR','CRITICAL')`)
@Unique('finding_item_uq', ['taskId', 'itemCode'])
export class Finding {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'task_id', type: 'uuid' }) taskId: string;
  @ManyToOne(() => Task, { nullable: false })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'finding_task_id_fkey' })
  task?: Task;
  @Column({ name: 'item_code', type: 'text' }) itemCode: string;
  @Column('text') severity: string;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'evidence_keys', type: 'text', array: true, default: () => "'{}'" }) evidenceKeys: string[];
  @Column({ name: 'recorded_by', type: 'text' }) recordedBy: string;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt: Date;
}
