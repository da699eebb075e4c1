import type { NatsConnection } from '@nats-io/transport-node';
import { nanos } from '@nats-io/transport-node';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import {
  agencyEventOfSubject,
  eventPayloadClass,
  isEventEnvelope,
  validatePayload,
  type EventEnvelope,
  type EventPayloadClass,
  type Role,
} from '@ocop/contracts';
import { DeadLetterRow, schemaOf, type Tx } from '@ocop/persistence';
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

/** The handler of one event of a batch threw: the batch is rolled back, and that event's delivery counts as tried. */
class BatchItemError extends Error {
  constructor(
    readonly item: Pending,
    override readonly cause: unknown,
  ) {
    super((cause as Error)?.message ?? String(cause));
  }
}

const sqlState = (err: unknown): string | undefined =>
  (err as { driverError?: { code?: string }; code?: string })?.driverError?.code ?? (err as { code?: string })?.code;

/** A handler's effect in the inbox transaction, with what its prepare step read (a plain function prepares nothing). */
const applyHandler = (handler: EventHandler, event: EventEnvelope, tx: Tx, prepared: unknown): Promise<void> =>
  typeof handler === 'function' ? handler(event, tx) : handler.apply(event, tx, prepared);

/** What a handler's prepare step reads before its transaction (nothing for a plain function). */
const prepareHandler = (handler: EventHandler, event: EventEnvelope): Promise<unknown> | undefined =>
  typeof handler === 'function' ? undefined : handler.prepare?.(event);

/** An event this consumer will apply, with what settling it needs. */
interface Pending {
  m: JsMsg;
  raw: string;
  event: EventEnvelope;
  handler: EventHandler;
  deliveries: number;
  done?: () => void;
}

/**
 * What the subject tells about the publisher, written into the envelope, and nothing the publisher claimed. On an
 * agency's subject: the agency (`agencycode`), no actor (an agency acts as no platform user), and only the agency event
 * type the subject names. Elsewhere (the platform's own account): no agency. Returns why an event is refused.
 */
function vouchForPublisher(event: EventEnvelope, subject: string): string | undefined {
  delete event.agencycode;
  const agency = agencyEventOfSubject(subject);
  if (!agency) return undefined;
  if (event.type !== agency.type) return `${subject} carries only ${agency.type}, not ${event.type}`;
  event.agencycode = agency.agencyCode;
  delete event.actorid;
  delete event.actorrole;
  return undefined;
}

/** The context a handler runs in: the event's correlation, its actor, and its own time as "now". */
function contextOf(event: EventEnvelope) {
  const actor = event.actorid ? { id: event.actorid, role: (event.actorrole ?? 'ADMIN') as Role } : undefined;
  // The handler runs at the event's own time: what it stamps (its events, audit, rows) and the rules it runs are as of then.
  const time = new Date(event.time);
  const asOf = Number.isNaN(time.getTime()) ? {} : { asOf: time.toISOString(), asOfSource: 'event' as const };
  return { correlationId: event.correlationid, causationId: event.id, actor, ...asOf };
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
  /**
   * Events applied together in one transaction, up to `concurrency` such transactions at once (default 8; a consumer
   * with concurrency 1 keeps stream order, one event at a time, and does not batch).
   */
  batchSize?: number;
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
  private readonly batchSize: number;
  private readonly pending: (Pending & { done: () => void })[] = [];

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
    this.batchSize = this.concurrency > 1 ? Math.max(1, o.batchSize ?? 8) : 1;
    const schema = schemaOf(ds);
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
      max_ack_pending: Math.max(100, this.concurrency * this.batchSize * 2),
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
    this.messages = await consumer.consume({ max_messages: this.concurrency * this.batchSize * 2 });
    const messages = this.messages;
    this.loop = (async () => {
      for await (const m of messages) {
        // Up to `concurrency` transactions at once, each of up to `batchSize` events.
        while (this.inflight.size >= this.concurrency * this.batchSize) await Promise.race(this.inflight);
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
    const refused = vouchForPublisher(event, m.subject);
    if (refused) return this.deadLetter(m, event.id, raw, refused);
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
    const item: Pending = { m, raw, event, handler, deliveries };
    return this.batchSize > 1 ? this.inBatch(item) : this.settle(item);
  }

  /** Applies one event in its own transaction, then acks it; a failure is retried later or dead-lettered. */
  private async settle(item: Pending): Promise<void> {
    try {
      const applied = await this.apply(item.event, item.handler);
      item.m.ack();
      this.metrics?.messagesHandled.inc({ consumer: this.o.durable, outcome: applied ? 'ack' : 'duplicate' });
    } catch (err) {
      await this.failed(item, err);
    }
  }

  /** A handler failed on this delivery: dead letters when it never will succeed or was the last try, else a delayed retry. */
  private async failed({ m, raw, event, deliveries }: Pending, err: unknown): Promise<void> {
    if (isPermanent(err) || err instanceof UnrecoverableEventError || deliveries >= this.maxDeliver) {
      return this.deadLetter(m, event.id, raw, `${(err as Error).name}: ${(err as Error).message}`, deliveries);
    }
    const delay = this.backoffMs[Math.min(deliveries - 1, this.backoffMs.length - 1)];
    this.logger.warn({ err, eventId: event.id, type: event.type, deliveries, retryInMs: delay }, 'event handler failed; will retry');
    m.nak(delay);
    this.metrics?.messagesHandled.inc({ consumer: this.o.durable, outcome: 'nak' });
  }

  /**
   * Joins the batch the next turn of the event loop applies: the events this consumer has in hand at once (up to its
   * concurrency) share one transaction and one multi-row inbox insert, then are acked together. A batch that fails is
   * rolled back whole and each of its events is applied on its own, as without batching, so one bad event costs the
   * others nothing but a second try.
   */
  private inBatch(item: Pending): Promise<void> {
    return new Promise<void>((done) => {
      this.pending.push({ ...item, done });
      // One flush for every batchSize events waiting (the first, the (batchSize+1)-th, ...): each takes up to batchSize.
      if (this.pending.length % this.batchSize === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const items = this.pending.splice(0, this.batchSize);
    if (!items.length) return;
    if (items.length === 1) return this.settle(items[0]!).finally(items[0]!.done);
    // A batch takes as long as its handlers together: its events say they are still being worked on, so the server does
    // not redeliver them while the transaction runs (the inbox would absorb that, at the price of the work done twice).
    const ackWaitMs = this.o.ackWaitMs ?? 30_000;
    const keepAlive = setInterval(() => items.forEach((i) => i.m.working()), Math.max(250, ackWaitMs / 2));
    try {
      const applied = await this.applyBatch(items);
      for (const i of items) {
        i.m.ack();
        this.metrics?.messagesHandled.inc({ consumer: this.o.durable, outcome: applied.has(i) ? 'ack' : 'duplicate' });
      }
      this.metrics?.consumerBatch.observe({ consumer: this.o.durable }, items.length);
    } catch (err) {
      // The handler that threw has had this delivery's try; the others are applied one by one, as without batching.
      // (A handler that met a transaction an earlier one had already broken is not the culprit: SQLSTATE 25P02.)
      const culprit = err instanceof BatchItemError && sqlState(err.cause) !== '25P02' ? err.item : undefined;
      this.logger.debug({ err, events: items.length }, 'event batch rolled back; applying its other events one by one');
      await Promise.all(items.map((i) => (i === culprit ? this.failed(i, (err as BatchItemError).cause) : this.settle(i))));
    } finally {
      clearInterval(keepAlive);
      for (const i of items) i.done();
    }
  }

  /** The batch's events in one transaction: their inbox rows in one insert, then each new one's handler, in order. */
  private async applyBatch(items: Pending[]): Promise<Set<Pending>> {
    const prepared = await Promise.all(items.map((i) => runInContext(contextOf(i.event), () => prepareHandler(i.handler, i.event))));
    return this.ds.transaction(async (tx) => {
      const rows: { event_id: string }[] = await tx.query(
        `INSERT INTO ${this.inboxTable} (event_id, consumer, type)
         SELECT e, $2, t FROM unnest($1::uuid[], $3::text[]) AS x(e, t) ON CONFLICT DO NOTHING RETURNING event_id`,
        [items.map((i) => i.event.id), this.o.durable, items.map((i) => i.event.type)],
      );
      const fresh = new Set(rows.map((r) => r.event_id));
      const applied = new Set<Pending>();
      for (const [k, i] of items.entries()) {
        // An event delivered twice into one batch is applied once.
        if (!fresh.delete(i.event.id)) continue;
        const { handler, event } = i;
        await runInContext(contextOf(event), () =>
          applyHandler(handler, event, tx, prepared[k]).catch((e: unknown) => {
            throw new BatchItemError(i, e);
          }),
        );
        applied.add(i);
      }
      return applied;
    });
  }

  /** Applies the event once: inbox row and effect in one transaction. Returns false for a duplicate. */
  async apply(event: EventEnvelope, handler: EventHandler): Promise<boolean> {
    return runInContext(contextOf(event), async () => {
      const prepared = await prepareHandler(handler, event);
      return this.ds.transaction(async (tx) => {
        const inserted: unknown[] = await tx.query(
          `INSERT INTO ${this.inboxTable} (event_id, consumer, type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING event_id`,
          [event.id, this.o.durable, event.type],
        );
        if (inserted.length === 0) return false;
        await applyHandler(handler, event, tx, prepared);
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
