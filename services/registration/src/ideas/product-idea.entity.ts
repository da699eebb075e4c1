import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ProductIdeaStatus } from '@ocop/contracts';
import { Producer } from '../producers/producer.entity';
import { Product } from '../products/product.entity';
import { Dossier } from '../dossiers/dossier.entity';
import { ProductIdeaList } from './product-idea-list.entity';

/**
 * A producer's product idea for a programme year (issue 18; Thanh Hóa's registration form), placed where its producer
 * is: its district assesses it and sends it in its list, the province picks it (a product and a NEW dossier) or not.
 */
@Entity({ name: 'product_idea' })
@Check('product_idea_status_check', `status IN ('SUBMITTED','FEASIBLE','NOT_FEASIBLE','SENT','PICKED','NOT_PICKED')`)
@Index('product_idea_district_idx', ['districtCode', 'year', 'status'])
@Index('product_idea_province_idx', ['provinceCode', 'year', 'status'])
@Index('product_idea_producer_idx', ['producerId'])
export class ProductIdea {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'district_code', type: 'text' }) districtCode: string;
  @Column({ name: 'commune_code', type: 'text' }) communeCode: string;
  @Column({ name: 'producer_id', type: 'uuid' })
  @ForeignKey(() => Producer, { name: 'product_idea_producer_id_fkey' })
  producerId: string;
  @Column('int') year: number;
  @Column('text') name: string;
  @Column({ name: 'product_set_code', type: 'text' }) productSetCode: string;
  @Column('text', { nullable: true }) description: string | null;
  @Column({ name: 'raw_materials', type: 'text' }) rawMaterials: string;
  @Column({ name: 'expected_market', type: 'text' }) expectedMarket: string;
  @Column('text') status: ProductIdeaStatus;
  @Column({ name: 'feasibility_reason', type: 'text', nullable: true }) feasibilityReason: string | null;
  @Column({ name: 'assessed_at', type: 'timestamptz', nullable: true }) assessedAt: Date | null;
  @Column({ name: 'assessed_by', type: 'text', nullable: true }) assessedBy: string | null;
  @Column({ name: 'list_id', type: 'uuid', nullable: true })
  @ForeignKey(() => ProductIdeaList, { name: 'product_idea_list_id_fkey' })
  listId: string | null;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt: Date | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ name: 'decided_by', type: 'text', nullable: true }) decidedBy: string | null;
  @Column({ name: 'decision_reason', type: 'text', nullable: true }) decisionReason: string | null;
  @Column({ name: 'picked_product_id', type: 'uuid', nullable: true })
  @ForeignKey(() => Product, { name: 'product_idea_picked_product_id_fkey' })
  pickedProductId: string | null;
  @Column({ name: 'picked_dossier_id', type: 'uuid', nullable: true })
  @ForeignKey(() => Dossier, { name: 'product_idea_picked_dossier_id_fkey' })
  pickedDossierId: string | null;
  @Column({ name: 'created_by', type: 'text' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
