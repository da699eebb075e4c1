import type { LoggerService } from '@nestjs/common';
import { millis, nanos } from '@nats-io/transport-node';
import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  type ConsumerConfig,
  type ConsumerInfo,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { backoffDelay } from './agency-sdk.options';
import { PermanentEventError } from './agency-request.error';
import { isEventEnvelope, type EventEnvelope } from './envelope';
import type { HandledEventIds } from './handled-event-ids';
import type { DiscoveredHandler } from './platform-event-handlers';

/** What the consumer needs of a delivered message (a JsMsg). */
export interface DeliveredMessage {
  readonly subject: string;
  readonly info: { readonly deliveryCount: number };
  string(): string;
  ack(): void;
  nak(millis?: number): void;
  term(): void;
  working(): void;
}

/** What became of one delivery. */
export type Outcome = 'handled' | 'duplicate' | 'retry' | 'terminated';

export type ConsumerState = 'idle' | 'starting' | 'running' | 'stopped' | 'failed';

export interface ConsumerPlacement {
  stream: string;
  /** The durable consumer's name, `agency-<CODE>-<name>`. */
  durable: string;
  /** `<prefix>.events.<type>`. */
  filterSubject: string;
  /** How long to wait for the stream at start-up. */
  streamWaitMs: number;
  /** Create the consumer when it is missing (development); else wait for the platform's (operator mode). */
  create: boolean;
}

/** The bus as the consumer uses it (AgencyConnection). */
export interface ConsumerBus {
  readonly js: JetStreamClient;
  jsm(): Promise<JetStreamManager>;
}

const isApiError = (err: unknown, code: number): boolean => err instanceof JetStreamApiError && err.code === code;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * One `@OnPlatformEvent` handler's durable pull consumer: explicit acks; a handler that throws is nak'ed with the
 * backoff's delay, and after the last delivery logged and terminated; a redelivery of an id this process handled is
 * acked without the handler. While a handler runs, the message is kept from being redelivered (`working`).
 */
export class PlatformEventConsumer {
  state: ConsumerState = 'idle';
  lastError?: string;
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;
  private readonly inflight = new Map<string, Promise<Outcome>>();
  private readonly running = new Set<Promise<Outcome>>();
  /** The server's settings when they are stricter than the handler's (a consumer the platform created). */
  private maxDeliver: number;
  private ackWaitMs: number;

  constructor(
    readonly handler: DiscoveredHandler,
    readonly placement: ConsumerPlacement,
    private readonly bus: ConsumerBus,
    private readonly handled: HandledEventIds,
    private readonly logger: LoggerService,
  ) {
    this.maxDeliver = handler.settings.maxDeliver;
    this.ackWaitMs = handler.settings.ackWaitMs;
  }

  get durable(): string {
    return this.placement.durable;
  }

  /** The consumer's settings when the SDK creates it. */
  consumerConfig(): Partial<ConsumerConfig> & { durable_name: string } {
    const s = this.handler.settings;
    return {
      durable_name: this.placement.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: s.deliver === 'new' ? DeliverPolicy.New : DeliverPolicy.All,
      filter_subject: this.placement.filterSubject,
      max_deliver: s.maxDeliver,
      ack_wait: nanos(s.ackWaitMs),
      max_ack_pending: Math.max(16, s.concurrency * 4),
    };
  }

  async start(): Promise<void> {
    this.state = 'starting';
    try {
      const info = await this.ensureConsumer();
      const serverMax = info.config.max_deliver ?? -1;
      this.maxDeliver = serverMax > 0 ? Math.min(this.handler.settings.maxDeliver, serverMax) : this.handler.settings.maxDeliver;
      if (info.config.ack_wait) this.ackWaitMs = millis(info.config.ack_wait);
      const consumer = await this.bus.js.consumers.get(this.placement.stream, this.placement.durable);
      const messages = await consumer.consume({ max_messages: this.handler.settings.concurrency });
      this.messages = messages;
      this.state = 'running';
      this.loop = (async () => {
        for await (const m of messages) {
          while (this.running.size >= this.handler.settings.concurrency) await Promise.race(this.running);
          const p = this.handle(m)
            .catch((err: unknown): Outcome => {
              // Settling failed (the connection closed under an ack): the server redelivers it after ack_wait.
              this.logger.error(`consumer ${this.durable} could not settle a message: ${(err as Error).message}`);
              return 'retry';
            })
            .finally(() => this.running.delete(p));
          this.running.add(p);
        }
      })().then(
        () => {
          if (this.state === 'running') this.state = 'stopped';
        },
        (err: unknown) => {
          this.state = 'failed';
          this.lastError = (err as Error).message;
          this.logger.error(`consumer ${this.durable} stopped: ${this.lastError}`);
        },
      );
      this.logger.log(`consumer ${this.durable} reads ${this.placement.filterSubject} for ${this.handler.where}`);
    } catch (err) {
      this.state = 'failed';
      this.lastError = (err as Error).message;
      throw err;
    }
  }

  /**
   * The durable consumer: the existing one as it is (the platform may have created it, with its own settings), or a
   * new one. Waits up to `streamWaitMs` for the platform's stream, which may start after the agency.
   */
  private async ensureConsumer(): Promise<ConsumerInfo> {
    const { stream, durable, filterSubject, streamWaitMs } = this.placement;
    if (!this.placement.create) return this.platformConsumer();
    const jsm = await this.bus.jsm();
    const until = Date.now() + streamWaitMs;
    for (let waited = false; ;) {
      try {
        const info = await jsm.consumers.info(stream, durable);
        const filter = info.config.filter_subject;
        if (filter && filter !== filterSubject)
          this.logger.warn(`consumer ${durable} exists with filter ${filter}, not ${filterSubject}: it is used as it is`);
        return info;
      } catch (err) {
        if (isApiError(err, JetStreamApiCodes.ConsumerNotFound)) {
          try {
            return await jsm.consumers.add(stream, this.consumerConfig());
          } catch (addErr) {
            if (!isApiError(addErr, JetStreamApiCodes.StreamNotFound)) throw addErr;
          }
        } else if (!isApiError(err, JetStreamApiCodes.StreamNotFound)) {
          throw err;
        }
      }
      if (Date.now() >= until)
        throw new Error(`agency SDK: stream ${stream} does not exist (waited ${streamWaitMs} ms for the platform to create it)`);
      if (!waited) this.logger.warn(`stream ${stream} does not exist yet; waiting for the platform to create it`);
      waited = true;
      await sleep(Math.min(1_000, Math.max(0, until - Date.now())));
    }
  }

  /**
   * Operator mode: the consumer the platform created when it granted the type (the credential may read its info, pull
   * and ack, nothing else of JetStream's API); waits up to `streamWaitMs` for it.
   */
  private async platformConsumer(): Promise<ConsumerInfo> {
    const { stream, durable, streamWaitMs } = this.placement;
    const until = Date.now() + streamWaitMs;
    for (let waited = false; ;) {
      try {
        return await (await this.bus.js.consumers.get(stream, durable)).info(true);
      } catch (err) {
        const missing = isApiError(err, JetStreamApiCodes.ConsumerNotFound) || isApiError(err, JetStreamApiCodes.StreamNotFound);
        if (!missing || Date.now() >= until)
          throw new Error(
            `agency SDK: consumer ${durable} of stream ${stream} cannot be read (${(err as Error).message}): the platform creates it when it grants the event type and issues the credential`,
          );
      }
      if (!waited) this.logger.warn(`consumer ${durable} does not exist yet; waiting for the platform to create it`);
      waited = true;
      await sleep(Math.min(1_000, Math.max(0, until - Date.now())));
    }
  }

  /** Stops pulling, lets the handlers that run finish (their acks go out), then returns. */
  async stop(): Promise<void> {
    if (this.state === 'running') this.state = 'stopped';
    await this.messages?.close().catch(() => undefined);
    await this.loop;
    await Promise.allSettled([...this.running]);
  }

  /** Settles one delivery. Public for tests; the consumer's loop calls it. */
  async handle(m: DeliveredMessage): Promise<Outcome> {
    let event: unknown;
    try {
      event = JSON.parse(m.string());
    } catch {
      event = undefined;
    }
    if (!isEventEnvelope(event)) return this.terminate(m, undefined, 'not an event envelope (CloudEvents 1.0 JSON with a UUID id)');
    if (event.type !== this.handler.type) return this.terminate(m, event, `type ${event.type} on a consumer of ${this.handler.type}`);
    if (this.handled.has(event.id)) {
      m.ack();
      return 'duplicate';
    }
    // The same event delivered again while its first delivery is still being handled: wait for that one's outcome.
    const earlier = this.inflight.get(event.id);
    if (earlier) {
      await earlier.catch(() => undefined);
      if (this.handled.has(event.id)) {
        m.ack();
        return 'duplicate';
      }
    }
    const attempt = this.attempt(m, event);
    this.inflight.set(event.id, attempt);
    try {
      return await attempt;
    } finally {
      if (this.inflight.get(event.id) === attempt) this.inflight.delete(event.id);
    }
  }

  private async attempt(m: DeliveredMessage, event: EventEnvelope): Promise<Outcome> {
    const keepAlive = setInterval(() => m.working(), Math.max(100, Math.floor(this.ackWaitMs / 2)));
    try {
      await this.handler.handle(event.data, event);
    } catch (err) {
      return this.failed(m, event, err);
    } finally {
      clearInterval(keepAlive);
    }
    this.handled.add(event.id);
    m.ack();
    return 'handled';
  }

  private failed(m: DeliveredMessage, event: EventEnvelope, err: unknown): Outcome {
    const deliveries = m.info.deliveryCount;
    const why = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    if (err instanceof PermanentEventError) return this.terminate(m, event, why);
    if (deliveries >= this.maxDeliver) return this.terminate(m, event, `gave up after ${deliveries} deliveries; last error ${why}`);
    const delay = backoffDelay(this.handler.settings.backoffMs, deliveries);
    this.logger.warn(
      `${this.handler.where} failed on ${event.type} ${event.id} (delivery ${deliveries} of ${this.maxDeliver}): ${why}; retry in ${delay} ms`,
    );
    m.nak(delay);
    return 'retry';
  }

  private terminate(m: DeliveredMessage, event: EventEnvelope | undefined, why: string): Outcome {
    // A plain term: nats-server 2.9 does not read a reason after +TERM.
    m.term();
    this.logger.error(`consumer ${this.durable} terminated ${event ? `${event.type} ${event.id}` : `a message on ${m.subject}`}: ${why}`);
    return 'terminated';
  }
}
