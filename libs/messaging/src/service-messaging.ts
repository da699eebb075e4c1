import type { NatsConnection } from '@nats-io/transport-node';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { Metrics } from '@ocop/observability';
import { consumerFilterSubject } from '@ocop/contracts';
import { DurableEventConsumer, type EventHandler } from './event-consumer';
import { JetStreamPublisher, OutboxRelay, type EventPublisher } from './outbox';
import { ensureEventStream } from './nats';

export interface MessagingSettings {
  /** Service name: the RPC queue group, the CloudEvents source and the prefix of its durable consumers. */
  service: string;
  prefix: string;
  stream: string;
  relayPollIntervalMs?: number;
  consumerBackoffMs?: number[];
  consumerMaxDeliver?: number;
}

export interface ConsumerSpec {
  /** Suffix of the durable name: `<service>-<name>`. */
  name: string;
  handlers: Record<string, EventHandler>;
  concurrency?: number;
}

/**
 * Everything one service process does with its events: relays its outbox and runs its durable consumers
 * (its requests are answered by its BusServer). Started after the database is migrated; stopped before it is closed.
 */
export class ServiceMessaging {
  private relay?: OutboxRelay;
  consumers: DurableEventConsumer[] = [];

  constructor(
    private readonly nc: NatsConnection,
    private readonly ds: DataSource,
    private readonly s: MessagingSettings,
    private readonly logger: Logger,
    private readonly metrics?: Metrics,
    private readonly publisher: EventPublisher = new JetStreamPublisher(nc),
  ) {}

  async start(consumers: ConsumerSpec[]): Promise<void> {
    await ensureEventStream(this.nc, { name: this.s.stream, prefix: this.s.prefix });
    this.consumers = consumers.map(
      (c) =>
        new DurableEventConsumer(
          this.nc,
          this.ds,
          {
            durable: `${this.s.service}-${c.name}`,
            stream: this.s.stream,
            filterSubject: consumerFilterSubject(this.s.prefix, Object.keys(c.handlers)),
            handlers: c.handlers,
            concurrency: c.concurrency,
            backoffMs: this.s.consumerBackoffMs,
            maxDeliver: this.s.consumerMaxDeliver,
          },
          this.logger,
          this.metrics,
        ),
    );
    this.relay = new OutboxRelay(this.ds, this.publisher, { pollIntervalMs: this.s.relayPollIntervalMs }, this.logger, this.metrics);
    await this.relay.start();
    for (const c of this.consumers) await c.start();
  }

  async stop(): Promise<void> {
    for (const c of this.consumers) await c.stop();
    await this.relay?.stop();
  }
}
