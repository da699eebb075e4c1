import type { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { resolveConsumerSettings, type ConsumerSettings } from './agency-sdk.options';
import { PLATFORM_EVENT_TYPES } from './contract.generated';
import type { EventEnvelope } from './envelope';
import { PLATFORM_EVENT_HANDLER, type PlatformEventHandlerMeta } from './on-platform-event.decorator';
import { CONSUMER_NAME_RULE, defaultConsumerName } from './subjects';

/** One `@OnPlatformEvent` method found in the application, ready to become a durable consumer. */
export interface DiscoveredHandler {
  /** The consumer's name (without the `agency-<CODE>-` prefix). */
  name: string;
  type: string;
  /** `Class.method`, for logs and errors. */
  where: string;
  settings: Required<ConsumerSettings>;
  handle(data: unknown, envelope: EventEnvelope): Promise<unknown>;
}

/**
 * Every `@OnPlatformEvent` method of the application's providers and controllers. Start-up fails on a type the
 * contract does not declare, on a name that is not a consumer name, and on two handlers for one name (one consumer,
 * one type, one handler: so each event's ack says what its handler did).
 */
export function discoverPlatformEventHandlers(
  discovery: DiscoveryService,
  scanner: MetadataScanner,
  defaults: Required<ConsumerSettings>,
): DiscoveredHandler[] {
  const known = new Set<string>(PLATFORM_EVENT_TYPES);
  const byName = new Map<string, DiscoveredHandler>();
  const seen = new Set<object>();
  for (const wrapper of [...discovery.getProviders(), ...discovery.getControllers()]) {
    const instance = wrapper.instance as Record<string, unknown> | undefined;
    if (!instance || typeof instance !== 'object' || seen.has(instance)) continue;
    seen.add(instance);
    const proto = Object.getPrototypeOf(instance) as object | null;
    for (const method of scanner.getAllMethodNames(proto)) {
      const fn = instance[method];
      if (typeof fn !== 'function') continue;
      const metas = Reflect.getMetadata(PLATFORM_EVENT_HANDLER, fn) as PlatformEventHandlerMeta[] | undefined;
      for (const { type, options } of metas ?? []) {
        const where = `${instance.constructor.name}.${method}`;
        if (!known.has(type)) throw new Error(`agency SDK: ${where} handles ${type}, which is not a platform event type of the contract`);
        const name = options.name ?? defaultConsumerName(type);
        if (!CONSUMER_NAME_RULE.test(name))
          throw new Error(`agency SDK: ${where}: consumer name ${name} may hold only A–Z, a–z, 0–9, _ and -`);
        const other = byName.get(name);
        if (other) {
          throw new Error(
            `agency SDK: consumer ${name} is declared by ${other.where} (${other.type}) and ${where} (${type}): one handler per consumer name`,
          );
        }
        if (!wrapper.isDependencyTreeStatic())
          throw new Error(`agency SDK: ${where} is request-scoped; an event handler must be a singleton`);
        const settings: ConsumerSettings = { ...options };
        delete (settings as { name?: string }).name;
        byName.set(name, {
          name,
          type,
          where,
          settings: resolveConsumerSettings(defaults, settings),
          handle: async (data, envelope) => (fn as (d: unknown, e: EventEnvelope) => unknown).call(instance, data, envelope),
        });
      }
    }
  }
  return [...byName.values()];
}
