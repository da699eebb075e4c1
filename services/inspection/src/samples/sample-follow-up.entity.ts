import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Sample } from './sample.entity';

/** Each reminder and escalation of a stage happens once: the row is the proof. */
@Entity({ name: 'sample_follow_up' })
@Check('sample_follow_up_kind_check', `kind IN ('REMINDER','ESCALATION')`)
export class SampleFollowUp {
  @PrimaryColumn({ name: 'sample_id', type: 'uuid' }) sampleId: string;
  @ManyToOne(() => Sample, { nullable: false })
  @JoinColumn({ name: 'sample_id', foreignKeyConstraintName: 'sample_follow_up_sample_id_fkey' })
  sample?: Sample;
  @PrimaryColumn('text') stage: string;
  @PrimaryColumn('text') kind: 'REMINDER' | 'ESCALATION';
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt: Date;
  @Column({ name: 'done_at', type: 'timestamptz' }) doneAt: Date;
}
