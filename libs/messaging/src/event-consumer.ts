import type { NatsConnection } from '@nats-io/transport-node';
import { nanos } from '@nats-io/transport-node';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import {
  eventPayloadClass,
  isEventEnvelope,
  validatePayload,
  type EventEnvelope,
  type EventPayloadClass,
  type Role,
} from '@ocop/contracts';
import { DeadLetterRow, type Tx } from '@ocop/persistence';
import { runInContext, type Metrics } from '@ocop/observability';
import { isPermanent } from './error-mapping';

/** Applies one event inside the transaction that also records it in the inbox. */
export type EventHandlerFn = (event: EventEnvelope, tx: Tx) => Promise<void>;

/**
 * A handler that first reads what it needs from elsewhere (another service over NATS, a cache), outside any
 * transaction, so no lock is held while it waits; then applies the event in the inbox transaction with it.
 */
export interface PreparedEventHandler<P> {
  /**
   * Whether the event concerns this handler at all, read off its envelope (after its data was checked): when not, it
   * is acknowledged as skipped, with no transaction and no inbox row (a projection of some events among all types).
   */
  accepts?(event: EventEnvelope): boolean;
  prepare?(event: EventEnvelope): Promise<P>;
  apply(event: EventEnvelope, tx: Tx, prepared: P): Promise<void>;
}

export type EventHandler = EventHandlerFn | PreparedEventHandler<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- each handler prepares its own type

/** Thrown by a handler for an event that can never be applied: it goes to dead letters at once. */
export class UnrecoverableEventError extends Error {
  override name = 'UnrecoverableEventError';
}

export interface DurableConsumerOptions {
  /** Durable consumer name; also the inbox and dead-letter key. */
  durable: string;
  stream: string;
  /** One subject filter (nats-server 2.9 allows one per consumer). */
  filterSubject: string;
  /**
   * Handlers by event type ('*' catches every other type); events without a handler are acknowledged and skipped.
   * Every type named here must have a payload class (the contracts' EVENT_PAYLOADS, or `extraPayloads`): start() fails otherwise.
   */
  handlers: Record<string, EventHandler>;
  /**
   * Payload classes of event types outside the contracts' registry (a test's own types). A registered type may not
   * be given here: its contract is the registry's.
   */
  extraPayloads?: Record<string, EventPayloadClass>;
  /** Deliveries before an event is given up and kept as a dead letter. */
  maxDeliver?: number;
  /** Redelivery delay after the n-th failed attempt (the last value repeats). */
  backoffMs?: number[];
  ackWaitMs?: number;
  /** Events handled at the same time by this process. */
  concurrency?: number;
}

/**
 * A durable JetStream pull consumer with explicit acks and an idempotent inbox. An event's effect
 * and its inbox row commit together; the ack follows the commit. A redelivery (crash before the ack,
 * ack lost, relay re-publish) finds the inbox row and changes nothing. Failures are retried with
 * backoff up to maxDeliver, then kept in dead_letter; undecodable messages, and events whose data does
 * not fit their type's payload class (the contracts' EVENT_PAYLOADS), go there at once. The handler gets
 * the envelope as published (its data checked, not converted). A failing event never blocks the others:
 * it is nak'ed with a delay while the rest flow.
 */
export class DurableEventConsumer {
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;
  private readonly inflight = new Set<Promise<void>>();
  private readonly maxDeliver: number;
  private readonly backoffMs: number[];
  private readonly concurrency: number;
  private readonly inboxTable: string;
  private readonly deadLetterTable: string;

  constructor(
    private readonly nc: NatsConnection,
    private readonly ds: DataSource,
    private readonly o: DurableConsumerOptions,
    private readonly logger: Logger,
    private readonly metrics?: Metrics,
  ) {
    this.maxDeliver = o.maxDeliver ?? 5;
    this.backoffMs = o.backoffMs ?? [1_000, 5_000, 30_000, 120_000];
    this.concurrency = o.concurrency ?? 4;
    const schema = (ds.options as { schema: string }).schema;
    this.inboxTable = `"${schema}".inbox`;
    this.deadLetterTable = `"${schema}".dead_letter`;
  }

  get name(): string {
    return this.o.durable;
  }

  async start(): Promise<void> {
    this.checkPayloadClasses();
    const jsm = await jetstreamManager(this.nc);
    const settings = {
      ack_wait: nanos(this.o.ackWaitMs ?? 30_000),
      max_ack_pending: Math.max(100, this.concurrency * 4),
      filter_subject: this.o.filterSubject,
    };
    try {
      await jsm.consumers.info(this.o.stream, this.o.durable);
      await jsm.consumers.update(this.o.stream, this.o.durable, settings);
    } catch (err) {
      if (!/not found/i.test((err as Error).message)) throw err;
      // max_deliver stays unlimited on the server: this process counts deliveries and dead-letters,
      // so an event whose handler crashed the process on its last try is still recorded, not dropped.
      await jsm.consumers.add(this.o.stream, {
        durable_name: this.o.durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        max_deliver: -1,
        ...settings,
      });
    }
    const consumer = await jetstream(this.nc).consumers.get(this.o.stream, this.o.durable);
    this.messages = await consumer.consume({ max_messages: this.concurrency * 2 });
    const messages = this.messages;
    this.loop = (async () => {
      for await (const m of messages) {
        while (this.inflight.size >= this.concurrency) await Promise.race(this.inflight);
        const p = this.handle(m).finally(() => this.inflight.delete(p));
        this.inflight.add(p);
      }
    })();
  }

  /** Every handled type has its payload class, and no extra class shadows a registered one (start-up fails otherwise). */
  private checkPayloadClasses(): void {
    for (const type of Object.keys(this.o.extraPayloads ?? {})) {
      if (eventPayloadClass(type))
        throw new Error(
          `consumer ${this.o.durable}: ${type} is a registered event type; its payload class is the registry's, not extraPayloads'`,
        );
    }
    const unknown = Object.keys(this.o.handlers).filter((type) => type !== '*' && !this.payloadClassOf(type));
    if (unknown.length)
      throw new Error(
        `consumer ${this.o.durable} handles event types with no payload class in the contracts' EVENT_PAYLOADS: ${unknown.join(', ')}`,
      );
  }

  private payloadClassOf(type: string): EventPayloadClass | undefined {
    return eventPayloadClass(type) ?? this.o.extraPayloads?.[type];
  }

  /**
   * Why the event's data cannot be handled (`PAYLOAD_INVALID: data.dossierId must be a UUID`), or undefined when it
   * fits its type's class. A type only the '*' handler takes and no class describes is not checked.
   */
  private payloadError(event: EventEnvelope): string | undefined {
    const cls = this.payloadClassOf(event.type);
    if (!cls) return undefined;
    const check = validatePayload(cls, event.data);
    return check.ok ? undefined : `PAYLOAD_INVALID: ${check.message}`;
  }

  /** Stops pulling, lets in-flight events finish (their acks go out), then returns. */
  async stop(): Promise<void> {
    if (!this.messages) return;
    await this.messages.close();
    await this.loop?.catch(() => undefined);
    await Promise.allSettled([...this.inflight]);
  }

  private async handle(m: JsMsg): Promise<void> {
    const raw = m.string();
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = undefined;
    }
    const msgId = m.headers?.get('Nats-Msg-Id') || `${this.o.stream}:${m.seq}`;
    if (!isEventEnvelope(parsed)) {
      return this.deadLetter(m, msgId, raw, 'not a valid event envelope (CloudEvents 1.0 JSON with a uuid id)');
    }
    const event = parsed;
    const handler = this.o.handlers[event.type] ?? this.o.handlers['*'];
    if (!handler) {
      m.ack();
      this.metrics?.messagesHandled.inc({ consumer: this.o.durable, outcome: 'skipped' });
      return;
    }
    // The data is checked before the handler runs: a payload that does not fit its type's class never will (no retries).
    const invalid = this.payloadError(event);
    if (invalid) return this.deadLetter(m, event.id, raw, invalid);
    const deliveries = m.info.deliveryCount;
    if (deliveries > this.maxDeliver) {
      return this.deadLetter(m, event.id, raw, `gave up after ${deliveries - 1} deliveries without an ack`);
    }
    if (typeof handler !== 'function' && handler.accepts && !handler.accepts(event)) {
      m.ack();
      this.metrics?.messagesHandled.inc({ consumer: this.o.durable, outcome: 'skipped' });
      return;
    }
    try {
      const applied = await this.apply(event, handler);
      m.ack();
      this.metrics?.messagesHandled.inc({ consumer: this.o.durable, outcome: applied ? 'ack' : 'duplicate' });
    } catch (err) {
      if (isPermanent(err) || err instanceof UnrecoverableEventError || deliveries >= this.maxDeliver) {
        return this.deadLetter(m, event.id, raw, `${(err as Error).name}: ${(err as Error).message}`, deliveries);
      }
      const delay = this.backoffMs[Math.min(deliveries - 1, this.backoffMs.length - 1)];
      this.logger.warn({ err, eventId: event.id, type: event.type, deliveries, retryInMs: delay }, 'event handler failed; will retry');
      m.nak(delay);
      this.metrics?.messagesHandled.inc({ consumer: this.o.durable, outcome: 'nak' });
    }
  }

  /** Applies the event once: inbox row and effect in one transaction. Returns false for a duplicate. */
  async apply(event: EventEnvelope, handler: EventHandler): Promise<boolean> {
    const actor = event.actorid ? { id: event.actorid, role: (event.actorrole ?? 'ADMIN') as Role } : undefined;
    // The handler runs at the event's own time: what it stamps (its events, audit, rows) and the rules it runs are as of then.
    const time = new Date(event.time);
    const asOf = Number.isNaN(time.getTime()) ? {} : { asOf: time.toISOString(), asOfSource: 'event' as const };
    return runInContext({ correlationId: event.correlationid, causationId: event.id, actor, ...asOf }, async () => {
      const prepared = typeof handler === 'function' ? undefined : await handler.prepare?.(event);
      return this.ds.transaction(async (tx) => {
        const inserted: unknown[] = await tx.query(
          `INSERT INTO ${this.inboxTable} (event_id, consumer, type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING event_id`,
          [event.id, this.o.durable, event.type],
        );
        if (inserted.length === 0) return false;
        if (typeof handler === 'function') await handler(event, tx);
        else await handler.apply(event, tx, prepared);
        return true;
      });
    });
  }

  private async deadLetter(m: JsMsg, eventId: string, payload: string, error: string, deliveries = m.info.deliveryCount): Promise<void> {
    try {
      await this.ds.query(
        `INSERT INTO ${this.deadLetterTable} (consumer, event_id, subject, payload, error, deliveries)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (consumer, event_id) DO NOTHING`,
        [this.o.durable, eventId, m.subject, payload, error, deliveries],
      );
    } catch (err) {
      // Could not record it: leave it to be redelivered rather than lose it.
      this.logger.error({ err, eventId }, 'could not store dead letter; will retry');
      m.nak(this.backoffMs[0]);
      return;
    }
    m.term();
    this.logger.error({ eventId, subject: m.subject, error, deliveries }, 'event moved to dead letters');
    this.metrics?.messagesHandled.inc({ consumer: this.o.durable, outcome: 'dead_letter' });
  }

  /** Runs a dead-lettered event through the handler again (admin action), then marks it replayed. */
  async replay(row: DeadLetterRow): Promise<void> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(row.payload);
    } catch {
      parsed = undefined;
    }
    const handler = isEventEnvelope(parsed) ? (this.o.handlers[parsed.type] ?? this.o.handlers['*']) : undefined;
    try {
      if (!isEventEnvelope(parsed) || !handler) throw new UnrecoverableEventError('the message is not an event this consumer handles');
      const invalid = this.payloadError(parsed);
      if (invalid) throw new UnrecoverableEventError(invalid);
      await this.apply(parsed, handler);
      await this.ds.getRepository(DeadLetterRow).update(row.id, { replayedAt: new Date(), replayError: null });
    } catch (err) {
      await this.ds.getRepository(DeadLetterRow).update(row.id, { replayError: (err as Error).message });
      throw err;
    }
  }
}
