import { eventSubject } from '@ocop/contracts';
import { DurableEventConsumer, JetStreamPublisher, OutboxRelay, type EventPublisher } from '@ocop/messaging';
import type { OutboxRow } from '@ocop/persistence';
import { eventually } from '@ocop/testing';
import {
  consumerIdle,
  countByMsgId,
  enqueue,
  scopeFilter,
  startHarness,
  streamEntries,
  Stoppables,
  type MsgHarness,
} from './support/harness';
import { countOf, effectHandler, effectsOf, inboxOf, SCHEMA, thingPayloads } from './support/msgtest-db';

/** Publishes for real, then throws on its first call: the stream has the event, the relay never marks it. */
class CrashAfterPublish implements EventPublisher {
  readonly published: string[] = [];
  constructor(private readonly inner: EventPublisher) {}
  async publish(row: OutboxRow): Promise<{ duplicate: boolean }> {
    const ack = await this.inner.publish(row);
    this.published.push(row.id);
    if (this.published.length === 1) throw new Error('simulated crash after JetStream acked, before the row was marked');
    return ack;
  }
}

interface PublishRecord {
  by: string;
  id: string;
  duplicate: boolean;
}

/** Publishes for real and records what the stream answered. */
class RecordingPublisher implements EventPublisher {
  constructor(
    private readonly inner: EventPublisher,
    private readonly by: string,
    private readonly log: PublishRecord[],
    private readonly before?: () => Promise<void>,
    private readonly after?: () => void,
  ) {}
  async publish(row: OutboxRow): Promise<{ duplicate: boolean }> {
    await this.before?.();
    const ack = await this.inner.publish(row);
    this.log.push({ by: this.by, id: row.id, duplicate: ack.duplicate });
    this.after?.();
    return ack;
  }
}

const publishedAt = async (h: MsgHarness, id: string): Promise<Date | null> => {
  const rows: Array<{ published_at: Date | null }> = await h.ds.query(`SELECT published_at FROM ${SCHEMA}.outbox WHERE id = $1`, [id]);
  if (rows.length !== 1) throw new Error(`outbox row ${id} not found`);
  return rows[0].published_at;
};

// The per-project testTimeout in jest.config.cjs is not applied by jest-circus (it reads only the global one).
jest.setTimeout(60_000);

describe('OutboxRelay (PostgreSQL outbox → JetStream)', () => {
  let h: MsgHarness;
  const running = new Stoppables();

  beforeAll(async () => {
    h = await startHarness('msgtest-relay');
  });

  afterAll(async () => {
    await running.stopAll();
    await h?.close();
  });

  it('an event is published once even when the relay dies between publish and mark', async () => {
    const type = 'relay-crash.thing-happened.v1';
    const [event] = await enqueue(h, type, [{ value: 7 }]);
    const real = new JetStreamPublisher(h.nc);

    // First relay: JetStream acks the event, then the process "dies" before marking the row.
    const crashing = new CrashAfterPublish(real);
    await expect(new OutboxRelay(h.ds, crashing, h.relayOptions, h.logger).relayBatch()).rejects.toThrow(/simulated crash/);
    expect(crashing.published).toEqual([event.id]);
    expect(await publishedAt(h, event.id)).toBeNull(); // the claim rolled back
    expect(countByMsgId(await streamEntries(h)).get(event.id)).toBe(1); // ...but the stream already has it

    // Second relay (a restarted replica) publishes the row again with the same Nats-Msg-Id.
    const log: PublishRecord[] = [];
    expect(await new OutboxRelay(h.ds, new RecordingPublisher(real, 'restarted', log), h.relayOptions, h.logger).relayBatch()).toBe(1);
    expect(log).toEqual([{ by: 'restarted', id: event.id, duplicate: true }]);
    expect(await publishedAt(h, event.id)).toBeInstanceOf(Date);

    const entries = await streamEntries(h);
    expect(countByMsgId(entries).get(event.id)).toBe(1);
    expect(entries.filter((e) => e.subject === eventSubject(h.env.prefix, type))).toHaveLength(1);
    expect(await countOf(h.ds, `SELECT count(*) AS n FROM ${SCHEMA}.outbox WHERE published_at IS NULL`)).toBe(0);

    // A consumer sees it exactly once.
    const durable = 'relay-crash-reader';
    const consumer = running.add(
      new DurableEventConsumer(
        h.nc,
        h.ds,
        {
          durable,
          stream: h.env.stream,
          filterSubject: scopeFilter(h.env.prefix, 'relay-crash'),
          handlers: { [type]: effectHandler(durable) },
          extraPayloads: thingPayloads(type),
          maxDeliver: 3,
          backoffMs: [100, 200],
          ackWaitMs: 2000,
        },
        h.logger,
      ),
    );
    await consumer.start();
    await eventually(async () => (await effectsOf(h.ds, durable, event.id)) >= 1, 20_000, 'the consumer to apply the event');
    const info = await consumerIdle(h, durable);
    expect(info.delivered.consumer_seq).toBe(1); // one message delivered, never redelivered
    expect(await effectsOf(h.ds, durable, event.id)).toBe(1);
    expect(await inboxOf(h.ds, durable, event.id)).toBe(1);
    await consumer.stop();
  });

  it('a row that can never be published is set aside after repeated failures and never holds the others back', async () => {
    const type = 'relay-poison.thing-happened.v1';
    const real = new JetStreamPublisher(h.nc);
    const [poison] = await enqueue(h, type, [{ value: 0 }]);
    const refusing: EventPublisher = {
      publish: async (row) => {
        if (row.id === poison!.id) throw new Error('maximum payload exceeded');
        return real.publish(row);
      },
    };
    const relay = new OutboxRelay(h.ds, refusing, { ...h.relayOptions, maxAttempts: 3 }, h.logger);
    // Alone, its failure looks like the bus failing: the batch throws and nothing is counted.
    await expect(relay.relayBatch()).rejects.toThrow(/maximum payload/);
    const attempts = async () =>
      Number((await h.ds.query(`SELECT attempts FROM ${SCHEMA}.outbox WHERE id = $1`, [poison!.id]))[0].attempts);
    expect(await attempts()).toBe(0);
    // With others in its batches, the others go out and its failures count: three, then it is set aside.
    for (let n = 1; n <= 3; n++) {
      const [good] = await enqueue(h, type, [{ value: n }]);
      expect(await relay.relayBatch()).toBe(1);
      expect(await publishedAt(h, good!.id)).toBeInstanceOf(Date);
      expect(await attempts()).toBe(n);
    }
    const [row] = await h.ds.query(`SELECT published_at, last_error FROM ${SCHEMA}.outbox WHERE id = $1`, [poison!.id]);
    expect(row).toEqual({ published_at: null, last_error: 'maximum payload exceeded' });
    // Set aside: no longer claimed, so a batch neither fails nor waits on it.
    expect(await relay.relayBatch()).toBe(0);
    const [late] = await enqueue(h, type, [{ value: 4 }]);
    expect(await relay.relayBatch()).toBe(1);
    expect(await publishedAt(h, late!.id)).toBeInstanceOf(Date);
    // The other tests of this file share the schema (their relays allow 10 attempts): remove the row.
    await h.ds.query(`DELETE FROM ${SCHEMA}.outbox WHERE id = $1`, [poison!.id]);
  });

  it('two relays running concurrently over 200 outbox rows publish each exactly once (SKIP LOCKED claim)', async () => {
    const type = 'relay-race.thing-happened.v1';
    const events = await enqueue(
      h,
      type,
      Array.from({ length: 200 }, (_, i) => ({ value: i })),
    );
    const ids = new Set(events.map((e) => e.id));
    const real = new JetStreamPublisher(h.nc);
    const log: PublishRecord[] = [];

    // Relay A claims its first batch and then holds it (rows locked, transaction open) until relay B
    // has published something. Without SKIP LOCKED, B would wait on A's locks and the gate would never open.
    let aHolding = false;
    let gateTimedOut = false;
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => {
      openGate = resolve;
    });
    const holdFirstBatch = async (): Promise<void> => {
      if (aHolding) return;
      aHolding = true;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          gateTimedOut = true;
          resolve();
        }, 20_000);
      });
      await Promise.race([gate, timeout]);
      clearTimeout(timer);
    };
    const options = { ...h.relayOptions, batchSize: 20 };
    const relayA = running.add(new OutboxRelay(h.ds, new RecordingPublisher(real, 'A', log, holdFirstBatch), options, h.logger));
    const relayB = running.add(
      new OutboxRelay(h.ds, new RecordingPublisher(real, 'B', log, undefined, () => openGate()), options, h.logger),
    );

    await relayA.start();
    await eventually(async () => aHolding, 10_000, 'relay A to claim a batch');
    await relayB.start();
    await eventually(
      async () =>
        (await countOf(h.ds, `SELECT count(*) AS n FROM ${SCHEMA}.outbox WHERE type = $1 AND published_at IS NULL`, [type])) === 0,
      30_000,
      'every row to be published',
    );
    await relayA.stop();
    await relayB.stop();

    expect(gateTimedOut).toBe(false);
    const byA = log.filter((r) => r.by === 'A').map((r) => r.id);
    const byB = log.filter((r) => r.by === 'B').map((r) => r.id);
    expect(byA.length).toBeGreaterThanOrEqual(20); // at least the batch it held
    expect(byB.length).toBeGreaterThanOrEqual(1);
    // Each row was handed to the stream exactly once, by one relay or the other.
    expect(log.filter((r) => r.duplicate)).toEqual([]);
    expect(log).toHaveLength(200);
    expect(new Set(log.map((r) => r.id))).toEqual(ids);
    expect(byA.filter((id) => byB.includes(id))).toEqual([]);

    const entries = (await streamEntries(h)).filter((e) => e.subject === eventSubject(h.env.prefix, type));
    expect(entries).toHaveLength(200);
    const counts = countByMsgId(entries);
    expect(counts.size).toBe(200);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(counts.keys())).toEqual(ids);
    expect(await countOf(h.ds, `SELECT count(*) AS n FROM ${SCHEMA}.outbox WHERE type = $1 AND published_at IS NOT NULL`, [type])).toBe(
      200,
    );
  });

  it("a commit that wrote outbox rows wakes the writing process's relay at once (no poll, no NOTIFY), the outermost commit only", async () => {
    const log: PublishRecord[] = [];
    const relay = running.add(
      new OutboxRelay(h.ds, new RecordingPublisher(new JetStreamPublisher(h.nc), 'awake', log), { pollIntervalMs: 600_000 }, h.logger),
    );
    await relay.start(); // its first batch runs now; then it sleeps for ten minutes unless a commit wakes it
    await eventually(async () => (await countOf(h.ds, `SELECT count(*) AS n FROM ${SCHEMA}.outbox WHERE published_at IS NULL`)) === 0);
    const type = 'relay-wake.thing-happened.v1';

    const [direct] = await enqueue(h, type, [{ value: 1 }]);
    await eventually(async () => log.some((r) => r.id === direct!.id), 5_000, 'the commit to wake the relay');

    // Written in a savepoint: its release is not the commit; the rows are relayed when the transaction commits.
    let nested: string | undefined;
    await h.ds.transaction(async (tx) => {
      await tx.transaction(async (inner) => {
        nested = (await h.outbox.enqueue(inner, type, undefined, { value: 2 })).id;
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(log.some((r) => r.id === nested)).toBe(false);
    });
    await eventually(async () => log.some((r) => r.id === nested), 5_000, 'the outer commit to wake the relay');
    expect(await publishedAt(h, nested!)).toBeInstanceOf(Date);
  });
});
