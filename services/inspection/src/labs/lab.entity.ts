import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** A testing laboratory and the indicators it is accredited for. */
@Entity({ name: 'lab' })
@Check('lab_turnaround_days_check', 'turnaround_days > 0')
export class Lab {
  @PrimaryColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) code: string;
  @Column('text') name: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column('text', { array: true }) indicators: string[];
  @Column({ name: 'turnaround_days', type: 'int' }) turnaroundDays: number;
  @Column({ name: 'contact_name', type: 'text' }) contactName: string;
  @Column({ name: 'contact_email', type: 'text', nullable: true }) contactEmail: string | null;
  @Column({ name: 'contact_phone', type: 'text', nullable: true }) contactPhone: string | null;
  @Column({ name: 'created_by', type: 'text' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}
