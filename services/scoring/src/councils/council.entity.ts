import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** Hội đồng đánh giá, phân hạng: the scoring body of one tier and administrative unit. */
@Entity({ name: 'council' })
@Index('council_unit_idx', ['tier', 'unitCode'])
@Check('council_tier_check', `tier IN ('DISTRICT','PROVINCE','CENTRAL')`)
@Check('council_quorum_check', `quorum > 0`)
@Check('council_spread_limit_check', `spread_limit >= 0`)
export class Council {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text') tier: string;
  @Column({ name: 'unit_code', type: 'text' }) unitCode: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  /** The authority the council advises, as printed on its minutes: "UBND tỉnh Thanh Hóa". */
  @Column({ name: 'authority_name', type: 'text' }) authorityName: string;
  /** Place name for the date line of its documents: "Thanh Hóa". */
  @Column({ name: 'place_name', type: 'text' }) placeName: string;
  @Column('int') quorum: number;
  @Column({ name: 'chair_required', type: 'boolean' }) chairRequired: boolean;
  /** Hundredths. */
  @Column({ name: 'spread_limit', type: 'int' }) spreadLimit: number;
  @Column({ name: 'created_by', type: 'text' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
