import 'reflect-metadata';
import type { ConsumerSettings } from './agency-sdk.options';
import type { PlatformEvents } from './contract.generated';
import type { EventEnvelope } from './envelope';

export type PlatformEventType = keyof PlatformEvents;

/** What an `@OnPlatformEvent(type)` method receives: the event's `data`, and the whole envelope (id, time, correlation). */
export type PlatformEventHandler<T extends PlatformEventType> = (
  data: PlatformEvents[T],
  envelope: EventEnvelope<PlatformEvents[T]>,
) => unknown | Promise<unknown>;

export interface OnPlatformEventOptions extends ConsumerSettings {
  /**
   * The consumer's name: the durable consumer is `agency-<CODE>-<name>`. One handler per name, one event type per
   * consumer (nats-server 2.9 takes one filter subject per consumer). Default: the type with its dots as dashes.
   */
  name?: string;
}

export interface PlatformEventHandlerMeta {
  type: string;
  options: OnPlatformEventOptions;
}

/** Where the decorator keeps what it declares, on the method itself. */
export const PLATFORM_EVENT_HANDLER = 'ocop-agency-sdk:platform-event';

/**
 * Handles one platform event type in a durable JetStream consumer of the agency (`agency-<CODE>-<name>`, filtered on
 * `<prefix>.events.<type>`). The method's parameters are checked against the contract: `(data, envelope)`.
 *
 * Delivery is at least once. A handler that throws is retried later with backoff, up to `maxDeliver` deliveries, then
 * logged and terminated; one that throws PermanentEventError is terminated at once. A redelivery of an event this
 * process already handled is acknowledged without calling the handler again (a bounded memory of ids), but after a
 * restart the same event may come again: a handler must be idempotent (e.g. give its request a stable reference).
 */
export function OnPlatformEvent<T extends PlatformEventType>(type: T, options: OnPlatformEventOptions = {}) {
  return <M extends PlatformEventHandler<T>>(_target: object, _key: string | symbol, descriptor: TypedPropertyDescriptor<M>): void => {
    const method = descriptor.value;
    if (typeof method !== 'function') throw new Error(`@OnPlatformEvent('${type}') goes on a method`);
    const known = (Reflect.getOwnMetadata(PLATFORM_EVENT_HANDLER, method) as PlatformEventHandlerMeta[] | undefined) ?? [];
    Reflect.defineMetadata(PLATFORM_EVENT_HANDLER, [...known, { type, options }], method);
  };
}
