import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last completion certificate number of a province and year. */
@Entity({ name: 'certificate_counter' })
export class CertificateCounter {
  @PrimaryColumn({ name: 'province_code', type: 'text', primaryKeyConstraintName: 'certificate_counter_pk' }) provinceCode: string;
  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'certificate_counter_pk' }) year: number;
  @Column('int') last: number;
}
