import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SeriesScheduleDto } from '@ocop/contracts';

/** A recurring series (six livestreams, one every two months): the rule its events were created from. */
@Entity({ name: 'event_series' })
export class EventSeries {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column('text') title: string;
  @Column('jsonb') schedule: SeriesScheduleDto;
  @Column({ name: 'created_by', type: 'text' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
