import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient, type PubAck } from '@nats-io/jetstream';
import { agencyEventSubject, eventSubject, type EventEnvelope } from '@ocop/contracts';
import { eventually, type TestEnv } from '@ocop/testing';

/** Publishes events onto a test file's stream the way a service's outbox relay does (CloudEvents envelope, event id as Nats-Msg-Id). */
export class TestBus {
  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly env: TestEnv,
  ) {}

  static async connect(env: TestEnv): Promise<TestBus> {
    const nc = await connect({ servers: env.natsUrl });
    return new TestBus(nc, jetstream(nc), env);
  }

  async publish<T>(
    source: string,
    type: string,
    data: T,
    o: {
      id?: string;
      msgId?: string;
      subject?: string;
      time?: string;
      /** Publish as this agency's service does: on its own space (agencyEventSubject), not the platform's. */
      agencyCode?: string;
      /** Envelope attributes a publisher adds (e.g. a forged actor or agency, which the platform must drop). */
      extra?: Record<string, unknown>;
    } = {},
  ): Promise<{ envelope: EventEnvelope<T>; ack: PubAck }> {
    const envelope: EventEnvelope<T> = {
      specversion: '1.0',
      id: o.id ?? randomUUID(),
      source,
      type,
      subject: o.subject,
      time: o.time ?? new Date().toISOString(),
      datacontenttype: 'application/json',
      data,
      correlationid: randomUUID(),
    };
    const subject = o.agencyCode ? agencyEventSubject(this.env.prefix, o.agencyCode, type) : eventSubject(this.env.prefix, type);
    const ack = await this.js.publish(subject, JSON.stringify({ ...envelope, ...o.extra }), { msgID: o.msgId ?? envelope.id });
    return { envelope, ack };
  }

  /**
   * Publishes an envelope already on the bus again under another Nats-Msg-Id (JetStream's duplicate window would drop
   * the same one): the redelivery a relay makes when it published but lost its mark.
   */
  async republish(envelope: EventEnvelope): Promise<PubAck> {
    return this.js.publish(eventSubject(this.env.prefix, envelope.type), JSON.stringify(envelope), { msgID: randomUUID() });
  }

  /** Waits until a durable consumer has handled and acknowledged everything in the stream. */
  async settled(durable: string, timeoutMs = 15_000): Promise<void> {
    const jsm = await jetstreamManager(this.nc);
    await eventually(
      async () => {
        const info = await jsm.consumers.info(this.env.stream, durable);
        return info.num_pending === 0 && info.num_ack_pending === 0;
      },
      timeoutMs,
      `consumer ${durable} to catch up`,
    );
  }

  /** Every event of a type in the stream so far, oldest first (an ordered consumer, read to the end). */
  async events<T = unknown>(type: string): Promise<EventEnvelope<T>[]> {
    const subject = eventSubject(this.env.prefix, type);
    const jsm = await jetstreamManager(this.nc);
    const pending = (await jsm.streams.info(this.env.stream, { subjects_filter: subject })).state.subjects?.[subject] ?? 0;
    if (!pending) return [];
    const consumer = await this.js.consumers.get(this.env.stream, { filter_subjects: subject });
    const out: EventEnvelope<T>[] = [];
    const messages = await consumer.fetch({ max_messages: pending, expires: 5_000 });
    for await (const m of messages) {
      out.push(m.json<EventEnvelope<T>>());
      if (out.length === pending) break;
    }
    return out;
  }

  async close(): Promise<void> {
    await this.nc.close();
  }
}
