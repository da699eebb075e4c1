import { IsInt, Max, Min } from 'class-validator';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { createPlatformTablesV1, createServiceDataSource, initializeServiceDatabase } from '@ocop/persistence';
import { type EventHandlerFn } from '@ocop/messaging';
import { loadServiceConfig } from '@ocop/service-kit';

/**
 * The schema the messaging medium tests own: the platform tables (outbox, inbox, dead_letter, ...)
 * plus an effect table a test handler writes to. Used by the test files and by the consumer child
 * process, so it imports nothing from @ocop/testing.
 */
export const SCHEMA = 'msgtest';

export class MsgTestTables1763900000000 implements MigrationInterface {
  name = 'MsgTestTables1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await createPlatformTablesV1(q, SCHEMA);
    // Deliberately no unique key on (consumer, event_id): an event applied twice shows up as two
    // rows instead of being hidden behind a constraint violation and a retry.
    await q.query(`CREATE TABLE ${SCHEMA}.effect (
      id bigserial PRIMARY KEY, consumer text NOT NULL, event_id uuid NOT NULL, value int NOT NULL,
      pid int NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    // One row per handler invocation, written outside the event's transaction (it survives a rollback or a crash).
    await q.query(`CREATE TABLE ${SCHEMA}.effect_attempt (
      id bigserial PRIMARY KEY, consumer text NOT NULL, event_id uuid NOT NULL, pid int NOT NULL,
      attempted_at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA ${SCHEMA} CASCADE`);
  }
}

/** Opens (and migrates, idempotently) the msgtest schema of a test database. */
export async function openMsgTestDatabase(url: string, applicationName: string): Promise<DataSource> {
  const ds = createServiceDataSource({ url, schema: SCHEMA, entities: [], migrations: [MsgTestTables1763900000000], applicationName });
  return initializeServiceDatabase(ds);
}

/** The payload of the tests' own event types (`<scope>.thing-happened.v1`, ...), outside the contracts' registry. */
export class ThingHappened {
  @IsInt() @Min(-1_000_000) @Max(1_000_000) value: number;
}

/** A consumer's `extraPayloads` for test-only event types, all carrying a ThingHappened. */
export const thingPayloads = (...types: string[]): Record<string, typeof ThingHappened> =>
  Object.fromEntries(types.map((type) => [type, ThingHappened]));

/** A handler that applies an event by inserting one effect row in the event's transaction. */
export function effectHandler(consumer: string): EventHandlerFn {
  return async (event, tx) => {
    const { value } = event.data as ThingHappened;
    await tx.query(`INSERT INTO ${SCHEMA}.effect (consumer, event_id, value, pid) VALUES ($1, $2, $3, $4)`, [
      consumer,
      event.id,
      value,
      process.pid,
    ]);
  };
}

/** Records one handler invocation in its own autocommit statement (outside the event's transaction). */
export async function recordAttempt(ds: DataSource, consumer: string, eventId: string): Promise<void> {
  await ds.query(`INSERT INTO ${SCHEMA}.effect_attempt (consumer, event_id, pid) VALUES ($1, $2, $3)`, [consumer, eventId, process.pid]);
}

/** Runs a `SELECT count(*) ...` (or any query returning one row with a column n) and returns n. */
export async function countOf(ds: DataSource, sql: string, params: unknown[] = []): Promise<number> {
  const rows: Array<{ n: string | number }> = await ds.query(sql, params);
  return Number(rows[0]?.n ?? 0);
}

export const effectsOf = (ds: DataSource, consumer: string, eventId?: string): Promise<number> =>
  eventId
    ? countOf(ds, `SELECT count(*) AS n FROM ${SCHEMA}.effect WHERE consumer = $1 AND event_id = $2`, [consumer, eventId])
    : countOf(ds, `SELECT count(*) AS n FROM ${SCHEMA}.effect WHERE consumer = $1`, [consumer]);

export const inboxOf = (ds: DataSource, consumer: string, eventId?: string): Promise<number> =>
  eventId
    ? countOf(ds, `SELECT count(*) AS n FROM ${SCHEMA}.inbox WHERE consumer = $1 AND event_id = $2`, [consumer, eventId])
    : countOf(ds, `SELECT count(*) AS n FROM ${SCHEMA}.inbox WHERE consumer = $1`, [consumer]);

export const deadLettersOf = (ds: DataSource, consumer: string): Promise<number> =>
  countOf(ds, `SELECT count(*) AS n FROM ${SCHEMA}.dead_letter WHERE consumer = $1`, [consumer]);

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A service app on the msgtest schema with the given controllers, under the `registration` name (its admin subjects are
 * declared in the RPC registry), for the edge tests; quick relay and retries.
 */
export function msgTestServiceSpec(
  env: { databaseUrl: string; natsUrl: string; prefix: string; stream: string },
  controllers: (new () => object)[],
) {
  return {
    name: 'registration',
    database: { schema: SCHEMA, entities: [], migrations: [MsgTestTables1763900000000] },
    config: {
      ...loadServiceConfig({ OCOP_MODE: 'test', DATABASE_URL: env.databaseUrl, NATS_URL: env.natsUrl, LOG_LEVEL: 'silent' }, 0),
      prefix: env.prefix,
      stream: env.stream,
      relayPollIntervalMs: 100,
      consumerBackoffMs: [100],
    },
    providers: [],
    controllers,
  };
}
