import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { Enrolment } from './enrolment.entity';

/** One person on one day of a class: present, or absent with a reason. */
@Entity({ name: 'attendance' })
export class Attendance {
  @ForeignKey(() => Enrolment, { name: 'attendance_enrolment_fk' })
  @PrimaryColumn({ name: 'enrolment_id', type: 'uuid', primaryKeyConstraintName: 'attendance_pk' })
  enrolmentId: string;
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'attendance_pk' }) day: string;
  @Column('boolean') present: boolean;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ name: 'recorded_by', type: 'text' }) recordedBy: string;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt: Date;
}
