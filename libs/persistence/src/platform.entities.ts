import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Tables every service schema has. The schema comes from the service's DataSource, so the same
 * classes serve every service while each owns its own rows.
 */

/** Events waiting to be relayed to JetStream, written in the transaction that changed state. */
@Entity({ name: 'outbox' })
@Index('outbox_unpublished_idx', ['createdAt'], { where: 'published_at IS NULL' })
export class OutboxRow {
  @PrimaryColumn('uuid') id: string; // = CloudEvents id = Nats-Msg-Id
  @Column('text') subject: string;
  @Column('text') type: string;
  @Column('jsonb') envelope: Record<string, unknown>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @Column('int', { default: 0 }) attempts: number;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
}

/** Events already applied by a consumer: the row is inserted in the same transaction as the effect. */
@Entity({ name: 'inbox' })
export class InboxRow {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' }) eventId: string;
  @PrimaryColumn({ type: 'text' }) consumer: string;
  @Column('text') type: string;
  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
}

/** Events a consumer gave up on; an admin can list and replay them. */
@Entity({ name: 'dead_letter' })
@Index('dead_letter_consumer_event_uq', ['consumer', 'eventId'], { unique: true })
export class DeadLetterRow {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') consumer: string;
  @Column({ name: 'event_id', type: 'text' }) eventId: string;
  @Column('text') subject: string;
  /** The raw message as received (it may not even be JSON). */
  @Column('text') payload: string;
  @Column('text') error: string;
  @Column('int') deliveries: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'replayed_at', type: 'timestamptz', nullable: true }) replayedAt: Date | null;
  @Column({ name: 'replay_error', type: 'text', nullable: true }) replayError: string | null;
}

/** Append-only record of every change of state, written in the same transaction as the change. */
@Entity({ name: 'audit_log' })
@Index('audit_log_entity_idx', ['entityType', 'entityId'])
export class AuditRow {
  @PrimaryGeneratedColumn('uuid') id: string;
  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
  @Column({ name: 'actor_id', type: 'text' }) actorId: string;
  @Column({ name: 'actor_role', type: 'text' }) actorRole: string;
  @Column('text') action: string;
  @Column({ name: 'entity_type', type: 'text' }) entityType: string;
  @Column({ name: 'entity_id', type: 'text' }) entityId: string;
  @Column('jsonb', { nullable: true }) details: Record<string, unknown> | null;
  @Column({ name: 'correlation_id', type: 'text', nullable: true }) correlationId: string | null;
}

export const PLATFORM_ENTITIES = [OutboxRow, InboxRow, DeadLetterRow, AuditRow];
