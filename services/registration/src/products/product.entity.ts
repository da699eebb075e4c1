import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Producer } from '../producers/producer.entity';

@Entity({ name: 'product' })
@Index('product_producer_idx', ['producerId'])
export class Product {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'producer_id', type: 'uuid' })
  @ForeignKey(() => Producer, { name: 'product_producer_id_fkey' })
  producerId: string;
  @Column('text') name: string;
  @Column({ name: 'product_set_code', type: 'text' }) productSetCode: string;
  @Column('text', { nullable: true }) description: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
