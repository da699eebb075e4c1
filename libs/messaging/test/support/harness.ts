import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  jetstream,
  jetstreamManager,
  type ConsumerInfo,
  type JetStreamClient,
  type JetStreamManager,
  type PubAck,
} from '@nats-io/jetstream';
import { eventSubject, type EventEnvelope } from '@ocop/contracts';
import { connectNats, ensureEventStream, EventOutbox, type OutboxRelay } from '@ocop/messaging';
import { createLogger, type LogLevel } from '@ocop/observability';
import { createTestEnv, eventually, type TestEnv } from '@ocop/testing';
import { openMsgTestDatabase, type ThingHappened } from './msgtest-db';

/** One test file's world: its cloned database (msgtest schema migrated), NATS connection and stream. */
export interface MsgHarness {
  env: TestEnv;
  ds: DataSource;
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  logger: Logger;
  outbox: EventOutbox;
  /** Relay options for this file's schema and database. */
  relayOptions: { pollIntervalMs: number };
  close(): Promise<void>;
}

export const testLogger = (name: string): Logger => createLogger(name, (process.env.TEST_LOG_LEVEL ?? 'silent') as LogLevel);

export async function startHarness(name: string): Promise<MsgHarness> {
  const env = await createTestEnv();
  let ds: DataSource | undefined;
  let nc: NatsConnection | undefined;
  try {
    ds = await openMsgTestDatabase(env.databaseUrl, name);
    nc = await connectNats(env.natsUrl, name);
    await ensureEventStream(nc, { name: env.stream, prefix: env.prefix });
    const [dsOk, ncOk] = [ds, nc];
    return {
      env,
      ds: dsOk,
      nc: ncOk,
      js: jetstream(ncOk),
      jsm: await jetstreamManager(ncOk),
      logger: testLogger(name),
      outbox: new EventOutbox('ocop/test', env.prefix),
      relayOptions: { pollIntervalMs: 100 },
      async close() {
        await ncOk.drain().catch(() => undefined);
        await dsOk.destroy().catch(() => undefined);
        await env.cleanup();
      },
    };
  } catch (err) {
    await nc?.close().catch(() => undefined);
    await ds?.destroy().catch(() => undefined);
    await env.cleanup();
    throw err;
  }
}

/** Subject filter for one test's events: types are `<scope>.<name>.v<N>`, so tests sharing a stream never see each other's. */
export const scopeFilter = (prefix: string, scope: string): string => `${prefix}.events.${scope}.>`;

/** Commits one outbox row per datum, all in one transaction, as a use case would. */
export async function enqueue(h: MsgHarness, type: string, data: ThingHappened[]): Promise<EventEnvelope<ThingHappened>[]> {
  return h.ds.transaction(async (tx) => {
    const out: EventEnvelope<ThingHappened>[] = [];
    for (const d of data) out.push(await h.outbox.enqueue(tx, type, randomUUID(), d));
    return out;
  });
}

/** Runs relay batches until one finds nothing to publish; returns how many rows were published. */
export async function relayAll(relay: OutboxRelay): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await relay.relayBatch();
    if (n === 0) return total;
    total += n;
  }
}

/** An envelope built by hand, for publishing straight to JetStream (bypassing the outbox). */
export function makeEnvelope<T = ThingHappened>(type: string, data: T): EventEnvelope<T> {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: 'ocop/test',
    type,
    subject: randomUUID(),
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data,
    correlationid: randomUUID(),
  };
}

/** Publishes raw bytes to the stream under an explicit Nats-Msg-Id. */
export function publishRaw(h: MsgHarness, type: string, payload: string, msgID: string): Promise<PubAck> {
  return h.js.publish(eventSubject(h.env.prefix, type), payload, { msgID });
}

export interface StreamEntry {
  seq: number;
  subject: string;
  msgId: string | undefined;
  body: string;
}

/** Every message the stream holds, read one sequence at a time. */
export async function streamEntries(h: MsgHarness): Promise<StreamEntry[]> {
  const { state } = await h.jsm.streams.info(h.env.stream);
  const out: StreamEntry[] = [];
  for (let seq = state.first_seq; seq <= state.last_seq && state.messages > 0; seq++) {
    const m = await h.jsm.streams.getMessage(h.env.stream, { seq });
    if (!m) continue;
    out.push({ seq, subject: m.subject, msgId: m.header?.get('Nats-Msg-Id') || undefined, body: new TextDecoder().decode(m.data) });
  }
  return out;
}

/** How many stream messages carry each Nats-Msg-Id. */
export function countByMsgId(entries: StreamEntry[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of entries) if (e.msgId) counts.set(e.msgId, (counts.get(e.msgId) ?? 0) + 1);
  return counts;
}

/** Waits until the durable has nothing left to deliver and nothing awaiting an ack. */
export async function consumerIdle(h: MsgHarness, durable: string, timeoutMs = 30_000): Promise<ConsumerInfo> {
  return eventually(
    async () => {
      const info = await h.jsm.consumers.info(h.env.stream, durable);
      return info.num_pending === 0 && info.num_ack_pending === 0 && info;
    },
    timeoutMs,
    `consumer ${durable} to have num_pending 0 and num_ack_pending 0`,
  );
}

/** Stops everything registered, whatever happens to each. */
export class Stoppables {
  private readonly items: Array<{ stop(): Promise<void> }> = [];
  add<T extends { stop(): Promise<void> }>(item: T): T {
    this.items.push(item);
    return item;
  }
  async stopAll(): Promise<void> {
    await Promise.allSettled(this.items.splice(0).map((i) => i.stop()));
  }
}
