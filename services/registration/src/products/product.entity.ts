import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Producer } from '../producers/producer.entity';

@Entity({ name: 'product' })
@Check('product_processing_level_check', `processing_level IN ('RAW','PRELIMINARY','PROCESSED','DEEP_PROCESSED')`)
@Index('product_producer_idx', ['producerId'])
export class Product {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'producer_id', type: 'uuid' })
  @ForeignKey(() => Producer, { name: 'product_producer_id_fkey' })
  producerId: string;
  @Column('text') name: string;
  @Column({ name: 'product_set_code', type: 'text' }) productSetCode: string;
  @Column('text', { nullable: true }) description: string | null;
  /** Priority categories (issue 17): RAW, PRELIMINARY, PROCESSED or DEEP_PROCESSED; gift, export, community tourism, green value chain. */
  @Column({ name: 'processing_level', type: 'text', nullable: true }) processingLevel: string | null;
  @Column({ type: 'boolean', default: false }) gift: boolean;
  @Column({ type: 'boolean', default: false }) export: boolean;
  @Column({ name: 'community_tourism', type: 'boolean', default: false }) communityTourism: boolean;
  @Column({ name: 'green_value_chain', type: 'boolean', default: false }) greenValueChain: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** A new product's priority categories: none until someone sets them. */
export const NO_PRODUCT_ATTRIBUTES = {
  processingLevel: null,
  gift: false,
  export: false,
  communityTourism: false,
  greenValueChain: false,
} satisfies Partial<Product>;
