import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** A course: who it is for, its topics, how long a class of it lasts. */
@Entity({ name: 'course' })
@Check(
  'course_target_group_check',
  `target_group IN ('COUNCIL','OFFICIALS','DEPARTMENT_OFFICIALS','CONSULTANTS','PRODUCERS_3STAR','POTENTIAL_PRODUCERS','TRAINERS','WORKERS')`,
)
export class Course {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'target_group', type: 'text' }) targetGroup: string;
  @Column('text') title: string;
  @Column({ type: 'text', array: true }) topics: string[];
  @Column({ name: 'duration_days', type: 'int' }) durationDays: number;
  @Column({ name: 'created_by', type: 'text' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
