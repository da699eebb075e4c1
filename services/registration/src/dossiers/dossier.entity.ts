import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Producer } from '../producers/producer.entity';
import { Product } from '../products/product.entity';
import { EvaluationRound } from '../rounds/round.entity';

/** A hồ sơ: one application of a product to be evaluated; the case whose status the state machine governs. */
@Entity({ name: 'dossier' })
@Index('dossier_commune_idx', ['communeCode', 'status'])
@Index('dossier_proposed_idx', ['proposedToUnitCode', 'status'])
@Index('dossier_province_idx', ['provinceCode', 'status'])
export class Dossier {
  @PrimaryColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) code: string;
  @Column({ name: 'product_id', type: 'uuid' })
  @ForeignKey(() => Product, { name: 'dossier_product_id_fkey' })
  productId: string;
  @Column({ name: 'producer_id', type: 'uuid' })
  @ForeignKey(() => Producer, { name: 'dossier_producer_id_fkey' })
  producerId: string;
  @Column('text') kind: string;
  @Column('text') status: string;
  @Column({ name: 'legal_version', type: 'text', nullable: true }) legalVersion: string | null;
  @Column({ name: 'cycle_year', type: 'int' }) cycleYear: number;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'district_code', type: 'text', nullable: true }) districtCode: string | null;
  @Column({ name: 'commune_code', type: 'text' }) communeCode: string;
  @Column({ name: 'filed_at', type: 'timestamptz', nullable: true }) filedAt: Date | null;
  @Column({ name: 'proposed_tier', type: 'text', nullable: true }) proposedTier: string | null;
  @Column({ name: 'proposed_to_unit_code', type: 'text', nullable: true }) proposedToUnitCode: string | null;
  @Column({ name: 'round_id', type: 'uuid', nullable: true })
  @ForeignKey(() => EvaluationRound, { name: 'dossier_round_id_fkey' })
  roundId: string | null;
  @Column({ name: 'proposal_reference', type: 'text', nullable: true }) proposalReference: string | null;
  @Column({ name: 'commune_assessment', type: 'jsonb', nullable: true })
  communeAssessment: { reportReference: string | null; entries: { criterionCode: string; optionCode: string }[] } | null;
  @Column({ name: 'return_reasons', type: 'jsonb', default: () => "'[]'" }) returnReasons: { documentType?: string; reason: string }[];
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
