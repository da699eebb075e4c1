import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** national-hub mode: an event a province shared with the hub (a forwarded dossier, a report's figures), once by its id. */
@Entity({ name: 'national_record' })
@Index('national_record_type_idx', ['type', 'provinceCode'])
export class NationalRecord {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' }) eventId: string;
  /** The province's JetStream domain it came through. */
  @Column('text') domain: string;
  @Column('text') type: string;
  @Column({ name: 'province_code', type: 'text' }) provinceCode: string;
  @Column('jsonb') data: Record<string, unknown>;
  /** When the province's event happened, and when the hub stored it. */
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
  @Column({ type: 'bigint' }) seq: string;
}

/** How far the hub read its national stream. */
@Entity({ name: 'national_cursor' })
export class NationalCursor {
  @PrimaryColumn('text') stream: string;
  @Column({ name: 'last_seq', type: 'bigint' }) lastSeq: string;
}
