import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { EventSeries } from './event-series.entity';

/** A fair, an exhibition, a livestream session, an OCOP week...: where producers show their products. */
@Entity({ name: 'promotion_event' })
@Check('promotion_event_organiser_kind_check', `organiser_kind IN ('PROVINCE','OUTSIDE')`)
@Check('promotion_event_capacity_check', `capacity > 0`)
@Check('promotion_event_capacity_unit_check', `capacity_unit IN ('BOOTH','SLOT')`)
@Check('promotion_event_fairness_check', `fairness IN ('FEWEST_SLOTS_FIRST','NO_SLOT_FIRST')`)
@Check('promotion_event_status_check', `status IN ('SCHEDULED','SELECTED','CANCELLED')`)
@Check(
  'promotion_event_dates_check',
  `ends_at >= starts_at AND application_opens_at < application_closes_at AND application_closes_at <= starts_at`,
)
@Index('promotion_event_province_starts_idx', ['provinceCode', 'startsAt'])
export class PromotionEvent {
  @PrimaryColumn('uuid') id: string;
  @ForeignKey(() => EventSeries, { name: 'promotion_event_series_fk' })
  @Column({ name: 'series_id', type: 'uuid', nullable: true })
  seriesId: string | null;
  @Column({ name: 'series_index', type: 'int', nullable: true }) seriesIndex: number | null;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column('text') kind: string;
  @Column('text') title: string;
  @Column({ name: 'organiser_kind', type: 'text' }) organiserKind: string;
  @Column({ name: 'organiser_name', type: 'text' }) organiserName: string;
  @Column({ type: 'text', nullable: true }) place: string | null;
  @Column({ name: 'channel_platform', type: 'text', nullable: true }) channelPlatform: string | null;
  @Column({ name: 'channel_url', type: 'text', nullable: true }) channelUrl: string | null;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt: Date;
  @Column({ name: 'application_opens_at', type: 'timestamptz' }) applicationOpensAt: Date;
  @Column({ name: 'application_closes_at', type: 'timestamptz' }) applicationClosesAt: Date;
  @Column('int') capacity: number;
  @Column({ name: 'capacity_unit', type: 'text' }) capacityUnit: string;
  /** bigint: pg returns it as text; the view turns it into a number (amounts fit in 2^53). */
  @Column({ name: 'support_amount_vnd', type: 'bigint', nullable: true }) supportAmountVnd: string | null;
  @Column({ name: 'support_covers_vi', type: 'text', nullable: true }) supportCoversVi: string | null;
  @Column({ type: 'text', array: true }) categories: string[];
  @Column('text') fairness: string;
  @Column('text') status: string;
  @Column({ type: 'text', nullable: true }) seed: string | null;
  @Column({ name: 'selected_at', type: 'timestamptz', nullable: true }) selectedAt: Date | null;
  @Column({ name: 'created_by_id', type: 'uuid' }) createdById: string;
  @Column({ name: 'created_by', type: 'text' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
