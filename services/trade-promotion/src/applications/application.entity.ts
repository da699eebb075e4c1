import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import type { SelectionReason } from '@ocop/domain';
import { PromotionEvent } from '../events/promotion-event.entity';

/** A producer's application to an event: one per producer and event. */
@Entity({ name: 'application' })
@Check('application_status_check', `status IN ('APPLIED','SELECTED','WAITLISTED','CONFIRMED','WITHDRAWN')`)
@Unique('application_event_producer_uq', ['eventId', 'producerId'])
@Index('application_producer_idx', ['producerId', 'status'])
export class Application {
  @PrimaryColumn('uuid') id: string;
  @ForeignKey(() => PromotionEvent, { name: 'application_event_fk' })
  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;
  @Column({ name: 'producer_id', type: 'uuid' }) producerId: string;
  @Column({ name: 'producer_name', type: 'text' }) producerName: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column({ name: 'district_code', type: 'text', nullable: true }) districtCode: string | null;
  @Column({ name: 'commune_code', type: 'text' }) communeCode: string;
  @Column('text') status: string;
  @Column({ type: 'int', nullable: true }) position: number | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) reasons: (SelectionReason | { code: 'MOVED_UP'; detailVi: string })[];
  @Column({ name: 'applied_by_id', type: 'uuid' }) appliedById: string;
  @Column({ name: 'applied_by', type: 'text' }) appliedBy: string;
  @Column({ name: 'applied_at', type: 'timestamptz' }) appliedAt: Date;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true }) confirmedAt: Date | null;
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt: Date | null;
  @Column({ name: 'withdrawn_reason', type: 'text', nullable: true }) withdrawnReason: string | null;
  @Column({ name: 'withdrawn_cause', type: 'text', nullable: true }) withdrawnCause: string | null;
}
