import { Column, Entity, ForeignKey, PrimaryColumn, Unique } from 'typeorm';
import { Enrolment } from '../enrolments/enrolment.entity';

/** The certificate of a person who completed a class: its number and the code of its public verification page. */
@Entity({ name: 'completion_certificate' })
@Unique('completion_certificate_number_uq', ['number'])
@Unique('completion_certificate_code_uq', ['code'])
export class CompletionCertificate {
  @ForeignKey(() => Enrolment, { name: 'completion_certificate_enrolment_fk' })
  @PrimaryColumn({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId: string;
  @Column({ name: 'class_id', type: 'uuid' }) classId: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column('text') number: string;
  @Column('text') code: string;
  @Column({ name: 'issued_at', type: 'timestamptz' }) issuedAt: Date;
}
