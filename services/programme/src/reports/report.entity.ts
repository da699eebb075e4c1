import type { ReportFigures } from '@ocop/contracts';
import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A province's report settings: the days the annual reports are due before, to whom, and when a unit is reminded. */
@Entity({ name: 'report_setting' })
export class ReportSetting {
  @PrimaryColumn({ name: 'province_code', type: 'text' }) provinceCode: string;
  /** MM-DD. */
  @Column({ name: 'district_due_before', type: 'text' }) districtDueBefore: string;
  @Column({ name: 'district_recipient', type: 'text' }) districtRecipient: string;
  @Column({ name: 'province_due_before', type: 'text', nullable: true }) provinceDueBefore: string | null;
  @Column({ name: 'province_recipient', type: 'text', nullable: true }) provinceRecipient: string | null;
  @Column({ name: 'reminder_days', type: 'int' }) reminderDays: number;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'updated_by', type: 'uuid' }) updatedBy: string;
}

/** A report with its figures frozen when it was submitted (an annual one: once per unit and year). */
@Entity({ name: 'report' })
@Check('report_kind_check', `kind IN ('DISTRICT_ANNUAL','PROVINCE_ANNUAL','AD_HOC')`)
@Check('report_status_check', `status IN ('SUBMITTED','ACKNOWLEDGED','GENERATED')`)
@Index('report_annual_uq', ['kind', 'unitCode', 'year'], { unique: true, where: `kind <> 'AD_HOC'` })
@Index('report_province_idx', ['provinceCode', 'submittedAt'])
export class Report {
  @PrimaryColumn('uuid') id: string;
  @Column('text') kind: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'unit_code', type: 'text' }) unitCode: string;
  @Column({ name: 'unit_name', type: 'text' }) unitName: string;
  @Column({ type: 'int', nullable: true }) year: number | null;
  @Column({ name: 'period_from', type: 'date' }) periodFrom: string;
  @Column({ name: 'period_to', type: 'date' }) periodTo: string;
  @Column({ type: 'text', nullable: true }) reference: string | null;
  @Column('text') status: string;
  @Column({ type: 'text', nullable: true }) recipient: string | null;
  @Column({ name: 'due_before', type: 'date', nullable: true }) dueBefore: string | null;
  @Column('boolean') late: boolean;
  @Column('jsonb') figures: ReportFigures;
  @Column({ name: 'submitted_at', type: 'timestamptz' }) submittedAt: Date;
  @Column({ name: 'submitted_by', type: 'uuid' }) submittedBy: string;
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true }) acknowledgedAt: Date | null;
  @Column({ name: 'acknowledged_by', type: 'uuid', nullable: true }) acknowledgedBy: string | null;
  @Column({ name: 'acknowledgement_note', type: 'text', nullable: true }) acknowledgementNote: string | null;
}

/** A reminder sent to a unit that had not reported: once per unit, kind and year. */
@Entity({ name: 'report_reminder' })
@Index('report_reminder_uq', ['unitCode', 'kind', 'year'], { unique: true })
export class ReportReminder {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'unit_code', type: 'text' }) unitCode: string;
  @Column('text') kind: string;
  @Column('int') year: number;
  @Column({ name: 'due_before', type: 'date' }) dueBefore: string;
  @Column('timestamptz') at: Date;
}
