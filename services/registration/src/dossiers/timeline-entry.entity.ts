import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One event that touched a dossier, from any service, projected from the event stream. */
@Entity({ name: 'dossier_timeline' })
@Index('dossier_timeline_dossier_idx', ['dossierId', 'occurredAt'])
export class TimelineEntry {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' }) eventId: string;
  @Column({ name: 'dossier_id', type: 'uuid' }) dossierId: string;
  @Column('text') type: string;
  @Column('text') source: string;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
  @Column({ name: 'actor_id', type: 'text', nullable: true }) actorId: string | null;
  @Column({ name: 'actor_role', type: 'text', nullable: true }) actorRole: string | null;
  @Column('jsonb') data: Record<string, unknown>;
}
