import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Course } from '../courses/course.entity';

/** A class of a course: when, where, for how many, by whom and with what money; a study tour has a destination. */
@Entity({ name: 'training_class' })
@Check('training_class_capacity_check', `capacity > 0`)
@Check('training_class_completion_check', `completion_percent BETWEEN 1 AND 100`)
@Check('training_class_status_check', `status IN ('PLANNED','OPEN','RUNNING','COMPLETED','CANCELLED')`)
@Check('training_class_dates_check', `ends_on >= starts_on`)
@Index('training_class_province_idx', ['provinceCode', 'status', 'startsOn'])
export class TrainingClass {
  @PrimaryColumn('uuid') id: string;
  @ForeignKey(() => Course, { name: 'training_class_course_fk' })
  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;
  @Column({ name: 'target_group', type: 'text' }) targetGroup: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'district_code', type: 'text', nullable: true }) districtCode: string | null;
  @Column('text') title: string;
  /** Days `YYYY-MM-DD`, Vietnam calendar. */
  @Column({ name: 'starts_on', type: 'date' }) startsOn: string;
  @Column({ name: 'ends_on', type: 'date' }) endsOn: string;
  @Column({ type: 'text', nullable: true }) place: string | null;
  @Column('boolean') online: boolean;
  @Column({ type: 'text', nullable: true }) destination: string | null;
  @Column('int') capacity: number;
  @Column('text') organiser: string;
  @Column({ name: 'co_programme', type: 'text', nullable: true }) coProgramme: string | null;
  @Column({ name: 'funding_source', type: 'text', nullable: true }) fundingSource: string | null;
  @Column({ name: 'plan_reference', type: 'text', nullable: true }) planReference: string | null;
  @Column({ name: 'completion_percent', type: 'int' }) completionPercent: number;
  @Column('text') status: string;
  @Column({ name: 'created_by_id', type: 'uuid' }) createdById: string;
  @Column({ name: 'created_by', type: 'text' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
