import type { QueryRunner } from 'typeorm';

/**
 * DDL of the platform tables (outbox, inbox, dead_letter, audit_log), version 1. A service's
 * first migration calls it for its own schema. Frozen: a change is a new function used by a new migration.
 */
export async function createPlatformTablesV1(q: QueryRunner, schema: string): Promise<void> {
  const s = `"${schema}"`;
  await q.query(`CREATE TABLE ${s}.outbox (
    id uuid PRIMARY KEY, subject text NOT NULL, type text NOT NULL, envelope jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(), published_at timestamptz, attempts int NOT NULL DEFAULT 0, last_error text)`);
  await q.query(`CREATE INDEX outbox_unpublished_idx ON ${s}.outbox (created_at) WHERE published_at IS NULL`);
  await q.query(`CREATE TABLE ${s}.inbox (
    event_id uuid NOT NULL, consumer text NOT NULL, type text NOT NULL, received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, consumer))`);
  await q.query(`CREATE TABLE ${s}.dead_letter (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(), consumer text NOT NULL, event_id text NOT NULL, subject text NOT NULL,
    payload text NOT NULL, error text NOT NULL, deliveries int NOT NULL, created_at timestamptz NOT NULL DEFAULT now(),
    replayed_at timestamptz, replay_error text)`);
  await q.query(`CREATE UNIQUE INDEX dead_letter_consumer_event_uq ON ${s}.dead_letter (consumer, event_id)`);
  await q.query(`CREATE TABLE ${s}.audit_log (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(), occurred_at timestamptz NOT NULL DEFAULT now(),
    actor_id text NOT NULL, actor_role text NOT NULL, action text NOT NULL, entity_type text NOT NULL, entity_id text NOT NULL,
    details jsonb, correlation_id text)`);
  await q.query(`CREATE INDEX audit_log_entity_idx ON ${s}.audit_log (entity_type, entity_id)`);
  // Audit rows are evidence: forbid changing or deleting them, whatever the application does.
  await q.query(`CREATE FUNCTION ${s}.audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`);
  await q.query(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON ${s}.audit_log
    FOR EACH ROW EXECUTE FUNCTION ${s}.audit_log_append_only()`);
}
