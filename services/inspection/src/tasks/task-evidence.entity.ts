import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Task } from './task.entity';

/** Photos and documents an inspector uploads for a task; findings cite them by storage key. */
@Entity({ name: 'task_evidence' })
export class TaskEvidence {
  @PrimaryColumn({ name: 'storage_key', type: 'text' }) storageKey: string;
  @Column({ name: 'task_id', type: 'uuid' }) taskId: string;
  @ManyToOne(() => Task, { nullable: false })
  @JoinColumn({ name: 'task_id', foreignKeyConstraintName: 'task_evidence_task_id_fkey' })
  task?: Task;
  @Column({ name: 'file_name', type: 'text' }) fileName: string;
  @Column({ name: 'content_type', type: 'text' }) contentType: string;
  @Column('int') size: number;
  @Column('text') sha256: string;
  @Column({ name: 'uploaded_by', type: 'text' }) uploadedBy: string;
  @Column({ name: 'uploaded_at', type: 'timestamptz' }) uploadedAt: Date;
}
