import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { eventSubject } from '@ocop/contracts';

/**
 * The gateway's cache of the public catalogue's pages (the JSON of `/api/public/ocop-products` by query and as-of). Any
 * trade-promotion event empties it: a certificate joining or leaving the catalogue (`catalogue-changed`, published by
 * trade promotion once it has applied certification's event), a product leaving a shelf or an event, a new sales point.
 * The events are rare (a few a day), so one rule for all is enough. Nothing is served while the connection to NATS is
 * down, and an entry lives at most `ttlMs`.
 */
export class ShowcaseCache {
  private readonly entries = new Map<string, { value: unknown; at: number }>();
  private subscription?: Subscription;
  private connected = true;
  private epoch = 0;

  constructor(
    private readonly nc: NatsConnection,
    private readonly prefix: string,
    private readonly logger: Logger,
    private readonly o: { ttlMs: number; maxEntries: number },
  ) {}

  start(): void {
    this.subscription = this.nc.subscribe(eventSubject(this.prefix, 'trade-promotion.>'), { callback: () => this.clear() });
    void (async () => {
      for await (const s of this.nc.status()) {
        if (s.type === 'disconnect' || s.type === 'reconnect') {
          this.clear();
          this.connected = s.type === 'reconnect';
          this.logger.warn({ status: s.type }, 'showcase cache cleared (NATS connection changed)');
        }
      }
    })().catch(() => undefined);
  }

  stop(): void {
    this.subscription?.unsubscribe();
  }

  private clear(): void {
    this.entries.clear();
    this.epoch++;
  }

  /** The cached value of `key`, or what `load` answers (cached unless an event arrived meanwhile). */
  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.connected ? this.entries.get(key) : undefined;
    if (hit && Date.now() - hit.at < this.o.ttlMs) return hit.value as T;
    const epoch = this.epoch;
    const value = await load();
    if (epoch === this.epoch && this.connected && this.o.ttlMs > 0) {
      if (this.entries.size >= this.o.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, { value, at: Date.now() });
    }
    return value;
  }
}
