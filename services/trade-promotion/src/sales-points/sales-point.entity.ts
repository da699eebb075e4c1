import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { SelectionCriterionDto } from '@ocop/contracts';

/** An OCOP introduction and sales point (950/QĐ-BCT): where it is, who runs it, what support it received. */
@Entity({ name: 'sales_point' })
@Check(
  'sales_point_location_check',
  `location_type IN ('TRANSPORT_HUB','ROADSIDE_STOP','RETAIL_CENTRE','TOURISM_HOSPITALITY','CRAFT_VILLAGE','COMMERCIAL_CENTRE','EXHIBITION_CENTRE','POST_OFFICE')`,
)
@Check('sales_point_level_check', `level IN ('DISTRICT','PROVINCE','OUTSIDE_PROVINCE')`)
@Index('sales_point_province_idx', ['provinceCode'])
export class SalesPoint {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column('text') name: string;
  @Column({ name: 'location_type', type: 'text' }) locationType: string;
  @Column('text') level: string;
  @Column({ name: 'district_code', type: 'text', nullable: true }) districtCode: string | null;
  @Column({ name: 'operator_name', type: 'text' }) operatorName: string;
  @Column({ name: 'operator_user_id', type: 'uuid', nullable: true }) operatorUserId: string | null;
  @Column('text') address: string;
  /** numeric: pg returns it as text; the view turns it into a number. */
  @Column({ type: 'numeric', precision: 9, scale: 6, nullable: true }) latitude: string | null;
  @Column({ type: 'numeric', precision: 9, scale: 6, nullable: true }) longitude: string | null;
  /** Days (`YYYY-MM-DD`, Vietnam calendar). */
  @Column({ name: 'opened_on', type: 'date' }) openedOn: string;
  @Column({ name: 'funding_source', type: 'text', nullable: true }) fundingSource: string | null;
  @Column({ name: 'support_vnd', type: 'bigint', nullable: true }) supportVnd: string | null;
  @Column({ name: 'support_received_on', type: 'date', nullable: true }) supportReceivedOn: string | null;
  @Column({ name: 'obligation_ends_on', type: 'date', nullable: true }) obligationEndsOn: string | null;
  @Column({ name: 'upgraded_on', type: 'date', nullable: true }) upgradedOn: string | null;
  @Column({ name: 'upgraded_from_vi', type: 'text', nullable: true }) upgradedFromVi: string | null;
  @Column('jsonb') criteria: SelectionCriterionDto[];
  @Column({ name: 'created_by_id', type: 'uuid' }) createdById: string;
  @Column({ name: 'created_by', type: 'text' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
