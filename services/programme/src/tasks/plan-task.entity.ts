import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Plan } from '../plans/plan.entity';

/** A task of a plan: what, who leads and who coordinates, by when (a day, or a quarter's last day), how it stands. */
@Entity({ name: 'plan_task' })
@Check('plan_task_status_check', `status IN ('NOT_STARTED','IN_PROGRESS','DONE','CANCELLED')`)
@Index('plan_task_plan_idx', ['planId', 'dueOn'])
export class PlanTask {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'plan_id', type: 'uuid' })
  @ForeignKey(() => Plan, { name: 'plan_task_plan_id_fkey' })
  planId: string;
  @Column('text') title: string;
  @Column({ name: 'lead_unit', type: 'text' }) leadUnit: string;
  @Column({ name: 'coordinating_units', type: 'text', array: true }) coordinatingUnits: string[];
  @Column({ name: 'deadline_date', type: 'date', nullable: true }) deadlineDate: string | null;
  @Column({ name: 'deadline_quarter', type: 'text', nullable: true }) deadlineQuarter: string | null;
  /** The last day of the deadline, in Vietnam: the date itself, or the quarter's last day. */
  @Column({ name: 'due_on', type: 'date' }) dueOn: string;
  @Column('text') status: string;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** Something that proves a task's progress (a report, a decision), recorded by the office. */
@Entity({ name: 'plan_task_evidence' })
@Index('plan_task_evidence_task_idx', ['taskId', 'at'])
export class PlanTaskEvidence {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'task_id', type: 'uuid' })
  @ForeignKey(() => PlanTask, { name: 'plan_task_evidence_task_id_fkey' })
  taskId: string;
  @Column('text') text: string;
  @Column({ type: 'text', nullable: true }) reference: string | null;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy: string;
}
