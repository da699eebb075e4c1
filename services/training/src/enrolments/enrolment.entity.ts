import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import { TrainingClass } from '../classes/training-class.entity';

/** One person in one class: enrolled, waiting, withdrawn, and at the end completed or not. */
@Entity({ name: 'enrolment' })
@Check('enrolment_status_check', `status IN ('ENROLLED','WAITLISTED','WITHDRAWN','COMPLETED','NOT_COMPLETED')`)
@Unique('enrolment_person_uq', ['classId', 'personKey'])
@Index('enrolment_class_status_idx', ['classId', 'status', 'seq'])
export class Enrolment {
  @PrimaryColumn('uuid') id: string;
  @ForeignKey(() => TrainingClass, { name: 'enrolment_class_fk' })
  @Column({ name: 'class_id', type: 'uuid' })
  classId: string;
  /** `user:<id>`, or `person:<producer or unit>:<name>:<birth year>`: the same person is never twice in a class. */
  @Column({ name: 'person_key', type: 'text' }) personKey: string;
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId: string | null;
  @Column({ name: 'producer_id', type: 'uuid', nullable: true }) producerId: string | null;
  @Column({ name: 'full_name', type: 'text' }) fullName: string;
  @Column({ name: 'birth_year', type: 'int', nullable: true }) birthYear: number | null;
  @Column({ type: 'text', nullable: true }) position: string | null;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'district_code', type: 'text', nullable: true }) districtCode: string | null;
  @Column({ name: 'commune_code', type: 'text', nullable: true }) communeCode: string | null;
  @Column('text') status: string;
  /** Order of enrolment: the waiting list moves up by it. bigint: pg returns it as text. */
  @Column({ type: 'bigint' }) seq: string;
  @Column({ name: 'enrolled_by_id', type: 'uuid' }) enrolledById: string;
  @Column({ name: 'enrolled_by', type: 'text' }) enrolledBy: string;
  @Column({ name: 'enrolled_at', type: 'timestamptz' }) enrolledAt: Date;
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt: Date | null;
  @Column({ name: 'days_attended', type: 'int', default: 0 }) daysAttended: number;
}
