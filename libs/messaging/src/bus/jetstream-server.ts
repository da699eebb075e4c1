import { EventPattern, Server, type CustomTransportStrategy } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import { EVENT_PAYLOADS, type EventEnvelope } from '@ocop/contracts';
import type { Tx } from '@ocop/persistence';
import type { EventHandler } from '../event-consumer';
import type { ConsumerSpec } from '../service-messaging';
import { EventContext } from './event-context';

/** The transport id of the platform's JetStream consumers (Nest routes `@OnEvent` handlers to this server only). */
export const JETSTREAM = Symbol('ocop-jetstream');

/** A durable consumer of a service: `<service>-<name>`, with how many events it handles at once (1: stream order). */
export interface EventConsumerSpec {
  name: string;
  concurrency?: number;
}

export interface OnEventOptions {
  /** Only events this accepts are applied; the others are acknowledged with no transaction (`PreparedEventHandler.accepts`). */
  when?: (event: EventEnvelope) => boolean;
}

interface Extras {
  consumer: EventConsumerSpec;
  type: string;
  phase: 'apply' | 'prepare';
  when?: OnEventOptions['when'];
}

const patternOf = (e: Extras): string => `${e.consumer.name}|${e.type}|${e.phase}`;

/** Handles one event type (or `'*'`: every type the consumer has no other handler for) in a durable consumer. */
export const OnEvent = (consumer: EventConsumerSpec, type: string, options: OnEventOptions = {}): MethodDecorator => {
  const extras: Extras = { consumer, type, phase: 'apply', when: options.when };
  return EventPattern<string>(patternOf(extras), JETSTREAM, extras);
};

/**
 * Reads what an `@OnEvent` handler of the same consumer and type needs from elsewhere (another service over NATS),
 * before the inbox transaction opens, so no lock is held while it waits; the handler gets it as `ctx.prepared`.
 */
export const PrepareEvent = (consumer: EventConsumerSpec, type: string): MethodDecorator => {
  const extras: Extras = { consumer, type, phase: 'prepare' };
  return EventPattern<string>(patternOf(extras), JETSTREAM, extras);
};

type NestHandler = (data: unknown, ctx: EventContext) => Promise<unknown>;
type HandlerEntry = { apply?: NestHandler; prepare?: NestHandler; when?: OnEventOptions['when'] };

/**
 * The project's JetStream consumers as a Nest transport: `@OnEvent(consumer, type)` methods of a service's controllers
 * become the handlers of its durable consumers (outbox, inbox, retries and dead letters stay `DurableEventConsumer`'s).
 * Start-up fails on a type the event registry does not declare, on two handlers for one type in one consumer, on a
 * prepare step without its handler, and on one consumer declared with two settings.
 */
export class JetStreamServer extends Server implements CustomTransportStrategy {
  override transportId = JETSTREAM;
  // The consumer retries, dead-letters and counts failures: a handler's error must reach it, not be logged and dropped.
  override propagatesEventHandlerErrors = true;
  private readonly specs = new Map<string, EventConsumerSpec>();
  private readonly handlersOf = new Map<string, Map<string, HandlerEntry>>();

  override addHandler(pattern: unknown, callback: Parameters<Server['addHandler']>[1], isEventHandler = false, extras: object = {}): void {
    if (!isEventHandler) return; // request/reply handlers are the BusServer's
    const { consumer, type, phase, when } = extras as Extras;
    if (!consumer || !type) throw new Error(`event handler ${String(pattern)} is not declared with @OnEvent`);
    if (type !== '*' && !EVENT_PAYLOADS[type as keyof typeof EVENT_PAYLOADS])
      throw new Error(`consumer ${consumer.name} handles ${type}, which no contract declares (EVENT_PAYLOADS)`);
    const known = this.specs.get(consumer.name);
    if (known && known !== consumer && known.concurrency !== consumer.concurrency)
      throw new Error(`consumer ${consumer.name} is declared twice with different settings`);
    this.specs.set(consumer.name, known ?? consumer);
    const byType = this.handlersOf.get(consumer.name) ?? new Map<string, HandlerEntry>();
    this.handlersOf.set(consumer.name, byType);
    const entry = byType.get(type) ?? {};
    if (entry[phase]) throw new Error(`two ${phase} handlers for ${type} in consumer ${consumer.name}`);
    entry[phase] = callback as unknown as NestHandler;
    if (when) entry.when = when;
    byType.set(type, entry);
  }

  /** The durable consumers the decorated handlers make, for the service's messaging to start. */
  consumers(): ConsumerSpec[] {
    return [...this.handlersOf].map(([name, byType]) => {
      const handlers: Record<string, EventHandler> = {};
      for (const [type, { apply, prepare, when }] of byType) {
        if (!apply) throw new Error(`consumer ${name} prepares ${type} but has no @OnEvent handler for it`);
        handlers[type] = {
          accepts: when,
          prepare: prepare && ((event: EventEnvelope) => run(prepare, event, undefined, undefined)),
          apply: (event: EventEnvelope, tx: Tx, prepared: unknown) => run(apply, event, tx, prepared).then(() => undefined),
        };
      }
      return { name, handlers, concurrency: this.specs.get(name)?.concurrency };
    });
  }

  /** Nothing to open: the service's messaging starts the consumers with the rest of its bus work. */
  listen(callback: () => void): void {
    callback();
  }

  close(): void {}

  on(): never {
    throw new Error('JetStreamServer has no events to subscribe to');
  }

  unwrap<T>(): T {
    throw new Error('JetStreamServer has no client of its own to unwrap') as T;
  }
}

async function run(handler: NestHandler, event: EventEnvelope, tx: Tx | undefined, prepared: unknown): Promise<unknown> {
  const result = await handler(event.data, new EventContext([event, tx, prepared]));
  return isObservable(result) ? lastValueFrom(result, { defaultValue: undefined }) : result;
}
