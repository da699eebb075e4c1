import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A channel a producer sells through: declared by the producer (or its office), checked by the standing office. */
@Entity({ name: 'sales_channel' })
@Check('sales_channel_kind_check', `kind IN ('MODERN_RETAIL','ECOMMERCE','EXPORT')`)
@Check('sales_channel_status_check', `status IN ('DECLARED','CHECKED','REJECTED','ENDED')`)
@Index('sales_channel_producer_idx', ['producerId', 'status'])
export class SalesChannel {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'producer_id', type: 'uuid' }) producerId: string;
  @Column({ name: 'producer_name', type: 'text' }) producerName: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'district_code', type: 'text', nullable: true }) districtCode: string | null;
  @Column({ name: 'commune_code', type: 'text' }) communeCode: string;
  @Column('text') kind: string;
  @Column('text') name: string;
  @Column({ type: 'text', nullable: true }) url: string | null;
  @Column({ type: 'date' }) since: string;
  @Column('text') status: string;
  @Column({ name: 'checked_by', type: 'text', nullable: true }) checkedBy: string | null;
  @Column({ name: 'checked_at', type: 'timestamptz', nullable: true }) checkedAt: Date | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'ended_on', type: 'date', nullable: true }) endedOn: string | null;
  @Column({ name: 'created_by', type: 'text' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
