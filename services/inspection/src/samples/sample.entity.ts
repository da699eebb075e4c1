import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { IndicatorResultDto } from '@ocop/contracts';
import type { SampleStage } from '@ocop/domain';
import { Lab } from '../labs/lab.entity';

/** A sample sent for lab testing, for a province-tier evaluation or an inspection task. */
@Entity({ name: 'sample' })
@Check('sample_stage_check', `stage IN ('REQUESTED','COLLECTED','DISPATCHED','RECEIVED_BY_LAB','RESULT_RECORDED','CANCELLED')`)
@Check('sample_overall_check', `overall IN ('PASS','FAIL')`)
@Check('sample_recorded_via_check', `recorded_via IN ('API','NATS')`)
@Index('sample_open_idx', ['dueAt'], { where: `stage NOT IN ('RESULT_RECORDED','CANCELLED')` })
@Index('sample_dossier_idx', ['dossierId'])
@Index('sample_lab_idx', ['labId', 'stage'])
export class Sample {
  @PrimaryColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) code: string;
  @Column('text') stage: SampleStage;
  @Column({ type: 'boolean', default: false }) overdue: boolean;
  @Column({ name: 'stage_since', type: 'timestamptz' }) stageSince: Date;
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt: Date | null;
  @Column({ name: 'dossier_id', type: 'uuid', nullable: true }) dossierId: string | null;
  @Column({ name: 'evaluation_id', type: 'uuid', nullable: true }) evaluationId: string | null;
  @Column({ name: 'inspection_task_id', type: 'uuid', nullable: true }) inspectionTaskId: string | null;
  @Column({ name: 'product_id', type: 'uuid' }) productId: string;
  @Column({ name: 'product_name', type: 'text' }) productName: string;
  @Column({ name: 'product_set_code', type: 'text' }) productSetCode: string;
  @Column({ name: 'producer_id', type: 'uuid' }) producerId: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'lab_id', type: 'uuid' }) labId: string;
  @ManyToOne(() => Lab, { nullable: false })
  @JoinColumn({ name: 'lab_id', foreignKeyConstraintName: 'sample_lab_id_fkey' })
  lab?: Lab;
  @Column('text', { array: true }) indicators: string[];
  @Column({ name: 'requested_by', type: 'text' }) requestedBy: string;
  @Column({ name: 'requested_at', type: 'timestamptz' }) requestedAt: Date;
  @Column({ name: 'collected_by', type: 'text', nullable: true }) collectedBy: string | null;
  @Column({ name: 'collected_at', type: 'timestamptz', nullable: true }) collectedAt: Date | null;
  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true }) dispatchedAt: Date | null;
  @Column({ name: 'received_at', type: 'timestamptz', nullable: true }) receivedAt: Date | null;
  @Column({ type: 'text', nullable: true }) overall: 'PASS' | 'FAIL' | null;
  @Column({ name: 'result_reference', type: 'text', nullable: true }) resultReference: string | null;
  @Column({ name: 'indicator_results', type: 'jsonb', nullable: true }) indicatorResults: IndicatorResultDto[] | null;
  @Column({ name: 'result_checksum', type: 'text', nullable: true }) resultChecksum: string | null;
  @Column({ name: 'result_sheet_key', type: 'text', nullable: true }) resultSheetKey: string | null;
  @Column({ name: 'recorded_via', type: 'text', nullable: true }) recordedVia: 'API' | 'NATS' | null;
  @Column({ name: 'result_recorded_at', type: 'timestamptz', nullable: true }) resultRecordedAt: Date | null;
  @Column({ name: 'cancelled_reason', type: 'text', nullable: true }) cancelledReason: string | null;
}
