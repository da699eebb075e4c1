import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Evaluation } from './evaluation.entity';

/**
 * The product samples the province hands to the central council with a forwarded 5★ candidate (Đắk Lắk: "with their
 * dossier and product samples"): what, handed by whom and when, received by whom and when.
 */
@Entity({ name: 'ministry_sample' })
@Index('ministry_sample_evaluation_idx', ['evaluationId'])
export class MinistrySample {
  @PrimaryColumn('uuid') id: string;
  /** The province's evaluation that forwarded the dossier. */
  @Column({ name: 'evaluation_id', type: 'uuid' })
  @ForeignKey(() => Evaluation, { name: 'ministry_sample_evaluation_id_fkey' })
  evaluationId: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column('jsonb') items: { description: string; quantity: number }[];
  @Column({ name: 'handed_by', type: 'text' }) handedBy: string;
  @Column({ type: 'text', nullable: true }) carrier: string | null;
  @Column({ type: 'text', nullable: true }) reference: string | null;
  @Column({ name: 'handed_at', type: 'timestamptz' }) handedAt: Date;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy: string;
  @Column({ name: 'received_at', type: 'timestamptz', nullable: true }) receivedAt: Date | null;
  @Column({ name: 'received_by', type: 'text', nullable: true }) receivedBy: string | null;
  @Column({ name: 'receipt_note', type: 'text', nullable: true }) receiptNote: string | null;
}
