import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'product' })
@Index('product_producer_idx', ['producerId'])
export class Product {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'producer_id', type: 'uuid' }) producerId: string;
  @Column('text') name: string;
  @Column({ name: 'product_set_code', type: 'text' }) productSetCode: string;
  @Column('text', { nullable: true }) description: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
